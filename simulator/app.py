"""The aiohttp application serving every simulated platform."""

from __future__ import annotations

from aiohttp import web

from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.ecoledirecte.control import add_control_routes

ECOLEDIRECTE_KEY = web.AppKey("ecoledirecte", EcoleDirecteSimulator)


async def _index(request: web.Request) -> web.Response:
    platforms = {"ecoledirecte": {"api": "/v3", "control": "/_sim/ecoledirecte"}}
    return web.json_response({"platforms": platforms})


def build_app(ecoledirecte: EcoleDirecteSimulator | None = None) -> web.Application:
    """Build the application: EcoleDirecte under ``/v3`` and its control surface.

    A fresh :class:`EcoleDirecteSimulator` is created when none is given; it is reachable as
    ``app[ECOLEDIRECTE_KEY]``.
    """
    sim = ecoledirecte if ecoledirecte is not None else EcoleDirecteSimulator()
    app = web.Application()
    app[ECOLEDIRECTE_KEY] = sim
    app.router.add_route("*", "/v3/{tail:.*}", sim.handle)
    add_control_routes(app, sim)
    app.router.add_get("/_sim", _index)
    return app

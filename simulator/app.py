"""The aiohttp application serving every simulated platform."""

from __future__ import annotations

from aiohttp import web

from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.ecoledirecte.control import add_control_routes
from simulator.lectio import LectioSimulator
from simulator.lectio.control import add_control_routes as add_lectio_control_routes
from simulator.pronote import PronoteSimulator
from simulator.pronote.control import add_control_routes as add_pronote_control_routes
from simulator.scodoc import ScoDocSimulator
from simulator.scodoc.control import add_control_routes as add_scodoc_control_routes

ECOLEDIRECTE_KEY = web.AppKey("ecoledirecte", EcoleDirecteSimulator)
PRONOTE_KEY = web.AppKey("pronote", PronoteSimulator)
SCODOC_KEY = web.AppKey("scodoc", ScoDocSimulator)
LECTIO_KEY = web.AppKey("lectio", LectioSimulator)


async def _index(request: web.Request) -> web.Response:
    platforms = {
        "ecoledirecte": {"api": "/v3", "control": "/_sim/ecoledirecte"},
        "pronote": {
            "root": "/pronote",
            "spaces": ["/pronote/eleve.html", "/pronote/parent.html"],
            "control": "/_sim/pronote",
        },
        "scodoc": {
            "api": ["/ScoDoc/api", "/ScoDoc/<DEPT>/api"],
            "control": "/_sim/scodoc",
        },
        "lectio": {
            "root": "/lectio",
            "schools": "/lectio/login_list.aspx",
            "control": "/_sim/lectio",
        },
    }
    return web.json_response({"platforms": platforms})


def build_app(
    ecoledirecte: EcoleDirecteSimulator | None = None,
    pronote: PronoteSimulator | None = None,
    scodoc: ScoDocSimulator | None = None,
    lectio: LectioSimulator | None = None,
) -> web.Application:
    """Build the application: EcoleDirecte under ``/v3``, Pronote under ``/pronote``.

    Fresh simulators are created when none are given; they are reachable as
    ``app[ECOLEDIRECTE_KEY]`` and ``app[PRONOTE_KEY]``. Control surfaces live under
    ``/_sim/ecoledirecte`` and ``/_sim/pronote``.
    """
    sim = ecoledirecte if ecoledirecte is not None else EcoleDirecteSimulator()
    pronote_sim = pronote if pronote is not None else PronoteSimulator()
    app = web.Application()
    app[ECOLEDIRECTE_KEY] = sim
    app[PRONOTE_KEY] = pronote_sim
    app.router.add_route("*", "/v3/{tail:.*}", sim.handle)
    add_control_routes(app, sim)
    app.router.add_route("*", "/pronote", pronote_sim.handle)
    app.router.add_route("*", "/pronote/{tail:.*}", pronote_sim.handle)
    add_pronote_control_routes(app, pronote_sim)
    scodoc_sim = scodoc if scodoc is not None else ScoDocSimulator()
    app[SCODOC_KEY] = scodoc_sim
    app.router.add_route("*", "/ScoDoc/{tail:.*}", scodoc_sim.handle)
    add_scodoc_control_routes(app, scodoc_sim)
    lectio_sim = lectio if lectio is not None else LectioSimulator()
    app[LECTIO_KEY] = lectio_sim
    app.router.add_route("*", "/lectio/{tail:.*}", lectio_sim.handle)
    add_lectio_control_routes(app, lectio_sim)
    app.router.add_get("/_sim", _index)
    return app

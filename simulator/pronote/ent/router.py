"""``/pronote/ent/...``: the simulated ENTs' and EduConnect's pages (always served).

Requests are recorded in ``sim.requests`` as ``(path, "ent")``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiohttp import web

from simulator.pronote.ent import (
    cas_educonnect,
    educonnect,
    keycloak,
    open_ent_ng,
    saml_ents,
    wayf,
)

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

ENT_ROOT = "/pronote/ent"
Handler = Callable[["PronoteSimulator", web.Request], Awaitable[web.StreamResponse]]


async def _saml_ent_acs(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    return await sim.ent.saml_ent.assertion_consumer(sim, request)


async def _hub_acs(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    return await sim.ent.hub.assertion_consumer(sim, request)


async def _cas_educonnect_acs(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    return await sim.ent.cas_educonnect.assertion_consumer(sim, request)


async def _wayf_acs(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    return await sim.ent.wayf.assertion_consumer(sim, request)


# path -> (methods, handler)
ROUTES: dict[str, tuple[frozenset[str], Handler]] = {
    educonnect.SSO_PATH: (frozenset({"GET", "POST"}), educonnect.sso),
    f"{saml_ents.SAML_ENT_ROOT}/cas/login": (frozenset({"GET"}), saml_ents.saml_ent_login),
    f"{saml_ents.SAML_ENT_ROOT}/saml/acs": (frozenset({"POST"}), _saml_ent_acs),
    saml_ents.HUB_LOGIN: (frozenset({"GET"}), saml_ents.hub_login),
    f"{saml_ents.HUB_ROOT}/EduConnect/saml/SSO": (frozenset({"POST"}), _hub_acs),
    cas_educonnect.LOGIN: (frozenset({"GET", "POST"}), cas_educonnect.cas_login),
    f"{cas_educonnect.ROOT}/saml/acs": (frozenset({"POST"}), _cas_educonnect_acs),
    f"{open_ent_ng.ROOT}/cas/login": (frozenset({"GET"}), open_ent_ng.cas_login),
    open_ent_ng.AUTH_LOGIN: (frozenset({"GET", "POST"}), open_ent_ng.auth_login),
    open_ent_ng.TIMELINE: (frozenset({"GET"}), open_ent_ng.timeline),
    wayf.CAS_LOGIN: (frozenset({"GET"}), wayf.cas_login),
    wayf.DISCOVERY: (frozenset({"GET"}), wayf.discovery),
    wayf.SP_LOGIN: (frozenset({"GET"}), wayf.sp_login),
    wayf.ACS: (frozenset({"POST"}), _wayf_acs),
    f"{keycloak.ENT_ROOT}/cas/login": (frozenset({"GET"}), keycloak.ent_cas_login),
    keycloak.CALLBACK: (frozenset({"GET"}), keycloak.callback),
    keycloak.PORTAL: (frozenset({"GET"}), keycloak.portal),
    keycloak.AUTH: (frozenset({"GET"}), keycloak.authorize),
    keycloak.AUTHENTICATE: (frozenset({"GET", "POST"}), keycloak.authenticate),
}


async def handle_ent(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    """Serve one ENT page (404 for unknown paths, 405 for other methods)."""
    sim.requests.append((request.path, "ent"))
    route = ROUTES.get(request.path)
    if route is None:
        raise web.HTTPNotFound()
    methods, handler = route
    if request.method not in methods:
        raise web.HTTPMethodNotAllowed(request.method, sorted(methods))
    return await handler(sim, request)

"""ENTs that send every login to EduConnect (Pronote protocol §8.2): a regional ENT and Index's hub.

* ``educonnect``: ``<root>/cas/login?service=`` -> auto-post ``SAMLRequest`` to
  EduConnect -> its answer posted to ``<root>/saml/acs`` -> ticket.
* ``hub_educonnect``: the same at ``<hub>/EduConnect/cas/login?service=``, with
  the hub's refusals: "L'url de service est vide" and "... n'est pas une url
  de confiance" (also shown for every space page when ``hub_trusts_service``
  is off, as for a school the hub does not know).
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from aiohttp import web

from simulator.pronote.ent.cas_front import grant_ticket, service_of, unknown_service
from simulator.pronote.ent.pages import document, html
from simulator.pronote.ent.service_provider import ServiceProvider

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

SAML_ENT_ROOT = "/pronote/ent/saml-ent"
HUB_ROOT = "/pronote/ent/hub"
HUB_LOGIN = f"{HUB_ROOT}/EduConnect/cas/login"


def saml_ent() -> ServiceProvider:
    return ServiceProvider(SAML_ENT_ROOT, f"{SAML_ENT_ROOT}/saml/acs", "ent_session")


def hub() -> ServiceProvider:
    return ServiceProvider(HUB_ROOT, f"{HUB_ROOT}/EduConnect/saml/SSO", "hub_session")


async def saml_ent_login(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    sp = sim.ent.saml_ent
    service, page = service_of(request)
    if page is None:
        return unknown_service(service)
    username = sp.sessions.user(request)
    if username is not None:
        return grant_ticket(sim, service, page, username)
    return sp.start(str(request.url.origin()), str(request.rel_url))


def _hub_error(message: str) -> web.Response:
    body = f'<div class="erreur"><h1>Erreur</h1><p>{escape(message)}</p></div>'
    return html(document("HubEduConnect - Erreur", body), 400)


async def hub_login(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    sp = sim.ent.hub
    service, page = service_of(request)
    if not service:
        return _hub_error("L'url de service est vide.")
    if page is None or not sim.ent.hub_trusts_service:
        return _hub_error(f"L'url de service « {service} » n'est pas une url de confiance.")
    username = sp.sessions.user(request)
    if username is not None:
        return grant_ticket(sim, service, page, username)
    return sp.start(str(request.url.origin()), str(request.rel_url))

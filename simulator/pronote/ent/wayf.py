"""An ENT behind a WAYF / Shibboleth discovery service (Pronote protocol §8.2, e-lyco style).

``<root>/cas/login?service=`` without the ``_shibsession`` cookie redirects to
``<root>/discovery/WAYF?entityID=<SP>&returnX=<SP login>&returnIDParam=entityID``.
The discovery page lists identity providers in a ``<select name="origin">``
(the academic directory first, then EduConnect) and submits ``action=selection``;
the service then redirects to ``returnX`` with ``entityID=<chosen IdP>``. The
Shibboleth SP (``Shibboleth.sso/Login``) starts the SAML login with EduConnect
(the only provider simulated) and consumes its answer at ``Shibboleth.sso/SAML2/POST``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from aiohttp import web

from simulator.pronote.ent import educonnect
from simulator.pronote.ent.cas_front import grant_ticket, service_of, unknown_service
from simulator.pronote.ent.pages import document, hidden, html, redirect, with_query
from simulator.pronote.ent.service_provider import ServiceProvider

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

ROOT = "/pronote/ent/wayf"
CAS_LOGIN = f"{ROOT}/cas/login"
DISCOVERY = f"{ROOT}/discovery/WAYF"
SP_LOGIN = f"{ROOT}/Shibboleth.sso/Login"
ACS = f"{ROOT}/Shibboleth.sso/SAML2/POST"
ACADEMIC_IDP = "/pronote/ent/academie/idp"


def service_provider() -> ServiceProvider:
    return ServiceProvider(ROOT, ACS, "_shibsession_wayf")


async def cas_login(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    sp = sim.ent.wayf
    service, page = service_of(request)
    if page is None:
        return unknown_service(service)
    username = sp.sessions.user(request)
    if username is not None:
        return grant_ticket(sim, service, page, username)
    origin = str(request.url.origin())
    back = with_query(f"{origin}{SP_LOGIN}", SAMLDS="1", target=str(request.url))
    return redirect(
        with_query(DISCOVERY, entityID=sp.entity(origin), returnX=back, returnIDParam="entityID")
    )


def discovery_page(origin: str, entity: str, return_x: str, id_param: str) -> str:
    options = (
        (f"{origin}{ACADEMIC_IDP}", "Personnel de l'Éducation nationale (compte académique)"),
        (educonnect.entity_id(origin), "Élève ou parent (ÉduConnect)"),
    )
    choices = "\n".join(
        f'<option value="{escape(value)}">{escape(label)}</option>' for value, label in options
    )
    body = (
        "<h1>Choisissez votre profil de connexion</h1>\n"
        f'<form id="IdPList" method="get" action="{DISCOVERY}">\n'
        f"{hidden('entityID', entity)}\n{hidden('returnX', return_x)}\n"
        f"{hidden('returnIDParam', id_param)}\n{hidden('action', 'selection')}\n"
        f'<select name="origin" id="userIdPSelection">\n{choices}\n</select>\n'
        '<input type="submit" value="Valider">\n</form>'
    )
    return document("Sélection du fournisseur d'identité", body)


async def discovery(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    query = request.query
    entity, return_x = query.get("entityID", ""), query.get("returnX", "")
    if entity != sim.ent.wayf.entity(str(request.url.origin())) or not return_x:
        return html(document("Erreur", "<p>Fournisseur de service inconnu.</p>"), 400)
    id_param = query.get("returnIDParam") or "entityID"
    chosen = query.get("origin", "")
    if query.get("action") == "selection" and chosen:
        return redirect(with_query(return_x, **{id_param: chosen}))
    return html(discovery_page(str(request.url.origin()), entity, return_x, id_param))


async def sp_login(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    origin = str(request.url.origin())
    target = request.query.get("target", "")
    if request.query.get("entityID") != educonnect.entity_id(origin) or not target:
        body = "<p>Ce fournisseur d'identité n'est pas disponible.</p>"
        return html(document("Shibboleth - Erreur", body), 400)
    return sim.ent.wayf.start(origin, target)

"""A CAS offering an EduConnect button (Pronote protocol §8.2, "CAS + EduConnect").

``<root>/cas/login?service=`` shows the CAS's own form (for staff accounts:
``local_accounts`` lets the demo accounts in there too) and a button leading
to ``...&idp=educonnect``, which starts the EduConnect SAML login; its answer
comes back to ``<root>/saml/acs``, then the CAS issues the ticket.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from aiohttp import web

from simulator.pronote.ent.accounts import check_credentials
from simulator.pronote.ent.cas_front import grant_ticket, service_of, unknown_service
from simulator.pronote.ent.pages import document, hidden, html, with_query
from simulator.pronote.ent.service_provider import ServiceProvider

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

ROOT = "/pronote/ent/cas-educonnect"
LOGIN = f"{ROOT}/cas/login"


def service_provider() -> ServiceProvider:
    return ServiceProvider(ROOT, f"{ROOT}/saml/acs", "CASTGC_ENT")


def login_page(service: str, execution: str, error: str = "") -> str:
    action = with_query(LOGIN, service=service)
    educonnect = with_query(LOGIN, service=service, idp="educonnect")
    message = f'<div class="alert alert-danger">{escape(error)}</div>' if error else ""
    body = (
        '<main class="login">\n<section class="profils">\n'
        "<h2>Élève ou parent d'un établissement public</h2>\n"
        f'<a class="btn btn-educonnect" href="{escape(educonnect)}" title="Se connecter avec '
        'ÉduConnect"><img src="/static/educonnect.svg" alt="ÉduConnect"></a>\n</section>\n'
        "<section><h2>Autres utilisateurs</h2>\n"
        f"{message}\n"
        f'<form id="fm1" method="post" action="{escape(action)}">\n'
        '<input type="text" id="username" name="username" value="">\n'
        '<input type="password" id="password" name="password" value="">\n'
        f"{hidden('execution', execution)}\n{hidden('_eventId', 'submit')}\n"
        '<button type="submit" class="btn-submit">Connexion</button>\n</form>\n</section>\n</main>'
    )
    return document("Connexion - CAS de l'ENT", body)


async def cas_login(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    sp = sim.ent.cas_educonnect
    service, page = service_of(request)
    if page is None:
        return unknown_service(service)
    if request.method == "POST":
        form = await request.post()
        if not sim.cas.use_execution(str(form.get("execution", ""))):
            return html(login_page(service, sim.cas.new_execution(), "Session expirée."), 401)
        username = check_credentials(
            sim, str(form.get("username", "")), str(form.get("password", ""))
        )
        if username is None or not sim.ent.local_accounts:
            error = "Identifiant ou mot de passe incorrect."
            return html(login_page(service, sim.cas.new_execution(), error), 401)
        response = grant_ticket(sim, service, page, username)
        sp.sessions.open(response, username)
        return response
    username = sp.sessions.user(request)
    if username is not None:
        return grant_ticket(sim, service, page, username)
    if request.query.get("idp") == "educonnect":
        return sp.start(str(request.url.origin()), with_query(LOGIN, service=service))
    return html(login_page(service, sim.cas.new_execution()))

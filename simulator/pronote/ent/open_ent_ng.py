"""An Open ENT NG portal: ``POST <domain>/auth/login`` with ``email``/``password``.

See Pronote protocol §8.2.

Its CAS (``<root>/cas/login?service=``) sends browsers without the
``oneSessionId`` cookie to ``<root>/auth/login?callBack=...``. The page's
script copies ``callBack`` into the form; a script-less post leaves it empty
and lands on the portal's timeline, from where the space page is opened again.
A wrong password redirects back to the login URL with ``error=``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web

from simulator.pronote.ent.accounts import check_credentials
from simulator.pronote.ent.cas_front import grant_ticket, service_of, unknown_service
from simulator.pronote.ent.cookie_sessions import CookieSessions
from simulator.pronote.ent.pages import document, hidden, html, redirect, with_query

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

ROOT = "/pronote/ent/open-ent-ng"
AUTH_LOGIN = f"{ROOT}/auth/login"
TIMELINE = f"{ROOT}/timeline/timeline"
_FILL_CALLBACK = (
    "document.addEventListener('DOMContentLoaded', function () {"
    " var p = new URLSearchParams(location.search);"
    " document.getElementById('callBack').value = p.get('callBack') || ''; });"
)


def sessions() -> CookieSessions:
    return CookieSessions("oneSessionId", ROOT)


def login_page(error: str = "") -> str:
    message = f'<div class="warning">{escape(error)}</div>' if error else ""
    body = (
        '<div class="login-box"><h1>Connexion</h1>\n'
        f"{message}\n"
        f'<form method="post" action="{AUTH_LOGIN}" name="loginForm">\n'
        '<label for="email">Identifiant</label>\n'
        '<input type="text" id="email" name="email" autocomplete="username">\n'
        '<label for="password">Mot de passe</label>\n'
        '<input type="password" id="password" name="password">\n'
        f'<input type="hidden" id="callBack" name="callBack" value="">\n{hidden("details", "")}\n'
        '<input type="checkbox" name="rememberMe" value="true"> Rester connecté\n'
        '<button type="submit" class="flex-magnet-bottom-right">Se connecter</button>\n'
        "</form></div>"
    )
    return document("Connexion", body, head=f"<script>{_FILL_CALLBACK}</script>\n")


async def cas_login(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    service, page = service_of(request)
    if page is None:
        return unknown_service(service)
    username = sim.ent.open_ent_ng.user(request)
    if username is not None:
        return grant_ticket(sim, service, page, username)
    return redirect(with_query(AUTH_LOGIN, callBack=str(request.url)))


async def auth_login(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    if request.method != "POST":
        errors = {"auth.error.authenticationFailed": "Identifiant ou mot de passe incorrect."}
        return html(login_page(errors.get(request.query.get("error", ""), "")))
    form = await request.post()
    callback = str(form.get("callBack", ""))
    username = check_credentials(sim, str(form.get("email", "")), str(form.get("password", "")))
    if username is None:
        params = {"error": "auth.error.authenticationFailed"}
        if callback:
            params["callBack"] = callback
        return redirect(with_query(AUTH_LOGIN, **params))
    same_site = urlsplit(callback).path.startswith(ROOT)
    response = redirect(callback if callback and same_site else TIMELINE)
    sim.ent.open_ent_ng.open(response, username)
    return response


async def timeline(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    username = sim.ent.open_ent_ng.user(request)
    if username is None:
        return redirect(AUTH_LOGIN)
    body = f'<div id="timeline"><h1>Fil de nouveautés</h1><p>Bonjour {escape(username)}</p></div>'
    return html(document("Fil de nouveautés", body))

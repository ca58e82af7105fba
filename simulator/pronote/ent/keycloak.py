"""A Keycloak-based ENT (Oze style): OpenID Connect code flow, ``kc-form-login``.

See Pronote protocol §8.2.

The ENT's CAS (``<ent>/cas/login?service=``) sends browsers without its
session to Keycloak's ``.../protocol/openid-connect/auth``. Keycloak shows
``kc-form-login`` (``username``, ``password``, ``credentialId``) posting to
``login-actions/authenticate?session_code=...&execution=...&client_id=...&tab_id=...``;
a wrong password shows it again with ``input-error``. With ``keycloak_otp`` a
one-time-code form (``kc-otp-login-form``, field ``otp``) follows the password.
Success redirects to ``<ent>/oidc/callback?code=...&state=...``: the ENT opens its
session and shows its portal (the Pronote link there is fetched by the portal's
own script); opening the space page again then gets the ticket.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
import secrets
from typing import TYPE_CHECKING
import uuid

from aiohttp import web

from simulator.pronote.ent.accounts import check_credentials
from simulator.pronote.ent.cas_front import grant_ticket, service_of, unknown_service
from simulator.pronote.ent.cookie_sessions import CookieSessions
from simulator.pronote.ent.pages import document, html, redirect, with_query

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

ENT_ROOT = "/pronote/ent/keycloak-ent"
CALLBACK = f"{ENT_ROOT}/oidc/callback"
PORTAL = f"{ENT_ROOT}/accueil"
REALM = "/pronote/ent/keycloak/realms/ent"
AUTH = f"{REALM}/protocol/openid-connect/auth"
AUTHENTICATE = f"{REALM}/login-actions/authenticate"
CLIENT_ID = "ent-portail"
AUTH_SESSION = "AUTH_SESSION_ID"
OTP_CODE = "314159"
BAD_CREDENTIALS = "Nom d'utilisateur ou mot de passe invalide."


@dataclass
class PendingLogin:
    """One login tab: where to go back, and the one-use code of the page shown."""

    browser: str
    redirect_uri: str
    state: str
    session_code: str
    username: str | None = None  # set once the password is right and a code is still owed


class KeycloakServer:
    """The realm's login tabs and codes, plus the ENT's own states and sessions."""

    def __init__(self) -> None:
        self.identities = CookieSessions("KEYCLOAK_IDENTITY", REALM)
        self.ent_sessions = CookieSessions("ent_portail_session", ENT_ROOT)
        self.otp_required = False
        self.tabs: dict[str, PendingLogin] = {}
        self.codes: dict[str, tuple[str, str]] = {}  # code -> (username, redirect_uri)
        self.states: dict[str, str] = {}  # ENT state -> where to go after the login

    def code_for(self, username: str, redirect_uri: str, state: str) -> web.Response:
        code = secrets.token_urlsafe(24)
        self.codes[code] = (username, redirect_uri)
        session_state = str(uuid.uuid4())
        return redirect(
            with_query(redirect_uri, state=state, session_state=session_state, code=code)
        )


def _action(tab_id: str, tab: PendingLogin) -> str:
    return with_query(
        AUTHENTICATE,
        session_code=tab.session_code,
        execution=str(uuid.uuid5(uuid.NAMESPACE_URL, tab_id)),
        client_id=CLIENT_ID,
        tab_id=tab_id,
    )


def login_page(tab_id: str, tab: PendingLogin, error: str = "") -> str:
    message = (
        f'<span id="input-error" class="kc-feedback-text" aria-live="polite">{escape(error)}</span>'
        if error
        else ""
    )
    body = (
        '<div id="kc-content"><h1 id="kc-page-title">Connectez-vous à votre compte</h1>\n'
        f'<form id="kc-form-login" onsubmit="login.disabled = true; return true;" '
        f'action="{escape(_action(tab_id, tab))}" method="post">\n'
        '<label for="username">Identifiant</label>\n'
        '<input tabindex="1" id="username" name="username" value="" type="text" autofocus>\n'
        '<label for="password">Mot de passe</label>\n'
        '<input tabindex="2" id="password" name="password" type="password">\n'
        f"{message}\n"
        '<input type="checkbox" id="rememberMe" name="rememberMe"> Se souvenir de moi\n'
        '<input type="hidden" id="id-hidden-input" name="credentialId">\n'
        '<input tabindex="4" name="login" id="kc-login" type="submit" value="Connexion">\n'
        "</form></div>"
    )
    return document("Connexion à ENT", body)


def otp_page(tab_id: str, tab: PendingLogin) -> str:
    body = (
        f'<form id="kc-otp-login-form" action="{escape(_action(tab_id, tab))}" method="post">\n'
        '<label for="otp">Code à usage unique</label>\n'
        '<input id="otp" name="otp" autocomplete="off" type="text" autofocus>\n'
        '<input name="login" id="kc-login" type="submit" value="Connexion">\n</form>'
    )
    return document("Connexion à ENT", body)


async def ent_cas_login(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    server = sim.ent.keycloak
    service, page = service_of(request)
    if page is None:
        return unknown_service(service)
    username = server.ent_sessions.user(request)
    if username is not None:
        return grant_ticket(sim, service, page, username)
    state = secrets.token_urlsafe(16)
    server.states[state] = str(request.url)
    callback = f"{request.url.origin()}{CALLBACK}"
    return redirect(
        with_query(
            AUTH,
            client_id=CLIENT_ID,
            redirect_uri=callback,
            response_type="code",
            scope="openid",
            state=state,
        )
    )


async def authorize(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    server = sim.ent.keycloak
    query = request.query
    redirect_uri = query.get("redirect_uri", "")
    if query.get("client_id") != CLIENT_ID or not redirect_uri.endswith(CALLBACK):
        return html(document("Erreur", "<p>Client ou URL de redirection invalide.</p>"), 400)
    known = server.identities.user(request)
    if known is not None:
        return server.code_for(known, redirect_uri, query.get("state", ""))
    browser = request.cookies.get(AUTH_SESSION) or secrets.token_hex(16)
    tab_id = secrets.token_urlsafe(8)
    tab = PendingLogin(browser, redirect_uri, query.get("state", ""), secrets.token_urlsafe(16))
    server.tabs[tab_id] = tab
    response = html(login_page(tab_id, tab))
    response.set_cookie(AUTH_SESSION, browser, path=REALM, httponly=True)
    return response


async def authenticate(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    server = sim.ent.keycloak
    tab_id = request.query.get("tab_id", "")
    tab = server.tabs.get(tab_id)
    if (
        request.method != "POST"
        or tab is None
        or tab.browser != request.cookies.get(AUTH_SESSION)
        or tab.session_code != request.query.get("session_code")
    ):
        return html(document("Page expirée", "<p>Cette page a expiré.</p>"), 400)
    form = await request.post()
    tab.session_code = secrets.token_urlsafe(16)
    if tab.username is None:
        username = check_credentials(
            sim, str(form.get("username", "")), str(form.get("password", ""))
        )
        if username is None:
            return html(login_page(tab_id, tab, BAD_CREDENTIALS))
        tab.username = username
        if server.otp_required:
            return html(otp_page(tab_id, tab))
    elif str(form.get("otp", "")) != OTP_CODE:
        return html(otp_page(tab_id, tab))
    server.tabs.pop(tab_id)
    response = server.code_for(tab.username, tab.redirect_uri, tab.state)
    server.identities.open(response, tab.username)
    return response


async def callback(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    server = sim.ent.keycloak
    granted = server.codes.pop(request.query.get("code", ""), None)
    if granted is None or server.states.pop(request.query.get("state", ""), None) is None:
        return html(document("Erreur", "<p>Connexion refusée.</p>"), 403)
    response = redirect(PORTAL)
    server.ent_sessions.open(response, granted[0])
    return response


async def portal(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    username = sim.ent.keycloak.ent_sessions.user(request)
    if username is None:
        return html(document("Erreur", "<p>Non connecté.</p>"), 401)
    shell = '<div id="root" data-user="connecte"></div><script src="/static/portail.js"></script>'
    return html(document("Mon ENT", shell))

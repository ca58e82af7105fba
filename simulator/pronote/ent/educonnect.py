"""The national EduConnect identity provider (a Shibboleth IdP), SAML HTTP-POST binding.

See Pronote protocol §8.2.

``POST .../SSO`` with a ``SAMLRequest``: a logged-in browser (``shib_idp_session``)
gets the answer at once; others are sent (302) to ``?execution=e<n>s1``, the
login form (``j_username``, ``j_password``, submit ``_eventId_proceed``, a
``csrf_token``), bound to the ``JSESSIONID`` cookie. A wrong password shows the
form again with an error (and the next ``s`` step); the right one answers an
auto-post page carrying ``SAMLResponse`` and ``RelayState`` to the service
provider's assertion consumer. Parents' FranceConnect button leads nowhere here.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
import secrets
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from aiohttp import web

from simulator.pronote.ent import saml
from simulator.pronote.ent.accounts import check_credentials
from simulator.pronote.ent.cookie_sessions import CookieSessions
from simulator.pronote.ent.pages import auto_post_page, document, hidden, html, redirect

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

IDP_ROOT = "/pronote/ent/educonnect/idp"
SSO_PATH = f"{IDP_ROOT}/profile/SAML2/POST/SSO"
JSESSION = "JSESSIONID"
BAD_CREDENTIALS = "Identifiant et/ou mot de passe incorrect"


def entity_id(origin: str) -> str:
    return f"{origin}{IDP_ROOT}"


@dataclass
class Conversation:
    """A login in progress: the request to answer, and the browser it belongs to."""

    browser: str
    request: saml.AuthnRequest
    relay_state: str
    csrf: str
    step: int = 1


@dataclass(frozen=True)
class Assertion:
    """An issued assertion, redeemable once by the service provider it names."""

    username: str
    audience: str
    in_response_to: str


class EduConnectIdp:
    """Trusted service providers, conversations, sessions and issued assertions."""

    def __init__(self) -> None:
        self.trusted: dict[str, str] = {}  # service provider entity path -> ACS path
        self.knows_demo_accounts = True
        self.sessions = CookieSessions("shib_idp_session", IDP_ROOT)
        self._conversations: dict[int, Conversation] = {}
        self._assertions: dict[str, Assertion] = {}

    def trust(self, entity_path: str, acs_path: str) -> None:
        self.trusted[entity_path] = acs_path

    def accepts(self, request: saml.AuthnRequest) -> bool:
        acs = self.trusted.get(urlsplit(request.issuer).path)
        return acs is not None and urlsplit(request.acs).path == acs

    def start(self, browser: str, request: saml.AuthnRequest, relay_state: str) -> int:
        number = len(self._conversations) + 1
        self._conversations[number] = Conversation(
            browser, request, relay_state, secrets.token_hex(16)
        )
        return number

    def conversation(self, execution: str, browser: str) -> tuple[int, Conversation] | None:
        number, _, step = execution.removeprefix("e").partition("s")
        found = self._conversations.get(int(number)) if number.isdigit() else None
        if found is None or found.browser != browser or step != str(found.step):
            return None
        return int(number), found

    def finish(self, number: int) -> None:
        self._conversations.pop(number, None)

    def assert_user(self, username: str, request: saml.AuthnRequest) -> str:
        assertion_id = saml.new_id()
        self._assertions[assertion_id] = Assertion(username, request.issuer, request.request_id)
        return assertion_id

    def redeem(self, answer: saml.SamlResponse) -> str | None:
        """The user of an assertion issued for this audience and request (once only)."""
        found = self._assertions.pop(answer.assertion_id, None)
        if found is None or (found.audience, found.in_response_to) != (
            answer.audience,
            answer.in_response_to,
        ):
            return None
        return found.username


def login_page(execution: str, csrf: str, error: str = "") -> str:
    action = f"{SSO_PATH}?execution={execution}"
    message = f'<div class="fr-alert fr-alert--error"><p>{escape(error)}</p></div>' if error else ""
    body = (
        '<header><p class="fr-header__service-title">ÉduConnect</p></header>\n<main>\n'
        "<h1>Je me connecte avec mon compte ÉduConnect</h1>\n"
        f"{message}\n"
        f'<form id="formulaire" action="{escape(action)}" method="post">\n'
        f"{hidden('csrf_token', csrf)}\n"
        '<label for="username">Identifiant</label>\n'
        '<input id="username" name="j_username" type="text" autocomplete="username">\n'
        '<label for="password">Mot de passe</label>\n'
        '<input id="password" name="j_password" type="password" autocomplete="current-password">\n'
        '<button type="submit" id="bouton_valider" name="_eventId_proceed">Se connecter</button>\n'
        "</form>\n<p>Représentant légal ? Utilisez aussi FranceConnect.</p>\n"
        f'<form action="{escape(action)}" method="post">{hidden("csrf_token", csrf)}'
        '<button type="submit" class="fr-connect" name="_eventId_FranceConnect">'
        "S'identifier avec FranceConnect</button></form>\n</main>"
    )
    return document("ÉduConnect - Connexion", body)


def error_page(message: str, status: int = 400) -> web.Response:
    return html(document("ÉduConnect - Erreur", f"<h1>Erreur</h1><p>{escape(message)}</p>"), status)


def _answer(sim: PronoteSimulator, origin: str, username: str, conv: Conversation) -> str:
    assertion_id = sim.ent.idp.assert_user(username, conv.request)
    message = saml.response(conv.request, entity_id(origin), username, assertion_id)
    return auto_post_page(
        conv.request.acs, {"RelayState": conv.relay_state, "SAMLResponse": message}
    )


async def _new_request(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    idp = sim.ent.idp
    form = await request.post()
    try:
        authn = saml.read_authn_request(str(form.get("SAMLRequest", "")))
    except saml.SamlError:
        return error_page("Requête d'authentification illisible.")
    if not idp.accepts(authn):
        return error_page("Fournisseur de service inconnu.")
    relay_state = str(form.get("RelayState", ""))
    browser = request.cookies.get(JSESSION) or secrets.token_hex(16)
    known = idp.sessions.user(request)
    if known is not None:
        conv = Conversation(browser, authn, relay_state, csrf="")
        return html(_answer(sim, str(request.url.origin()), known, conv))
    number = idp.start(browser, authn, relay_state)
    response = redirect(f"{SSO_PATH}?execution=e{number}s1")
    response.set_cookie(JSESSION, browser, path=IDP_ROOT, httponly=True)
    return response


async def sso(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    """``.../profile/SAML2/POST/SSO``: new requests, the login form and its answers."""
    execution = request.query.get("execution", "")
    if not execution:
        if request.method != "POST":
            return error_page("Aucune requête d'authentification.")
        return await _new_request(sim, request)
    idp = sim.ent.idp
    found = idp.conversation(execution, request.cookies.get(JSESSION, ""))
    if found is None:
        return error_page("Votre session a expiré. Retournez sur le site de votre établissement.")
    number, conv = found
    if request.method != "POST":
        return html(login_page(execution, conv.csrf))
    form = await request.post()
    if str(form.get("csrf_token", "")) != conv.csrf:
        return error_page("Jeton de sécurité invalide.", 403)
    if "_eventId_FranceConnect" in form:
        return error_page("FranceConnect n'est pas disponible dans cette simulation.", 501)
    if "_eventId_proceed" not in form:
        return html(login_page(execution, conv.csrf))
    username = check_credentials(
        sim, str(form.get("j_username", "")), str(form.get("j_password", ""))
    )
    if username is None or not idp.knows_demo_accounts:
        conv.step += 1
        return html(login_page(f"e{number}s{conv.step}", conv.csrf, BAD_CREDENTIALS))
    idp.finish(number)
    response = html(_answer(sim, str(request.url.origin()), username, conv))
    idp.sessions.open(response, username)
    return response

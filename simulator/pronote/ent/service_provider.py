"""The SAML service-provider side of an ENT using EduConnect (Pronote protocol §8.2).

``start`` answers the auto-post page sending an ``AuthnRequest`` to
EduConnect, with an opaque ``RelayState`` standing for where to go back;
``assertion_consumer`` takes the posted ``SAMLResponse``, checks it with the
identity provider, opens the ENT session (cookie) and redirects there.
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from aiohttp import web

from simulator.pronote.ent import educonnect, saml
from simulator.pronote.ent.cookie_sessions import CookieSessions
from simulator.pronote.ent.pages import auto_post_page, document, html, redirect

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator


class ServiceProvider:
    """One ENT's SAML side: its entity, assertion consumer, relay states and sessions."""

    def __init__(self, root: str, acs_path: str, cookie: str) -> None:
        self.root = root
        self.entity_path = f"{root}/saml/metadata"
        self.acs_path = acs_path
        self.sessions = CookieSessions(cookie, root)
        self._relay_states: dict[str, str] = {}
        self._pending: set[str] = set()

    def entity(self, origin: str) -> str:
        return f"{origin}{self.entity_path}"

    def start(self, origin: str, target: str) -> web.Response:
        """Send the browser to EduConnect; come back to ``target`` once logged in."""
        relay_state = f"ss:mem:{secrets.token_hex(20)}"
        self._relay_states[relay_state] = target
        request_id = saml.new_id()
        self._pending.add(request_id)
        sso = f"{origin}{educonnect.SSO_PATH}"
        message = saml.authn_request(
            request_id, self.entity(origin), f"{origin}{self.acs_path}", sso
        )
        return html(auto_post_page(sso, {"RelayState": relay_state, "SAMLRequest": message}))

    async def assertion_consumer(
        self, sim: PronoteSimulator, request: web.Request
    ) -> web.StreamResponse:
        """``POST <acs>``: check the answer, open the session, go back where the login began."""
        form = await request.post()
        try:
            answer = saml.read_response(str(form.get("SAMLResponse", "")))
        except saml.SamlError:
            return _refused("Réponse d'authentification illisible.")
        target = self._relay_states.pop(str(form.get("RelayState", "")), None)
        username = sim.ent.idp.redeem(answer) if answer.success else None
        known_request = answer.in_response_to in self._pending
        self._pending.discard(answer.in_response_to)
        if target is None or username is None or not known_request:
            return _refused("Authentification refusée.")
        if answer.audience != self.entity(str(request.url.origin())):
            return _refused("Réponse destinée à un autre service.")
        response = redirect(target)
        self.sessions.open(response, username)
        return response


def _refused(message: str) -> web.Response:
    return html(document("Erreur d'authentification", f"<h1>Erreur</h1><p>{message}</p>"), 403)

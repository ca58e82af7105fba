"""A generic Apereo-style CAS in front of the space pages.

See Pronote protocol §8.1 and the "Generic CAS" family of §8.2.

Enabled with ``sim.cas_enabled``: a space page loaded without ``login=true`` and without a
ticket redirects to ``/pronote/cas/login?service=<page URL>``. The login form (class
``cas__login-form``, hidden ``execution``/``_eventId``/``lt``) accepts the Pronote demo
credentials, sets a ``CASTGC`` cookie and redirects back with ``?ticket=ST-...``; the page
then carries ``e`` (login) and ``f`` (one-shot secret) in its bootstrap.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
import secrets
from urllib.parse import urlsplit

from simulator.pronote.spaces import ROOT, SPACES

CAS_PATH = f"{ROOT}/cas"
TICKET_TTL = 60.0
COOKIE = "CASTGC"


@dataclass(frozen=True)
class Ticket:
    """A service ticket: who logged in, for which page, until when."""

    username: str
    page: str
    expires: float


def service_page(service: str) -> str | None:
    """The space page (``"eleve.html"``...) a service URL points to, if any."""
    path = urlsplit(service).path
    page = path.rsplit("/", 1)[-1].lower()
    return page if page in SPACES and path.lower().startswith(ROOT) else None


def with_ticket(service: str, ticket: str) -> str:
    base = service.rstrip("?&")
    return f"{base}{'&' if '?' in base else '?'}ticket={ticket}"


class CasServer:
    """Ticket-granting cookies, login-form executions and service tickets."""

    def __init__(self) -> None:
        self._executions: set[str] = set()
        self._tgcs: dict[str, str] = {}
        self._tickets: dict[str, Ticket] = {}

    def new_execution(self) -> str:
        execution = secrets.token_hex(24)
        self._executions.add(execution)
        return execution

    def use_execution(self, execution: str) -> bool:
        if execution in self._executions:
            self._executions.discard(execution)
            return True
        return False

    def grant(self, username: str) -> str:
        """A new ticket-granting cookie value."""
        tgc = f"TGT-{secrets.token_hex(16)}"
        self._tgcs[tgc] = username
        return tgc

    def user_of(self, tgc: str | None) -> str | None:
        return self._tgcs.get(tgc or "")

    def logout(self, tgc: str | None) -> None:
        self._tgcs.pop(tgc or "", None)

    def issue(self, username: str, page: str, now: float) -> str:
        ticket = f"ST-{secrets.token_hex(12)}"
        self._tickets[ticket] = Ticket(username, page, now + TICKET_TTL)
        return ticket

    def redeem(self, ticket: str, page: str, now: float) -> str | None:
        """The username of a valid, unused ticket issued for ``page``."""
        found = self._tickets.pop(ticket, None)
        if found is None or found.expires < now or found.page != page:
            return None
        return found.username


def login_form(action: str, execution: str, error: str = "") -> str:
    """The CAS login page (every ``<input>`` has a name: generic clients copy them all)."""
    message = f'<div class="cas__error">{escape(error)}</div>' if error else ""
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        "<title>Service d'authentification - ENT</title>\n</head>\n<body>\n"
        "<h1>Connexion à l'ENT</h1>\n"
        f"{message}\n"
        f'<form class="cas__login-form" method="post" action="{escape(action)}">\n'
        '<input type="text" name="username" value="">\n'
        '<input type="password" name="password" value="">\n'
        f'<input type="hidden" name="execution" value="{execution}">\n'
        '<input type="hidden" name="_eventId" value="submit">\n'
        '<input type="hidden" name="lt" value="">\n'
        '<button type="submit">Se connecter</button>\n'
        "</form>\n</body>\n</html>\n"
    )


def success_page() -> str:
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        "<title>Service d'authentification - ENT</title>\n</head>\n"
        "<body><h1>Connexion réussie</h1><p>Vous êtes connecté à l'ENT.</p></body>\n</html>\n"
    )

"""Injected failures: error pages, HTTP errors and the optional per-session rate limiter."""

from __future__ import annotations

from dataclasses import dataclass, field

from aiohttp import web

from simulator.lectio.layout import error_page, maintenance_page, server_error_page

UNKNOWN_ERROR = "Der opstod en ukendt fejl"
MAINTENANCE = "Lectio er lukket for vedligeholdelse. Prøv igen senere."
FAULT_NAMES = ("unknown_error", "http_500", "http_503", "server_error", "maintenance")


def check_fault(name: str) -> str:
    if name not in FAULT_NAMES:
        raise ValueError(f"unknown fault {name!r}; expected one of {list(FAULT_NAMES)}")
    return name


def fault_response(name: str) -> web.Response:
    """The answer of an injected fault."""
    if name == "unknown_error":
        return html(error_page(UNKNOWN_ERROR))
    if name == "server_error":
        return html(server_error_page(), status=500)
    if name == "maintenance":
        # Served with status 200, as a front-end proxy does during maintenance.
        return html(maintenance_page(MAINTENANCE))
    status = int(name.removeprefix("http_"))
    return html(f"<html><body><h1>{status}</h1></body></html>", status=status)


def html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")


@dataclass
class Faults:
    """Switchable failures (restored by ``reset``)."""

    latency: float = 0.0
    # Requests per second allowed per session; 0 = no limit.
    rate_limit: int = 0
    next_errors: list[str] = field(default_factory=list)
    # The next N pages of a logged-in student are cut in the middle (a truncated answer).
    truncate_pages: int = 0
    # The next N logins open a session that is gone at the very next request.
    lose_sessions: int = 0

    def reset(self) -> None:
        self.latency = 0.0
        self.rate_limit = 0
        self.next_errors.clear()
        self.truncate_pages = 0
        self.lose_sessions = 0

"""HTTP for Pronote: pages (with redirects followed by hand), forms and JSON calls.

Every ``Set-Cookie`` on the way is kept in the client's own store, per host (the ENT
flows cross several). Transport failures become ServerUnavailableError; statuses are
left to the callers (``check_status``).
"""

from __future__ import annotations

from collections.abc import Mapping
import json
from typing import Any

import aiohttp

from ..http import Answer, CookieStore, Sender, follow_redirects, raise_for_server_status
from .const import DEFAULT_RATE_LIMIT_RETRY

_ACCEPT_LANGUAGE = "fr-FR,fr;q=0.9"


def check_status(status: int, headers: Mapping[str, str]) -> None:
    """Raise for transport-level HTTP failures (server faults, rate limits)."""
    raise_for_server_status(
        status, headers, server="Pronote", default_retry_after=DEFAULT_RATE_LIMIT_RETRY
    )


class Http:
    """Requests to one Pronote instance (and its ENT) through a borrowed aiohttp session."""

    def __init__(self, session: aiohttp.ClientSession, *, timeout: float) -> None:
        self.cookies = CookieStore()
        self.user_agent = ""
        # Every Pronote call is a POST, which aiohttp never sends again by itself.
        self._sender = Sender(
            session,
            server="Pronote",
            timeout=timeout,
            cookies=self.cookies,
            retry_dropped_connection=True,
        )

    @property
    def request_count(self) -> int:
        """Number of HTTP requests sent so far."""
        return self._sender.request_count

    async def get(self, url: str) -> Answer:
        """GET a page, following redirects."""
        return await follow_redirects(self._sender, "GET", url, headers=self._headers())

    async def post_form(self, url: str, form: Mapping[str, str]) -> Answer:
        """POST a form, following redirects (303-style: later hops are GETs)."""
        return await follow_redirects(
            self._sender, "POST", url, data=dict(form), headers=self._headers()
        )

    async def post_json(self, url: str, body: Mapping[str, Any]) -> Answer:
        """POST a JSON body (no redirects expected)."""
        payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        headers = {**self._headers(), "Content-Type": "application/json"}
        # Call paths carry the session number: the channel logs the function name instead.
        return await self._sender.send("POST", url, data=payload, headers=headers, log=False)

    def _headers(self) -> dict[str, str]:
        return {"User-Agent": self.user_agent, "Accept-Language": _ACCEPT_LANGUAGE}

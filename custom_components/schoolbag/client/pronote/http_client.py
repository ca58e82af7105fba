"""HTTP for Pronote: pages (with redirects followed by hand), forms and JSON calls.

Redirects are followed here so that every ``Set-Cookie`` on the way is
kept (see ``cookies.py``). Transport failures become ServerUnavailableError or
RateLimitedError; anything else is left to the callers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import json
import logging
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp

from ..errors import ProtocolChangedError, RateLimitedError, ServerUnavailableError
from .const import DEFAULT_RATE_LIMIT_RETRY
from .cookies import CookieStore

_LOGGER = logging.getLogger(__name__)

_MAX_REDIRECTS = 10
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTTP_TOO_MANY = 429
_HTTP_SERVER_ERROR = 500
_STALE_CONNECTION = (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page after redirects."""

    url: str
    status: int
    text: str
    headers: Mapping[str, str]


def retry_after(headers: Mapping[str, str], default: float = DEFAULT_RATE_LIMIT_RETRY) -> float:
    """``Retry-After`` in seconds, else the default."""
    raw = headers.get("Retry-After", "").strip()
    try:
        return max(0.0, float(raw))
    except ValueError:
        return default


def check_status(status: int, headers: Mapping[str, str]) -> None:
    """Raise for transport-level HTTP failures (server faults, rate limits)."""
    if status == _HTTP_TOO_MANY:
        raise RateLimitedError("too many requests to Pronote (HTTP 429)", retry_after(headers))
    if status >= _HTTP_SERVER_ERROR:
        raise ServerUnavailableError(f"Pronote server error (HTTP {status})")


def _decode(raw: bytes, charset: str | None) -> str:
    try:
        return raw.decode(charset or "utf-8", "replace")
    except LookupError:
        return raw.decode("utf-8", "replace")


class Http:
    """Requests to one Pronote instance (and its ENT) through a borrowed aiohttp session."""

    def __init__(self, session: aiohttp.ClientSession, *, timeout: float) -> None:
        self._session = session
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self.cookies = CookieStore()
        self.user_agent = ""
        self.request_count = 0

    async def get(self, url: str) -> Page:
        """GET a page, following redirects."""
        return await self._follow("GET", url, data=None)

    async def post_form(self, url: str, form: Mapping[str, str]) -> Page:
        """POST a form, following redirects (303-style: later hops are GETs)."""
        return await self._follow("POST", url, data=dict(form))

    async def post_json(self, url: str, body: Mapping[str, Any]) -> Page:
        """POST a JSON body (no redirects expected)."""
        payload = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        status, headers, text, _ = await self._send(
            "POST", url, data=payload, content_type="application/json"
        )
        return Page(url=url, status=status, text=text, headers=headers)

    async def _follow(self, method: str, url: str, data: dict[str, str] | None) -> Page:
        current = url
        for _ in range(_MAX_REDIRECTS):
            status, headers, text, location = await self._send(method, current, data=data)
            if status not in _REDIRECTS or not location:
                return Page(url=current, status=status, text=text, headers=headers)
            current = urljoin(current, location)
            if status not in (307, 308):
                method, data = "GET", None
        raise ProtocolChangedError("too many redirects while opening the Pronote page")

    async def _send(
        self,
        method: str,
        url: str,
        *,
        data: bytes | dict[str, str] | None,
        content_type: str | None = None,
    ) -> tuple[int, Mapping[str, str], str, str | None]:
        host = urlsplit(url).netloc
        headers = {"User-Agent": self.user_agent, "Accept-Language": "fr-FR,fr;q=0.9"}
        if content_type:
            headers["Content-Type"] = content_type
        cookie = self.cookies.header(host)
        if cookie:
            headers["Cookie"] = cookie
        self.request_count += 1
        path = urlsplit(url).path
        # Call paths carry the session number: log the function name instead (transport).
        if "/appelfonction/" not in path:
            _LOGGER.debug("Pronote %s %s", method, path)
        for attempt in range(2):
            try:
                async with self._session.request(
                    method,
                    url,
                    data=data,
                    headers=headers,
                    allow_redirects=False,
                    timeout=self._timeout,
                ) as resp:
                    raw = await resp.read()
                    self.cookies.update(host, resp.cookies)
                    text = _decode(raw, resp.charset)
                    return resp.status, resp.headers, text, resp.headers.get("Location")
            except TimeoutError as err:
                raise ServerUnavailableError("Pronote did not answer in time") from err
            except _STALE_CONNECTION as err:
                # A kept-alive connection the server closed as this request went out:
                # aiohttp retries only idempotent methods, and every Pronote call is a POST.
                if attempt == 0 and not isinstance(err, aiohttp.ClientConnectorError):
                    _LOGGER.debug("Pronote dropped a kept-alive connection; retrying once")
                    continue
                raise ServerUnavailableError(
                    f"cannot reach Pronote ({type(err).__name__})"
                ) from err
            except aiohttp.ClientError as err:
                raise ServerUnavailableError(
                    f"cannot reach Pronote ({type(err).__name__})"
                ) from err
        raise AssertionError("unreachable")

"""HTTP envelope: API roots, the shared token, Bearer calls and the error mapping.

See ScoDoc protocol §1-3.

ScoDoc gives one token per user account, shared by every client of that login and
replaced when any of them asks during its last minute; so any 401 is answered by
fetching a new token once and retrying the request once, without user action.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
import json
import logging
import re
import time
from typing import Any
from urllib.parse import quote

import aiohttp

from ..errors import (
    InvalidCredentialsError,
    NotFoundError,
    PermissionDeniedError,
    ProtocolChangedError,
    ServerUnavailableError,
    SessionExpiredError,
)
from ..html_text import html_title
from ..http import Answer, Sender, raise_for_server_status
from ..protocol import Credentials
from .const import API_SEGMENT, SCODOC_SEGMENT, TOKEN_MAX_AGE

_LOGGER = logging.getLogger(__name__)

_HTTP_OK = 200
_HTTP_UNAUTHORIZED = 401
_HTTP_FORBIDDEN = 403
_HTTP_NOT_FOUND = 404
# The login form of ScoDoc's web pages (Flask-WTF field names).
_LOGIN_FORM = re.compile(rb"""name\s*=\s*["']user_name["']""")


def scodoc_root(base_url: str) -> str:
    """``https://host/ScoDoc`` from what a user may paste (with ``/api``, a slash, or no path)."""
    root = base_url.strip().rstrip("/")
    if root.endswith(f"/{API_SEGMENT}"):
        root = root[: -len(API_SEGMENT) - 1]
    if not root.endswith(f"/{SCODOC_SEGMENT}"):
        root = f"{root}/{SCODOC_SEGMENT}"
    return root


def path_segment(value: str) -> str:
    """Quote one path segment (a NIP, an acronym, a name)."""
    return quote(value, safe="")


class Transport:
    """Calls to one ScoDoc instance with one API account.

    ``department`` selects the department root ``/ScoDoc/<DEPT>/api``; without it calls go
    to the global root ``/ScoDoc/api``. The token endpoint is always the global one.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        credentials: Credentials,
        *,
        base_url: str,
        department: str | None,
        timeout: float,
        verify_ssl: bool = True,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._sender = Sender(
            session, server="ScoDoc", timeout=timeout, ssl=verify_ssl, auto_redirect=True
        )
        self._credentials = credentials
        self.root = scodoc_root(base_url)
        self.department = department or None
        # Looked up at each call by default, so that a fake clock (tests, benchmarks) applies.
        self._clock = clock or (lambda: time.monotonic())
        self._token: str | None = None
        self._token_time = 0.0
        self._token_lock = asyncio.Lock()
        self.token_count = 0

    @property
    def request_count(self) -> int:
        """Number of HTTP requests sent so far (token requests included)."""
        return self._sender.request_count

    def api_url(self, path: str, *, scoped: bool = True) -> str:
        """The URL of an API route on the department root (or the global one)."""
        if scoped and self.department:
            return f"{self.root}/{path_segment(self.department)}/{API_SEGMENT}/{path}"
        return f"{self.root}/{API_SEGMENT}/{path}"

    async def get(
        self,
        path: str,
        *,
        params: Mapping[str, str] | None = None,
        scoped: bool = True,
        what: str = "this",
    ) -> Any:
        """GET a JSON route; a 401 renews the token and retries once.

        ``what`` names the resource in error messages (``"the student 31024587"``).
        """
        url = self.api_url(path, scoped=scoped)
        for _ in range(2):
            token = await self.token()
            answer = await self._send(
                "GET", url, params=params, headers={"Authorization": f"Bearer {token}"}
            )
            if answer.status == _HTTP_UNAUTHORIZED or shows_login_form(
                answer.content_type, answer.body
            ):
                # A refused token, or the web login form a lost session is sent to.
                _LOGGER.debug("ScoDoc refused the token, fetching a new one")
                await self._forget(token)
                continue
            self._raise_for_status(answer, what, scoped=scoped)
            return _read_json(answer)
        raise SessionExpiredError("ScoDoc refused a freshly issued token")

    async def token(self, *, renew: bool = False) -> str:
        """The cached token, or a new one (at most one fetch at a time)."""
        async with self._token_lock:
            fresh = self._clock() - self._token_time < TOKEN_MAX_AGE
            if self._token is not None and fresh and not renew:
                return self._token
            return await self._fetch_token()

    async def _forget(self, token: str) -> None:
        async with self._token_lock:
            if self._token == token:
                self._token = None

    async def _fetch_token(self) -> str:
        auth = aiohttp.BasicAuth(self._credentials.username, self._credentials.password)
        answer = await self._send("POST", f"{self.root}/{API_SEGMENT}/tokens", auth=auth)
        if answer.status == _HTTP_UNAUTHORIZED:
            raise InvalidCredentialsError("ScoDoc refused the API account's username or password")
        if answer.status == _HTTP_NOT_FOUND:
            raise NotFoundError(
                f"no ScoDoc 9 API at {self.root} (the address should end with /ScoDoc)"
            )
        self._raise_for_status(answer, "tokens", scoped=False)
        data = _read_json(answer)
        token = data.get("token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token.strip():
            # Only a 401 refuses the password: an answer without a token is not understood.
            raise ProtocolChangedError("ScoDoc's token answer has no token")
        self._token = token.strip()
        self._token_time = self._clock()
        self.token_count += 1
        return self._token

    async def _send(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        auth: aiohttp.BasicAuth | None = None,
    ) -> Answer:
        return await self._sender.send(
            method,
            url,
            params=params,
            headers={"Accept": "application/json", **(headers or {})},
            auth=auth,
        )

    def _raise_for_status(self, answer: Answer, what: str, *, scoped: bool) -> None:
        status = answer.status
        if status == _HTTP_OK:
            return
        if status == _HTTP_FORBIDDEN:
            where = (
                f"department {self.department}" if scoped and self.department else "all departments"
            )
            raise PermissionDeniedError(
                f"the ScoDoc account {self._credentials.username!r} may not read {what} "
                f"(HTTP 403): ask the ScoDoc administrator for a role with the ScoView "
                f"permission on {where}"
            )
        if status == _HTTP_NOT_FOUND:
            raise NotFoundError(f"ScoDoc does not know {what} (HTTP 404)")
        # Without a Retry-After, a 429 leaves the wait to the caller (retry_after None).
        raise_for_server_status(status, answer.headers, server="ScoDoc", default_retry_after=None)
        raise ProtocolChangedError(f"unexpected HTTP status {status} from ScoDoc")


def shows_login_form(content_type: str, body: bytes) -> bool:
    """ScoDoc's web login form: what a lost session is redirected to instead of data."""
    return "html" in content_type and _LOGIN_FORM.search(body) is not None


def _read_json(answer: Answer) -> Any:
    """JSON only: an HTML page (maintenance, proxy error) or a cut answer is not an answer."""
    content_type, body = answer.content_type, answer.body
    if "html" in content_type:
        title = html_title(body.decode("utf-8", "replace")) or "no title"
        raise ServerUnavailableError(f"ScoDoc answered an HTML page, not JSON ({title!r})")
    if "json" not in content_type:
        raise ProtocolChangedError(f"ScoDoc answered {content_type or 'no content type'}, not JSON")
    try:
        return json.loads(body.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        raise ProtocolChangedError("ScoDoc answered invalid JSON") from err
    except ValueError as err:
        if body.lstrip()[:1] in (b"{", b"["):
            raise ServerUnavailableError("ScoDoc's answer was cut short (incomplete JSON)") from err
        raise ProtocolChangedError("ScoDoc answered invalid JSON") from err

"""HTTP transport: request building, the JSON envelope, tokens and error mapping.

Every EcoleDirecte call is a POST with the logical verb in the ``verbe`` query
parameter and a form body ``data=<json>``. The session token travels in the
``X-Token`` header; the server may renew it on any answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
import json
from typing import Any, NoReturn
from urllib.parse import quote

import aiohttp

from ..errors import (
    InvalidCredentialsError,
    IpSuspendedError,
    ProtocolChangedError,
    ServerUnavailableError,
    SessionExpiredError,
)
from ..http import Answer, Sender, raise_for_server_status
from .const import (
    DEFAULT_RETRY_AFTER,
    FORMAT_CODES,
    GTK_COOKIE,
    IP_BLOCK_RETRY_AFTER,
    SESSION_CODES,
    SUCCESS_CODES,
    WEB_ORIGIN,
    EnvelopeCode,
)

_HTTP_OK_MIN = 200
_HTTP_OK_MAX = 299
_HTTP_FORBIDDEN = 403


def encode_uri_component(value: str) -> str:
    """Percent-encode like JavaScript's ``encodeURIComponent``."""
    return quote(value, safe="!'()*")


def form_body(payload: Mapping[str, Any]) -> bytes:
    """Build the ``data=<json>`` body (raw JSON, as the web app sends it)."""
    return ("data=" + json.dumps(payload, ensure_ascii=False, separators=(",", ":"))).encode()


def _header_value(value: str) -> str:
    """Strip stray CR/LF that would break a header."""
    return value.replace("\r", "").replace("\n", "").strip()


@dataclass(frozen=True, slots=True)
class Envelope:
    """The parsed ``{code, token, message, data}`` answer."""

    code: int
    data: Any
    message: str = ""
    # The token sent with the request and the one the answer carried (None: it carried none).
    sent_token: str | None = None
    new_token: str | None = None

    @property
    def rotated(self) -> bool:
        """Whether the answer replaced the token its request was sent with."""
        return self.new_token is not None and self.new_token != self.sent_token


@dataclass(frozen=True, slots=True)
class Gtk:
    """The GTK value and every cookie of the pre-login call, ready to send."""

    value: str
    cookie_header: str


def raise_for_code(envelope: Envelope) -> None:
    """Raise the typed error matching a non-success logical code."""
    code = envelope.code
    if code in SUCCESS_CODES:
        return
    if code in SESSION_CODES:
        raise SessionExpiredError(f"EcoleDirecte session ended (code {code})")
    if code == EnvelopeCode.BAD_CREDENTIALS:
        raise InvalidCredentialsError("EcoleDirecte refused the username or password (code 505)")
    if code == EnvelopeCode.ACCOUNT_BLOCKED:
        raise InvalidCredentialsError("EcoleDirecte blocked this account (code 516)")
    if code == EnvelopeCode.BAD_VERSION:
        raise ProtocolChangedError("EcoleDirecte refused this client version (code 517)")
    if code == EnvelopeCode.SCHOOL_UNAVAILABLE:
        raise ServerUnavailableError(
            "the school is not available on EcoleDirecte right now (code 535, maintenance?)"
        )
    if code in FORMAT_CODES:
        raise ProtocolChangedError(f"EcoleDirecte refused the request format (code {code})")
    raise ProtocolChangedError(f"unexpected EcoleDirecte answer code {code}")


class Transport:
    """Send requests to one EcoleDirecte server and keep the session token.

    Calls may overlap while the server keeps the token; the client sends them one at a
    time once an answer has replaced it.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        base_url: str,
        api_version: str,
        user_agent: str,
        timeout: float,
    ) -> None:
        self._sender = Sender(session, server="EcoleDirecte", timeout=timeout, auto_redirect=True)
        self._base_url = base_url.rstrip("/")
        self._api_version = api_version
        self._user_agent = user_agent
        self.token: str | None = None
        # Late-2025 double-auth header, echoed on every request of the flow.
        self.two_fa_token: str | None = None

    @property
    def request_count(self) -> int:
        """Number of HTTP requests sent so far."""
        return self._sender.request_count

    def reset(self) -> None:
        """Forget the session token and the double-auth header."""
        self.token = None
        self.two_fa_token = None

    async def fetch_gtk(self) -> Gtk:
        """Run the GTK pre-login handshake and return the cookie to echo."""
        answer = await self._send(
            "GET", "login.awp", query=[("gtk", "1")], body=None, extra_headers=None
        )
        self._check_http(answer)
        self._adopt_headers(answer.headers)
        raw = answer.body
        # The body only matters when it is an envelope with an error code (517...).
        try:
            body = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            body = None
        code = _int_code(body.get("code")) if isinstance(body, dict) else None
        if code is not None:
            raise_for_code(Envelope(code=code, data=None))
        cookies = {name: morsel.value for name, morsel in answer.cookies.items()}
        gtk = cookies.get(GTK_COOKIE)
        if not gtk:
            if raw.lstrip()[:1] == b"<":
                raise ServerUnavailableError("EcoleDirecte answered the GTK call with an HTML page")
            raise ProtocolChangedError("EcoleDirecte sent no GTK cookie before login")
        cookie_header = "; ".join(
            f"{name}={_header_value(value)}" for name, value in cookies.items() if value
        )
        return Gtk(value=_header_value(gtk), cookie_header=cookie_header)

    async def call(
        self,
        path: str,
        *,
        verbe: str | None = "get",
        payload: Mapping[str, Any] | None = None,
        query: Sequence[tuple[str, str]] = (),
        extra_headers: Mapping[str, str] | None = None,
    ) -> Envelope:
        """POST ``data=<payload>`` to ``path`` and return the parsed envelope.

        Raises only for transport-level problems (HTTP status, network,
        non-JSON answer); logical codes are left to the caller.
        """
        params = list(query)
        if verbe:
            params.insert(0, ("verbe", verbe))
        sent = self.token
        answer = await self._send(
            "POST", path, query=params, body=form_body(payload or {}), extra_headers=extra_headers
        )
        self._check_http(answer)
        envelope = self._parse(answer.body, answer.headers)
        header_token = self._adopt_headers(answer.headers)
        return replace(envelope, sent_token=sent, new_token=header_token or envelope.new_token)

    async def _send(
        self,
        method: str,
        path: str,
        *,
        query: Sequence[tuple[str, str]],
        body: bytes | None,
        extra_headers: Mapping[str, str] | None,
    ) -> Answer:
        headers = {
            "User-Agent": self._user_agent,
            "Accept": "application/json, text/plain, */*",
            "Origin": WEB_ORIGIN,
            "Referer": WEB_ORIGIN + "/",
        }
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.token:
            headers["X-Token"] = self.token
        if self.two_fa_token:
            headers["2fa-token"] = self.two_fa_token
        if extra_headers:
            headers.update(extra_headers)
        return await self._sender.send(
            method,
            f"{self._base_url}/{path}",
            params=[*query, ("v", self._api_version)],
            data=body,
            headers=headers,
        )

    @staticmethod
    def _check_http(answer: Answer) -> None:
        status = answer.status
        if _HTTP_OK_MIN <= status <= _HTTP_OK_MAX:
            return
        if status == _HTTP_FORBIDDEN:
            raise IpSuspendedError(
                "the EcoleDirecte server blocked this IP address (HTTP 403); "
                "wait before trying again",
                retry_after=IP_BLOCK_RETRY_AFTER,
            )
        raise_for_server_status(
            status, answer.headers, server="EcoleDirecte", default_retry_after=DEFAULT_RETRY_AFTER
        )
        raise ProtocolChangedError(f"unexpected HTTP status {status} from EcoleDirecte")

    def _parse(self, raw: bytes, headers: Mapping[str, str]) -> Envelope:
        try:
            body = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            body = None
        if not isinstance(body, dict):
            code = _int_code(headers.get("X-Code"))
            if code is None:
                raise_for_unreadable_answer(raw)
            return Envelope(code=code, data=None)
        code = _int_code(body.get("code"))
        if code is None:
            raise ProtocolChangedError("EcoleDirecte answer has no status code")
        token = body.get("token")
        new_token = None
        if isinstance(token, str) and token.strip():
            new_token = self.token = _header_value(token)
        message = body.get("message")
        return Envelope(
            code=code,
            data=body.get("data"),
            message=message if isinstance(message, str) else "",
            new_token=new_token,
        )

    def _adopt_headers(self, headers: Mapping[str, str]) -> str | None:
        """Adopt the answer's token and double-auth header; return the token, if any."""
        # The header wins over the body field when both are present.
        token = headers.get("X-Token", "").strip()
        if token:
            self.token = _header_value(token)
        two_fa = headers.get("2FA-Token", "").strip()
        if two_fa:
            self.two_fa_token = _header_value(two_fa)
        return self.token if token else None


def raise_for_unreadable_answer(raw: bytes) -> NoReturn:
    """An answer that is not a JSON envelope: a notice or a cut answer is worth a retry.

    A front-end proxy serves an HTML maintenance notice with status 200, and a cut
    connection leaves the JSON open; anything else means the API changed.
    """
    start = raw.lstrip()[:1]
    if start == b"<":
        raise ServerUnavailableError("EcoleDirecte answered an HTML page (a maintenance notice?)")
    if start in (b"{", b"["):
        raise ServerUnavailableError("EcoleDirecte's answer was cut short (incomplete JSON)")
    raise ProtocolChangedError("EcoleDirecte answered something that is not JSON")


def _int_code(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None

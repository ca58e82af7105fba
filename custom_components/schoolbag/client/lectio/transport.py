"""HTTP for Lectio: pages with redirects followed by hand, forms, and error mapping.

Redirects are followed here so that cookies rotated on every hop are kept, a redirect
to ``login.aspx`` is seen (the session expired), and no Lectio cookie is ever sent to
another host (a MitID/UniLogin broker).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import logging
from urllib.parse import urljoin, urlsplit

import aiohttp

from ..errors import ProtocolChangedError, RateLimitedError, ServerUnavailableError
from .const import ACCEPT_LANGUAGE, RATE_LIMIT_RETRY_AFTER, USER_AGENT
from .cookies import CookieStore

_LOGGER = logging.getLogger(__name__)

_MAX_REDIRECTS = 10
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_HTTP_TOO_MANY = 429
_HTTP_SERVER_ERROR = 500
_HTTP_CLIENT_ERROR = 400
_LOGIN_PAGE = "/login.aspx"


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page after redirects.

    ``to_login`` is set when a redirect pointed at ``login.aspx`` (not followed);
    ``left_site`` when it pointed at another host (not followed either);
    ``redirected`` when the page was reached through at least one redirect.
    """

    url: str
    text: str
    to_login: bool = False
    left_site: bool = False
    redirected: bool = False


def _retry_after(headers: Mapping[str, str]) -> float:
    try:
        return max(0.0, float(headers.get("Retry-After", "").strip()))
    except ValueError:
        return RATE_LIMIT_RETRY_AFTER


def _decode(raw: bytes, charset: str | None) -> str:
    try:
        return raw.decode(charset or "utf-8", "replace")
    except LookupError:
        return raw.decode("utf-8", "replace")


class Http:
    """Requests to one Lectio site through a borrowed aiohttp session."""

    def __init__(self, session: aiohttp.ClientSession, *, base_url: str, timeout: float) -> None:
        self._session = session
        self._host = urlsplit(base_url).netloc.lower()
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self.cookies = CookieStore()
        self.request_count = 0

    async def get(self, url: str) -> Page:
        """GET a page, following redirects on the Lectio host."""
        return await self._follow("GET", url, None, referer=None)

    async def post_form(self, url: str, form: Mapping[str, str], *, referer: str) -> Page:
        """POST a WebForms form (UTF-8, urlencoded); the redirect after it becomes a GET."""
        return await self._follow("POST", url, dict(form), referer=referer)

    async def _follow(
        self, method: str, url: str, data: dict[str, str] | None, *, referer: str | None
    ) -> Page:
        current = url
        asked_login = _LOGIN_PAGE in urlsplit(url).path.lower()
        for hop in range(_MAX_REDIRECTS):
            status, headers, text, location = await self._send(method, current, data, referer)
            if status not in _REDIRECTS or not location:
                self._check_status(status, headers)
                return Page(url=current, text=text, redirected=hop > 0)
            target = urljoin(current, location)
            parts = urlsplit(target)
            if parts.netloc.lower() != self._host:
                return Page(url=target, text="", left_site=True)
            if not asked_login and _LOGIN_PAGE in parts.path.lower():
                return Page(url=target, text="", to_login=True)
            current, referer = target, None
            if status not in (307, 308):
                method, data = "GET", None
        raise ProtocolChangedError("too many redirects while opening a Lectio page")

    @staticmethod
    def _check_status(status: int, headers: Mapping[str, str]) -> None:
        if status == _HTTP_TOO_MANY:
            raise RateLimitedError("too many requests to Lectio (HTTP 429)", _retry_after(headers))
        if status >= _HTTP_SERVER_ERROR:
            raise ServerUnavailableError(f"Lectio server error (HTTP {status})")
        if status >= _HTTP_CLIENT_ERROR:
            raise ProtocolChangedError(f"Lectio answered HTTP {status}: the page may have moved")

    async def _send(
        self, method: str, url: str, data: dict[str, str] | None, referer: str | None
    ) -> tuple[int, Mapping[str, str], str, str | None]:
        headers = {"User-Agent": USER_AGENT, "Accept-Language": ACCEPT_LANGUAGE}
        if referer:
            headers["Referer"] = referer
        self.request_count += 1
        _LOGGER.debug("Lectio %s %s", method, urlsplit(url).path)
        try:
            async with self._session.request(
                method,
                url,
                data=data,
                headers=headers,
                cookies=self.cookies.as_dict(),
                allow_redirects=False,
                timeout=self._timeout,
            ) as resp:
                raw = await resp.read()
                self.cookies.update(resp.cookies)
                text = _decode(raw, resp.charset)
                return resp.status, resp.headers, text, resp.headers.get("Location")
        except TimeoutError as err:
            raise ServerUnavailableError("Lectio did not answer in time") from err
        except aiohttp.ClientError as err:
            raise ServerUnavailableError(f"cannot reach Lectio ({type(err).__name__})") from err

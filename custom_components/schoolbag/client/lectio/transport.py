"""HTTP for Lectio: pages with redirects followed by hand, forms, and error mapping.

Redirects are followed by hand so that cookies rotated on every hop are kept, a
redirect to ``login.aspx`` is seen (the session expired), and no Lectio cookie is ever
sent to another host (a MitID/UniLogin broker).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import aiohttp

from ..errors import ProtocolChangedError
from ..http import Answer, Pacer, Sender, follow_redirects, raise_for_server_status
from .const import ACCEPT_LANGUAGE, RATE_LIMIT_RETRY_AFTER, USER_AGENT
from .cookies import lectio_cookie_store

_HTTP_CLIENT_ERROR = 400
_LOGIN_PAGE = "/login.aspx"
_HEADERS = {"User-Agent": USER_AGENT, "Accept-Language": ACCEPT_LANGUAGE}


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


class Http:
    """Requests to one Lectio site through a borrowed aiohttp session."""

    def __init__(
        self, session: aiohttp.ClientSession, *, base_url: str, timeout: float, pacer: Pacer
    ) -> None:
        self._host = urlsplit(base_url).netloc.lower()
        store = lectio_cookie_store()
        self.cookies = store.site(self._host)
        # Passed as aiohttp's cookies=, so an emptied key in the session jar never wins.
        self._sender = Sender(
            session, server="Lectio", timeout=timeout, cookies=store, cookies_win_over_jar=True
        )
        # One page at a time, a pause between pages: Lectio blocks scrapers that hurry.
        self._pacer = pacer

    @property
    def request_count(self) -> int:
        """Number of HTTP requests sent so far."""
        return self._sender.request_count

    async def get(self, url: str) -> Page:
        """GET a page, following redirects on the Lectio host."""
        return await self._open("GET", url, None, referer=None)

    async def post_form(self, url: str, form: Mapping[str, str], *, referer: str) -> Page:
        """POST a WebForms form (UTF-8, urlencoded); the redirect after it becomes a GET."""
        return await self._open("POST", url, dict(form), referer=referer)

    async def _open(
        self, method: str, url: str, data: dict[str, str] | None, *, referer: str | None
    ) -> Page:
        asked_login = _LOGIN_PAGE in urlsplit(url).path.lower()

        def leaves_page(target: str) -> bool:
            parts = urlsplit(target)
            to_login = not asked_login and _LOGIN_PAGE in parts.path.lower()
            return self._off_site(target) or to_login

        async with self._pacer:
            answer = await follow_redirects(
                self._sender,
                method,
                url,
                data=data,
                headers=_HEADERS,
                referer=referer,
                stop=leaves_page,
            )
        target = answer.redirect_target
        if target is not None:
            if self._off_site(target):
                return Page(url=target, text="", left_site=True)
            return Page(url=target, text="", to_login=True)
        _raise_for_status(answer)
        return Page(url=answer.url, text=answer.text, redirected=answer.redirects > 0)

    def _off_site(self, url: str) -> bool:
        return urlsplit(url).netloc.lower() != self._host


def _raise_for_status(answer: Answer) -> None:
    raise_for_server_status(
        answer.status,
        answer.headers,
        server="Lectio",
        default_retry_after=RATE_LIMIT_RETRY_AFTER,
    )
    if answer.status >= _HTTP_CLIENT_ERROR:
        raise ProtocolChangedError(f"Lectio answered HTTP {answer.status}: the page may have moved")

"""Sending one request through a borrowed aiohttp session, with the failures typed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import logging
import time
from typing import Final, TypedDict
from urllib.parse import urlencode, urlsplit

import aiohttp

from ..errors import ServerUnavailableError
from .answer import Answer
from .cookies import CookieStore
from .recording import Exchange, active_recorder, header_pairs

_LOGGER = logging.getLogger(__name__)

# What a kept-alive connection the server closed as the request went out looks like.
_DROPPED_CONNECTION = (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)

Params = Mapping[str, str] | Sequence[tuple[str, str]]
Body = bytes | Mapping[str, str]


class _Connection(TypedDict):
    """The aiohttp options every request of a sender shares."""

    allow_redirects: bool
    timeout: aiohttp.ClientTimeout
    ssl: bool


# Seconds a school server gets to answer one request.
DEFAULT_TIMEOUT: Final = 30.0


class Sender:
    """Requests to one platform's servers, counted; failures to reach them typed.

    ``server`` names the platform in messages and logs. Redirects are left to the caller
    (see ``follow_redirects``) unless ``auto_redirect`` lets aiohttp follow them.

    With a ``cookies`` store, each host's cookies are sent back to it and every
    answer's are kept. ``cookies_win_over_jar`` passes them to aiohttp as ``cookies=``,
    so they override the session jar's (values quoted as aiohttp does); otherwise they
    go verbatim in a ``Cookie`` header, and a cookie of the same name in the session
    jar overrides it.

    ``retry_dropped_connection`` sends a request again, once, when the server closed
    the kept-alive connection as it went out: aiohttp retries only idempotent methods.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        server: str,
        timeout: float,
        ssl: bool = True,
        auto_redirect: bool = False,
        cookies: CookieStore | None = None,
        cookies_win_over_jar: bool = False,
        retry_dropped_connection: bool = False,
    ) -> None:
        self._session = session
        self.server = server
        # ssl=True keeps aiohttp's default certificate check; False switches it off.
        self._connection = _Connection(
            allow_redirects=auto_redirect, timeout=aiohttp.ClientTimeout(total=timeout), ssl=ssl
        )
        self._cookies = cookies
        self._cookies_win_over_jar = cookies_win_over_jar
        self._retry_dropped = retry_dropped_connection
        self.request_count = 0

    async def send(
        self,
        method: str,
        url: str,
        *,
        params: Params | None = None,
        data: Body | None = None,
        headers: Mapping[str, str] | None = None,
        auth: aiohttp.BasicAuth | None = None,
        log: bool = True,
    ) -> Answer:
        """Send a request and read the whole answer, whatever its status.

        Raises ServerUnavailableError for a timeout or a connection failure. ``log=False``
        keeps the path out of the debug log (when it carries a session number).
        """
        self.request_count += 1
        if log:
            _LOGGER.debug("%s %s %s", self.server, method, urlsplit(url).path)

        async def attempt() -> Answer:
            return await self._exchange(
                method, url, params=params, data=data, headers=headers or {}, auth=auth
            )

        try:
            try:
                return await attempt()
            except _DROPPED_CONNECTION as err:
                if not self._retry_dropped or isinstance(err, aiohttp.ClientConnectorError):
                    raise
                _LOGGER.debug("%s dropped a kept-alive connection; retrying once", self.server)
                return await attempt()
        except TimeoutError as err:
            _record_failure(method, url, params, data, headers, err)
            raise ServerUnavailableError(f"{self.server} did not answer in time") from err
        except aiohttp.ClientError as err:
            _record_failure(method, url, params, data, headers, err)
            raise ServerUnavailableError(
                f"cannot reach {self.server} ({type(err).__name__})"
            ) from err

    async def _exchange(
        self,
        method: str,
        url: str,
        *,
        params: Params | None,
        data: Body | None,
        headers: Mapping[str, str],
        auth: aiohttp.BasicAuth | None,
    ) -> Answer:
        site = self._cookies.site(urlsplit(url).netloc) if self._cookies is not None else None
        headers = dict(headers)
        jar_overrides: dict[str, str] | None = None
        if site is not None and self._cookies_win_over_jar:
            jar_overrides = site.as_dict()
        elif site is not None and (cookie := site.header()):
            headers["Cookie"] = cookie
        started = time.monotonic()
        async with self._session.request(
            method,
            url,
            params=params,
            data=data,
            headers=headers,
            auth=auth,
            cookies=jar_overrides,
            **self._connection,
        ) as resp:
            body = await resp.read()
            if site is not None:
                site.update(resp.cookies)
            if (recorder := active_recorder()) is not None:
                sent = dict(headers)
                if jar_overrides:
                    sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar_overrides.items())
                if auth is not None:
                    sent["Authorization"] = auth.encode()
                recorder.record(
                    Exchange(
                        method=method,
                        url=_full_url(url, params),
                        request_headers=tuple(sent.items()),
                        request_body=_body_bytes(data),
                        status=resp.status,
                        response_headers=header_pairs(resp.headers),
                        response_body=body,
                        charset=resp.charset,
                        content_type=resp.content_type,
                        elapsed=time.monotonic() - started,
                    )
                )
            return Answer(
                url=url,
                status=resp.status,
                headers=resp.headers,
                body=body,
                charset=resp.charset,
                content_type=resp.content_type,
                cookies=resp.cookies,
            )


def _full_url(url: str, params: Params | None) -> str:
    """The address with its query parameters, as the server saw it."""
    if not params:
        return url
    pairs = params.items() if isinstance(params, Mapping) else params
    return f"{url}{'&' if '?' in url else '?'}{urlencode(list(pairs))}"


def _body_bytes(data: Body | None) -> bytes | None:
    if data is None or isinstance(data, bytes):
        return data
    return urlencode(list(data.items())).encode()


def _record_failure(
    method: str,
    url: str,
    params: Params | None,
    data: Body | None,
    headers: Mapping[str, str] | None,
    err: BaseException,
) -> None:
    """Hand a request that got no answer to the recorder, if one is on."""
    if (recorder := active_recorder()) is None:
        return
    recorder.record(
        Exchange(
            method=method,
            url=_full_url(url, params),
            request_headers=tuple((headers or {}).items()),
            request_body=_body_bytes(data),
            error=type(err).__name__,
        )
    )

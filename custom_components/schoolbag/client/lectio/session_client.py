"""Lectio's session: password or MitID cookie login, pages read with it, the key it rotates."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

import aiohttp

from .. import models
from ..base_client import BaseClient, TrustListener
from ..errors import InvalidCredentialsError, NotSupportedError, SessionExpiredError
from ..http import DEFAULT_TIMEOUT, Pacer
from ..protocol import Credentials
from . import const
from .auth import LoginMode, cookie_login, password_login, read_pasted_cookie
from .const import (
    COOKIE_LOGIN_REQUESTS,
    COPENHAGEN,
    DEFAULT_BASE_URL,
    KEEP_ALIVE_AFTER,
    KEEP_ALIVE_TICK,
    KEY_COOKIE,
    PASSWORD_LOGIN_REQUESTS,
    SESSION_COOKIE,
    TRUST_KEY,
)
from .pages import raise_for_error_page, raise_for_incomplete_page, shows_login_form
from .parsers_account import Identity
from .transport import Http, Page
from .urls import SchoolUrls, school_id_from


class _PageExpiredError(SessionExpiredError):
    """Lectio answered a page with its login form: the session is over."""


class LectioSessionClient(BaseClient[Identity, Http]):
    """The session of one Lectio student account at one school.

    ``school_id`` is the school number (or any Lectio URL of the school). Login modes:

    * ``"password"``: ``credentials`` hold Lectio's own username and password.
    * ``"cookie"`` (MitID/UniLogin schools): ``credentials.password`` holds the
      ``autologinkeyV2`` cookie of a browser that logged in with "Husk mig" (a bare
      value, or a ``name=value; ...`` cookie string). Lectio may rotate the key:
      persist ``client.trust`` (``on_trust_change`` reports each change). When the key
      stops working, calls raise InvalidCredentialsError: ask the user for a new cookie.

    Calls are serialised (Lectio rotates cookies; parallel requests would race). The
    session is kept between calls and renewed by itself once when it expires. The
    aiohttp session is borrowed and never closed; cookies live in the client.
    """

    platform = models.SchoolPlatform.LECTIO
    # The ping goes out only once the session has been idle for ``KEEP_ALIVE_AFTER``.
    keep_alive_interval: timedelta | None = KEEP_ALIVE_TICK
    keep_alive_after = KEEP_ALIVE_AFTER.total_seconds()

    def __init__(
        self,
        session: aiohttp.ClientSession,
        credentials: Credentials,
        *,
        school_id: str,
        base_url: str = DEFAULT_BASE_URL,
        login_mode: str = LoginMode.PASSWORD,
        on_trust_change: TrustListener | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], float] | None = None,
        now: Callable[[], datetime] | None = None,
        request_gap: float | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self._mode = LoginMode(login_mode)
        self._urls = SchoolUrls(base_url.rstrip("/"), school_id_from(school_id))
        self._credentials = credentials
        gap = const.REQUEST_GAP if request_gap is None else request_gap
        super().__init__(
            Http(
                session,
                base_url=base_url,
                timeout=timeout,
                pacer=Pacer(gap, clock=clock, sleep=sleep),
            ),
            on_trust_change=on_trust_change,
            clock=clock,
        )
        # The school's wall clock (aware, Copenhagen): "today" splits past and upcoming homework.
        self._now: Callable[[], datetime] = now or (lambda: datetime.now(COPENHAGEN))
        self._pasted = read_pasted_cookie(credentials.password) if self._is_cookie else {}
        if self._is_cookie and credentials.trust.get(TRUST_KEY):
            # The newest key seen (Lectio rotates it) wins over the one first pasted.
            self._pasted[KEY_COOKIE] = credentials.trust[TRUST_KEY]
        self._key = self._pasted.get(KEY_COOKIE, "")
        # When a page was last read (monotonic): any page keeps the session alive.
        self._last_read = 0.0

    def __repr__(self) -> str:
        """Keep credentials and cookies out of logs."""
        return (
            f"{type(self).__name__}(school={self._urls.school_id!r}, mode={self._mode.value!r}, "
            f"student={self._session.elevid if self._session else None!r})"
        )

    @property
    def _is_cookie(self) -> bool:
        return self._mode is LoginMode.COOKIE

    @property
    def school_id(self) -> str:
        """The school number."""
        return self._urls.school_id

    @property
    def trust(self) -> dict[str, str]:
        """Cookie mode: the newest auto-login key, to persist (it replaces the pasted one)."""
        return {TRUST_KEY: self._key} if self._is_cookie and self._key else {}

    async def _ping(self, session: Identity) -> None:
        """Read the front page."""
        page = await self._transport.get(self._urls.page("forside.aspx", elevid=session.elevid))
        if _expired(page):
            raise SessionExpiredError("the Lectio session ended while idle")
        self._last_read = self._clock()

    def _idle_of(self, session: Identity) -> float:
        return self._clock() - self._last_read

    def keep_alive_pays(self, idle: timedelta) -> bool:
        """A front page read every ``KEEP_ALIVE_AFTER`` of ``idle`` against a new login."""
        login = COOKIE_LOGIN_REQUESTS if self._is_cookie else PASSWORD_LOGIN_REQUESTS
        return idle // KEEP_ALIVE_AFTER < login

    # -- internals ---------------------------------------------------------------------------

    async def _call[T](self, student_id: str, run: Callable[[], Awaitable[T]]) -> T:
        async with self._lock:
            identity = await self._ensure_session()
            if student_id != identity.elevid:
                raise NotSupportedError("this student is not part of the Lectio account")
            return await run()

    def _account_of(self, session: Identity) -> models.Account:
        return _account(self._urls.school_id, session)

    async def _open_session(self) -> Identity:
        if self._is_cookie:
            cookies = {**self._pasted, KEY_COOKIE: self._key}
            identity = await cookie_login(self._transport, self._urls, cookies)
            self._sync_key()
        else:
            identity = await password_login(
                self._transport, self._urls, self._credentials.username, self._credentials.password
            )
        self._last_read = self._clock()
        return identity

    def _forget_session(self, session: Identity) -> None:
        if self._is_cookie:
            # A live key opens a new session by itself when the dead one is not sent.
            self._transport.cookies.drop(SESSION_COOKIE)
            return
        super()._forget_session(session)

    async def _fetch(self, name: str, **params: str) -> str:
        """A page of the logged-in student, logging in again once if the session ended."""

        async def read(identity: Identity) -> str:
            page = await self._transport.get(
                self._urls.page(name, **params, elevid=identity.elevid)
            )
            if _expired(page):
                raise _PageExpiredError("Lectio answered with its login form")
            self._last_read = self._clock()
            self._sync_key()
            return page.text

        try:
            text = await self._with_relogin(read)
        except _PageExpiredError:
            self._session = None
            if self._is_cookie:
                raise InvalidCredentialsError(
                    "Lectio no longer accepts the auto-login cookie"
                ) from None
            raise SessionExpiredError("Lectio ended the session again right after login") from None
        raise_for_error_page(text)
        raise_for_incomplete_page(text)
        return text

    def _sync_key(self) -> None:
        """Adopt a rotated auto-login key and report it."""
        if not self._is_cookie:
            return
        key = self._transport.cookies.get(KEY_COOKIE)
        if key and key != self._key:
            self._key = key
            self._trust_changed()


def _expired(page: Page) -> bool:
    return page.to_login or page.left_site or shows_login_form(page.text)


def _account(school_id: str, identity: Identity) -> models.Account:
    """The account; its id holds the school's number (student ids are per school)."""
    student = models.Student(
        id=identity.elevid,
        first_name=identity.first_name,
        last_name=identity.last_name,
        class_name=identity.class_name,
        school_name=identity.school_name,
    )
    return models.Account(
        id=f"{school_id}_{identity.elevid}",
        kind=models.AccountKind.STUDENT,
        display_name=identity.name or identity.elevid,
        students=(student,),
        school_name=identity.school_name,
    )

"""Pronote's session: login modes, the kept session and its pings, tabs and periods."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

from .. import models
from ..base_client import BaseClient, TrustListener
from ..errors import NotSupportedError
from ..http import DEFAULT_TIMEOUT
from ..protocol import Credentials
from .auth import Authenticator, LoggedIn, LoginMode
from .const import (
    DEFAULT_DEVICE_NAME,
    DEFAULT_TIME_ZONE,
    KEEP_ALIVE_AFTER,
    KIND_STUDENT,
    LOGIN_REQUESTS,
    TAB_HOME,
)
from .http_client import Http
from .login_qr import read_qr_code
from .parsers_account import PeriodRef, StudentContext, grade_period_default
from .transport import Reply
from .trust import TrustStore
from .url import PronoteUrl, normalize_pronote_url

# Loaded at import: building a ZoneInfo reads a file, which must not happen on the event loop.
_DEFAULT_ZONE = ZoneInfo(DEFAULT_TIME_ZONE)

_ALL_CAPABILITIES = frozenset(
    {
        models.Capability.TIMETABLE,
        models.Capability.HOMEWORK,
        models.Capability.HOMEWORK_DONE,
        models.Capability.GRADES,
        models.Capability.SCHOOL_LIFE,
        models.Capability.MESSAGES,
        models.Capability.MENUS,
        models.Capability.INFORMATION,
    }
)


class PronoteSessionClient(BaseClient[LoggedIn, Http]):
    """The session of one Pronote account (a student, or a parent with children).

    Login modes (``login_mode``):

    * ``"password"``: ``credentials`` hold the Pronote username and password.
    * ``"qr"``: ``credentials.password`` is the 4-digit PIN chosen when the QR
      code was made; the QR code JSON is ``qr_code`` (or ``credentials.username``).
      After the first login the client logs in with the mobile token in ``trust``.
    * ``"token"``: ``trust`` holds ``login``, ``token`` and ``uuid`` from an
      earlier QR code login; no password is needed.
    * ``"cas"``: ``credentials`` hold the ENT username and password of a
      generic CAS; ``url`` is the space page the ENT protects.

    ``time_zone`` is the school's zone (Europe/Paris by default; overseas
    schools differ): pass a loaded ``ZoneInfo`` to avoid file access on the
    event loop.

    The token rotates on every QR/token login: persist ``client.trust`` after
    each login (``on_trust_change`` is called as soon as it changes).

    Calls are serialised (Pronote numbers each request of a session). The
    session is kept between calls and renewed by logging in again when it
    expires; call ``keep_alive`` every couple of minutes to keep it open
    between refreshes. The aiohttp session is borrowed and never closed.
    """

    platform = models.SchoolPlatform.PRONOTE
    CAPABILITIES = _ALL_CAPABILITIES
    # The ping goes out only once the session has been idle for ``KEEP_ALIVE_AFTER``.
    keep_alive_interval: timedelta | None = timedelta(minutes=2)
    keep_alive_after = KEEP_ALIVE_AFTER

    def __init__(
        self,
        session: aiohttp.ClientSession,
        credentials: Credentials,
        *,
        url: str,
        login_mode: str = LoginMode.PASSWORD,
        device_name: str = DEFAULT_DEVICE_NAME,
        qr_code: str | Mapping[str, Any] | None = None,
        time_zone: ZoneInfo | str = _DEFAULT_ZONE,
        on_trust_change: TrustListener | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        clock: Callable[[], float] | None = None,
    ) -> None:
        mode = LoginMode(login_mode)
        if not url and mode is LoginMode.QR:
            url = read_qr_code(qr_code if qr_code is not None else credentials.username).url
        self._url: PronoteUrl = normalize_pronote_url(url)
        self._zone = time_zone if isinstance(time_zone, ZoneInfo) else ZoneInfo(time_zone)
        # Looked up at each call, so a patched time.monotonic (tests) is seen.
        super().__init__(
            Http(session, timeout=timeout), on_trust_change=on_trust_change, clock=clock
        )
        self._trust = TrustStore(credentials.trust, lambda _trust: self._trust_changed())
        self._mode = mode
        self._auth = Authenticator(
            self._transport,
            self._url,
            credentials,
            mode=mode,
            device_name=device_name,
            trust=self._trust,
            qr_code=qr_code,
            clock=self._clock,
        )

    def __repr__(self) -> str:
        """Keep credentials out of logs."""
        account = self.account
        return (
            f"{type(self).__name__}(space={self._url.space!r}, mode={self._mode.value!r}, "
            f"account={account.id if account else None!r})"
        )

    @property
    def url(self) -> PronoteUrl:
        """The instance root and space used."""
        return self._url

    @property
    def trust(self) -> dict[str, str]:
        """Values to persist: browser id, device uuid, and the login/token of QR/token modes."""
        return self._trust.as_dict()

    async def answer_challenge(self, answer: str) -> models.Account:
        """Answer the PIN question, register this device and log in."""
        async with self._lock:
            return self._adopt(await self._auth.answer(answer)).user.account

    async def _ping(self, session: LoggedIn) -> None:
        """The home tab's ``Navigation`` (``Presence`` before 2024.3.9)."""
        context = next(iter(session.user.students.values()))
        channel = session.channel
        await channel.call(
            channel.scheme.keep_alive,
            {"onglet": TAB_HOME, "ongletPrec": TAB_HOME},
            tab=TAB_HOME,
            signature=self._member(session, context),
        )

    def _idle_of(self, session: LoggedIn) -> float:
        return session.channel.idle

    def keep_alive_pays(self, idle: timedelta) -> bool:
        """A ping every two minutes of ``idle`` against a new login."""
        assert self.keep_alive_interval is not None
        return idle // self.keep_alive_interval < LOGIN_REQUESTS

    # -- internals -------------------------------------------------------------------------

    async def _open_session(self) -> LoggedIn:
        return await self._auth.login()

    def _account_of(self, session: LoggedIn) -> models.Account:
        return session.user.account

    def _session_ended(self, session: LoggedIn) -> bool:
        return session.channel.dead

    def _adopt(self, session: LoggedIn) -> LoggedIn:
        capabilities = _ALL_CAPABILITIES
        if session.user.is_parent:
            capabilities = capabilities - {models.Capability.HOMEWORK_DONE}
        self.capabilities = capabilities
        return super()._adopt(session)

    @staticmethod
    def _student(current: LoggedIn, student_id: str) -> StudentContext:
        context = current.user.students.get(student_id)
        if context is None:
            raise NotSupportedError("this student is not part of the Pronote account")
        return context

    @staticmethod
    def _member(current: LoggedIn, context: StudentContext) -> dict[str, Any] | None:
        if not current.user.is_parent:
            return None
        return {"membre": {"N": context.resource.get("N"), "G": KIND_STUDENT}}

    async def _tab_call(
        self,
        current: LoggedIn,
        context: StudentContext,
        function: str,
        tab: int,
        data: dict[str, Any],
    ) -> Reply:
        return await current.channel.call(
            function, data, tab=tab, signature=self._member(current, context)
        )

    @staticmethod
    def _periods(current: LoggedIn, context: StudentContext, tab: int) -> list[PeriodRef]:
        """The periods a tab offers (every period of the year when it lists none)."""
        year = current.year
        listed = [
            ref for number in context.tab_periods.get(tab, ()) if (ref := year.period(number))
        ]
        return listed or list(year.periods)

    def _period(
        self, current: LoggedIn, context: StudentContext, tab: int, period_id: str | None
    ) -> PeriodRef | None:
        """The period asked for, else the tab's default, else the one containing today."""
        year = current.year
        if period_id is not None:
            found = next((ref for ref in year.periods if ref.period.id == period_id), None)
            if found is None:
                raise NotSupportedError("this period is not part of the Pronote school year")
            return found
        number = context.default_periods.get(tab) or grade_period_default(context)
        if number is not None and (found := year.period(number)) is not None:
            return found
        today = datetime.now(self._zone).date()
        candidates = self._periods(current, context, tab)
        return next(
            (ref for ref in candidates if not ref.period.yearly and ref.period.contains(today)),
            next(iter(candidates), None),
        )

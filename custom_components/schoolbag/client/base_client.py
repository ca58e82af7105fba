"""What every platform client shares: the session, logging in again, trust and defaults.

A platform client says how to open a session (``_open_session``) and which account it
holds (``_account_of``); the base serialises calls, opens the session when there is none,
logs in again once when a call finds it expired, reports trust changes and answers for
the data kinds the platform does not offer.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
import asyncio
from collections.abc import Awaitable, Callable
from datetime import date, timedelta
import logging
import time
from typing import ClassVar, Protocol

from .errors import NotSupportedError, SchoolError, SessionExpiredError
from .models import (
    PLATFORM_NAMES,
    Account,
    Canteen,
    Capability,
    Homework,
    Information,
    Lesson,
    Mailbox,
    MenuDay,
    SchoolPlatform,
    Wallet,
)

_LOGGER = logging.getLogger(__name__)

# Idle seconds under which a lost session teaches nothing about the server's timeout.
LEARNED_EXPIRY_FLOOR = 600.0

TrustListener = Callable[[dict[str, str]], None]


class CountsRequests(Protocol):
    """A transport that counts the HTTP requests it sent."""

    @property
    def request_count(self) -> int:
        """Number of HTTP requests sent so far."""


class BaseClient[SessionT, TransportT: CountsRequests](ABC):
    """The login skeleton of a client whose server session is a ``SessionT``.

    The client sends its requests through ``_transport``, which counts them.

    Subclasses set ``platform`` and ``CAPABILITIES`` and override the data methods of the
    capabilities they declare; the others keep the answers below.
    """

    platform: SchoolPlatform
    CAPABILITIES: ClassVar[frozenset[Capability]]
    # How often the caller should call ``keep_alive``; None when the platform needs no ping.
    keep_alive_interval: timedelta | None = None
    # Idle seconds after which ``keep_alive`` pings (checked every ``keep_alive_interval``).
    keep_alive_after: float = 0.0
    # Calls wait for each other by default (numbered requests, rotating tokens or cookies).
    # When True, the caller may await several data calls at once: ``_run_concurrently``
    # then lets them overlap while ``_overlaps`` allows it.
    concurrent_calls: bool = False
    # Idle seconds after which the session may be over: the next call is sent before the others.
    probe_alone_after: float = 600.0

    def __init__(
        self,
        transport: TransportT,
        *,
        on_trust_change: TrustListener | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.capabilities: frozenset[Capability] = self.CAPABILITIES
        self._transport = transport
        self._on_trust_change = on_trust_change
        self._lock = asyncio.Lock()
        self._session: SessionT | None = None
        self._logins = 0
        # Monotonic seconds; looked up at each call by default, so a test's frozen clock applies.
        self._clock: Callable[[], float] = clock or (lambda: time.monotonic())
        self._last_answer_at: float | None = None
        self._last_call_failed = False
        # The shortest idle time after which the server was found to have ended a session.
        self._expires_after: float | None = None

    @property
    def request_count(self) -> int:
        """Number of HTTP requests sent so far."""
        return self._transport.request_count

    @property
    def login_count(self) -> int:
        """Logins tried so far: one for each session the client had to open."""
        return self._logins

    @property
    def account(self) -> Account | None:
        """The logged-in account, or None before the first login."""
        return None if self._session is None else self._account_of(self._session)

    @property
    def trust(self) -> dict[str, str]:
        """Values to persist so later logins skip the double authentication (none here)."""
        return {}

    @property
    def _platform_name(self) -> str:
        return PLATFORM_NAMES[self.platform]

    async def login(self) -> Account:
        """Log in, or return the account of the current session without any request."""
        async with self._lock:
            return self._account_of(await self._ensure_session())

    async def answer_challenge(self, answer: str) -> Account:
        """The platform never asks a double-authentication question."""
        raise NotSupportedError(f"{self._platform_name} has no double authentication")

    async def keep_alive(self) -> bool:
        """Ping the server once the session has been idle for ``keep_alive_after`` seconds.

        Returns whether a session is open. Never logs in: an expired session is renewed by
        the next data call. Errors are not raised. Without ``keep_alive_interval`` there is
        nothing to ping.
        """
        if self.keep_alive_interval is None:
            return self._session is not None
        async with self._lock:
            session = self._session
            if session is None or self._session_ended(session) or self._outlived(session):
                return False
            idle = self._idle_of(session)
            if idle < self.keep_alive_after:
                return True
            try:
                await self._ping(session)
            except SessionExpiredError:
                _LOGGER.debug("%s session expired while idle", self._platform_name)
                self._found_expired(session, idle)
            except SchoolError as err:
                _LOGGER.debug("%s keep-alive failed: %s", self._platform_name, err)
            else:
                self._last_answer_at = self._clock()
                return True
            self._last_call_failed = True
            return False

    def keep_alive_pays(self, idle: timedelta) -> bool:
        """No ping keeps a session open here."""
        return False

    # -- data the platform does not offer: empty answers, no request ------------------------

    async def timetable(self, student_id: str, start: date, end: date) -> list[Lesson]:
        """No timetable (no Capability.TIMETABLE)."""
        return []

    async def homework(self, student_id: str, start: date, end: date) -> list[Homework]:
        """No homework (no Capability.HOMEWORK)."""
        return []

    async def set_homework_done(self, student_id: str, homework_id: str, done: bool) -> None:
        """No "done" mark on homework (no Capability.HOMEWORK_DONE)."""
        raise NotSupportedError(f"marking homework done is not supported by {self._platform_name}")

    async def mailbox(self, student_id: str) -> Mailbox:
        """No mailbox (no Capability.MESSAGES)."""
        return Mailbox(unread=0)

    async def canteen(self, student_id: str) -> Canteen | None:
        """No canteen regime or reservations (no Capability.CANTEEN)."""
        return None

    async def wallets(self) -> list[Wallet]:
        """No prepaid accounts (no Capability.WALLETS)."""
        return []

    async def menus(self, student_id: str, start: date, end: date) -> list[MenuDay]:
        """No canteen menus to read (no Capability.MENUS)."""
        return []

    async def information(self, student_id: str) -> list[Information]:
        """No school news or surveys to read (no Capability.INFORMATION)."""
        return []

    # -- the session ----------------------------------------------------------------------

    @abstractmethod
    async def _open_session(self) -> SessionT:
        """Log in and return the new session."""

    @abstractmethod
    def _account_of(self, session: SessionT) -> Account:
        """The account a session belongs to."""

    def _session_ended(self, session: SessionT) -> bool:
        """Whether the client already knows the session is over (no request)."""
        return False

    def _adopt(self, session: SessionT) -> SessionT:
        """Make ``session`` the current one."""
        self._session = session
        self._last_answer_at = self._clock()
        return session

    def _forget_session(self, session: SessionT) -> None:
        """A call found ``session`` expired: the next call logs in again."""
        if self._session is session:
            self._session = None

    async def _ensure_session(self) -> SessionT:
        session = self._session
        if session is None or self._session_ended(session) or self._outlived(session):
            self._logins += 1
            session = self._adopt(await self._open_session())
        return session

    def _outlived(self, session: SessionT) -> bool:
        """Whether ``session`` has been idle as long as one the server already let die."""
        limit = self._expires_after
        return limit is not None and self._idle_of(session) >= limit

    def _found_expired(self, session: SessionT, idle: float) -> None:
        """``session`` was over after ``idle`` seconds: the next one that idle is not tried.

        A session lost sooner than ``LEARNED_EXPIRY_FLOOR`` was lost to something else (a
        server restart), not to its idle time: nothing is learnt from it.
        """
        if idle >= LEARNED_EXPIRY_FLOOR:
            self._expires_after = min(idle, self._expires_after or idle)
        self._forget_session(session)

    async def _with_relogin[T](self, operation: Callable[[SessionT], Awaitable[T]]) -> T:
        """Run ``operation`` on the session; when it expired, log in again and run it once more.

        The caller holds the lock.
        """
        current = await self._ensure_session()
        idle = self._idle_of(current)
        try:
            result = await operation(current)
        except SessionExpiredError:
            _LOGGER.debug("%s session expired, logging in again", self._platform_name)
            self._found_expired(current, idle)
        else:
            self._last_answer_at = self._clock()
            return result
        return await operation(await self._ensure_session())

    async def _run[T](self, operation: Callable[[SessionT], Awaitable[T]]) -> T:
        """``_with_relogin`` under the lock: one call at a time."""
        async with self._lock:
            return await self._with_relogin(operation)

    def _overlaps(self, session: SessionT) -> bool:
        """Whether calls on ``session`` may be in flight together (never, by default)."""
        return False

    async def _run_concurrently[T](self, operation: Callable[[SessionT], Awaitable[T]]) -> T:
        """Run ``operation`` beside other calls when the session allows it, else as ``_run``.

        After a failed call or a long idle time the next call goes alone: when the server is
        down or the session is over, that call alone finds out, and the calls waiting behind
        it (cancelled by a failing refresh) send nothing in vain.
        """
        async with self._lock:
            current = await self._ensure_session()
            if not self._overlaps(current) or self._must_probe():
                return await self._answered(self._with_relogin(operation))
            idle = self._idle_of(current)
        try:
            return await self._answered(operation(current))
        except SessionExpiredError:
            _LOGGER.debug("%s session expired, logging in again", self._platform_name)
        async with self._lock:
            # Another call may have opened the new session already.
            self._found_expired(current, idle)
            current = await self._ensure_session()
        return await self._answered(operation(current))

    async def _answered[T](self, call: Awaitable[T]) -> T:
        """Await ``call``, noting whether the server answered it."""
        try:
            result = await call
        except Exception:
            self._last_call_failed = True
            raise
        self._last_call_failed = False
        self._last_answer_at = self._clock()
        return result

    def _must_probe(self) -> bool:
        return self._last_call_failed or self._idle() >= self.probe_alone_after

    async def _ping(self, session: SessionT) -> None:
        """The cheapest read that keeps ``session`` open (platforms with a keep-alive)."""
        raise NotImplementedError

    def _idle_of(self, session: SessionT) -> float:
        """Seconds ``session`` has been idle, as its ping counts them."""
        return self._idle()

    def _idle(self) -> float:
        """Seconds since a call last got its answers (infinite before any)."""
        if self._last_answer_at is None:
            return float("inf")
        return self._clock() - self._last_answer_at

    def _trust_changed(self) -> None:
        """Hand the new trust to the listener; a failing listener must not break the login."""
        if self._on_trust_change is None:
            return
        try:
            self._on_trust_change(self.trust)
        except Exception:
            _LOGGER.exception("Storing the new %s trust values failed", self._platform_name)

"""The Lectio client facade: login state, page fetching with re-login, data calls."""

from __future__ import annotations

from asyncio import to_thread
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
import logging

import aiohttp

from .. import models
from ..aged_cache import AgedCache
from ..base_client import BaseClient, TrustListener
from ..errors import (
    InvalidCredentialsError,
    NotSupportedError,
    SessionExpiredError,
)
from ..http import DEFAULT_TIMEOUT, Pacer
from ..protocol import Credentials
from . import const
from .auth import LoginMode, cookie_login, password_login, read_pasted_cookie
from .const import (
    ABSENCE_RATES_MAX_AGE,
    COOKIE_LOGIN_REQUESTS,
    COPENHAGEN,
    DEFAULT_BASE_URL,
    FAR_WEEK_CACHE_TTL,
    GRADE_REPORT_MAX_AGE,
    KEEP_ALIVE_AFTER,
    KEEP_ALIVE_TICK,
    KEY_COOKIE,
    NEAR_DAYS,
    NEWEST_FOLDER,
    ONE_DAY,
    PASSWORD_LOGIN_REQUESTS,
    SESSION_COOKIE,
    TRUST_KEY,
    WEEK_CACHE_TTL,
)
from .dates import Week, weeks_between
from .html import soup
from .pages import raise_for_error_page, raise_for_incomplete_page, shows_login_form
from .parsers_absence import parse_absence_rates, parse_registered_absences
from .parsers_account import Identity, parse_unread_count
from .parsers_assignments import parse_assignments
from .parsers_grades import parse_grade_report
from .parsers_homework import parse_homework_overview
from .parsers_messages import parse_messages
from .transport import Http, Page
from .urls import SchoolUrls, school_id_from
from .week_cache import WeekCache
from .week_models import WeekModels, read_week

_LOGGER = logging.getLogger(__name__)

CAPABILITIES = frozenset(
    {
        models.Capability.TIMETABLE,
        models.Capability.HOMEWORK,
        models.Capability.GRADES,
        models.Capability.SCHOOL_LIFE,
        models.Capability.MESSAGES,
    }
)


type _AbsenceRates = tuple[tuple[models.Absence, ...], tuple[models.AbsenceRate, ...]]


class _PageExpiredError(SessionExpiredError):
    """Lectio answered a page with its login form: the session is over."""


class LectioClient(BaseClient[Identity, Http]):
    """Async client for one Lectio student account at one school.

    Pages are parsed in a worker thread (``to_thread``): BeautifulSoup held the event loop
    for up to a hundred milliseconds on a schedule week.

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
    CAPABILITIES = CAPABILITIES
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
        self._weeks = WeekCache(WEEK_CACHE_TTL)
        self._grade_report: AgedCache[str, models.GradeBook] = AgedCache(GRADE_REPORT_MAX_AGE)
        # The rates read with the registered absences they were read with.
        self._absence_rates: AgedCache[str, _AbsenceRates] = AgedCache(ABSENCE_RATES_MAX_AGE)
        # When a page was last read (monotonic): any page keeps the session alive.
        self._last_read = 0.0

    def __repr__(self) -> str:
        """Keep credentials and cookies out of logs."""
        return (
            f"LectioClient(school={self._urls.school_id!r}, mode={self._mode.value!r}, "
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

    async def timetable(self, student_id: str, start: date, end: date) -> list[models.Lesson]:
        """Lessons and whole-day events from ``start`` to ``end`` inclusive, sorted by start."""

        async def run() -> list[models.Lesson]:
            lessons: dict[str, models.Lesson] = {}
            weeks = weeks_between(start, end)
            if weeks:
                self._weeks.keep_from(weeks[0].monday)
            for week in weeks:
                for lesson in (await self._week(week)).lessons:
                    lessons.setdefault(lesson.id, lesson)
            first, last = _local_bounds(start, end)
            wanted = [item for item in lessons.values() if item.end > first and item.start < last]
            return sorted(wanted, key=lambda item: (item.start, item.end, item.id))

        return await self._call(student_id, run)

    async def homework(self, student_id: str, start: date, end: date) -> list[models.Homework]:
        """Homework and assignments due from ``start`` to ``end``, sorted by due date.

        Upcoming homework comes from the homework overview; days before today from
        the schedule's lesson tooltips; assignments from the assignment list.
        """

        async def run() -> list[models.Homework]:
            today = self._now().date()
            found: dict[str, models.Homework] = {}
            if end >= today:
                overview = await self._fetch("material_lektieoversigt.aspx")
                for item in await to_thread(parse_homework_overview, overview, today):
                    found.setdefault(item.id, item)
            if start < today:
                for item in await self._past_homework(start, min(end, today - ONE_DAY)):
                    found.setdefault(item.id, item)
            for item in await to_thread(parse_assignments, await self._fetch("OpgaverElev.aspx")):
                found.setdefault(item.id, item)
            wanted = [item for item in found.values() if start <= item.due <= end]
            return sorted(wanted, key=lambda item: (item.due, item.subject, item.id))

        return await self._call(student_id, run)

    async def grades(self, student_id: str, period_id: str | None = None) -> models.GradeBook:
        """The grade report (dated today: Lectio shows no dates), read again after six hours."""

        async def run() -> models.GradeBook:
            if (kept := self._grade_report.get(student_id, self._clock())) is not None:
                return kept
            page = await self._fetch("grades/grade_report.aspx")
            book = await to_thread(parse_grade_report, page, self._now().date())
            self._grade_report.put(student_id, self._clock(), book)
            return book

        return await self._call(student_id, run)

    async def school_life(self, student_id: str) -> models.SchoolLife:
        """Absence rates (physical and written, per team and overall) and registered absences."""

        async def run() -> models.SchoolLife:
            reasons = await self._fetch("subnav/fravaerelev_fravaersaarsager.aspx")
            absences = tuple(await to_thread(parse_registered_absences, reasons))
            kept = self._absence_rates.get(student_id, self._clock())
            if kept is not None and kept[0] == absences:
                rates = kept[1]
            else:
                page = await self._fetch("subnav/fravaerelev.aspx")
                rates = tuple(await to_thread(parse_absence_rates, page))
                self._absence_rates.put(student_id, self._clock(), (absences, rates))
            return models.SchoolLife(absences=absences, absence_rates=rates)

        return await self._call(student_id, run)

    async def mailbox(self, student_id: str) -> models.Mailbox:
        """The newest threads (subjects only) and the front page's unread counter."""

        async def run() -> models.Mailbox:
            now = self._now()
            listing = await self._fetch(
                "beskeder2.aspx", type="liste", selectedfolderid=NEWEST_FOLDER
            )
            messages = tuple(await to_thread(parse_messages, listing, now))
            front_page = await self._fetch("forside.aspx")
            unread = await to_thread(_unread_on, front_page)
            if unread is None:
                unread = sum(1 for message in messages if not message.read)
            return models.Mailbox(unread=unread, messages=messages)

        return await self._call(student_id, run)

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

    async def _week(self, week: Week) -> WeekModels:
        now = self._clock()
        cached = self._weeks.get(week, now)
        if cached is not None:
            return cached
        page = await self._fetch("SkemaNy.aspx", type="elev", week=week.code)
        read = await to_thread(read_week, page, week.monday)
        today = self._now().date()
        over = week.monday + timedelta(days=7) <= today
        far = week.monday > today + timedelta(days=NEAR_DAYS)
        self._weeks.put(week, now, read, over=over, ttl=FAR_WEEK_CACHE_TTL if far else None)
        return read

    async def _past_homework(self, start: date, end: date) -> list[models.Homework]:
        found: list[models.Homework] = []
        for week in weeks_between(start, end):
            found.extend(
                item for item in (await self._week(week)).homework if start <= item.due <= end
            )
        return found


def _unread_on(front_page: str) -> int | None:
    return parse_unread_count(soup(front_page))


def _expired(page: Page) -> bool:
    return page.to_login or page.left_site or shows_login_form(page.text)


def _local_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    first = datetime.combine(start, datetime.min.time(), tzinfo=COPENHAGEN)
    last = datetime.combine(end + timedelta(days=1), datetime.min.time(), tzinfo=COPENHAGEN)
    return first, last


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

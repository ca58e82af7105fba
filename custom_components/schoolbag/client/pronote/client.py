"""The Pronote client facade: login state, data calls, keep-alive and re-login."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
import logging
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

from .. import models
from ..aged_cache import AgedCache
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
    MENU_WEEK_MAX_AGE,
    SKILLS_MAX_AGE,
    TAB_ATTENDANCE,
    TAB_EVALUATIONS,
    TAB_GRADES,
    TAB_HOME,
    TAB_HOMEWORK,
    TAB_MENUS,
    TAB_MESSAGES,
    TAB_NEWS,
    TAB_TIMETABLE,
)
from .dates import format_datetime
from .http_client import Http
from .login_qr import read_qr_code
from .parsers_account import PeriodRef, StudentContext, grade_period_default
from .parsers_extras import menus_between, parse_evaluations, parse_information, week_menus
from .parsers_grades import parse_grades
from .parsers_homework import homework_id_day, parse_homework
from .parsers_messages import parse_mailbox
from .parsers_school_life import parse_school_life
from .parsers_timetable import lessons_between, page_lessons, week_range
from .past_weeks import PastWeeks
from .timetable_requests import interval_request, week_request
from .transport import Reply
from .trust import TrustStore
from .typed_values import domain
from .url import PronoteUrl, normalize_pronote_url

_LOGGER = logging.getLogger(__name__)
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


class PronoteClient(BaseClient[LoggedIn, Http]):
    """Async client for one Pronote account (a student, or a parent with children).

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
        self._past_weeks = PastWeeks()
        # A week's menus, parsed, by (student, Monday).
        self._menu_weeks: AgedCache[tuple[str, date], tuple[models.MenuDay, ...]] = AgedCache(
            MENU_WEEK_MAX_AGE
        )
        # Skills evaluations change rarely: by (student, period).
        self._skills: AgedCache[tuple[str, str], list[models.SkillEvaluation]] = AgedCache(
            SKILLS_MAX_AGE
        )
        # Homework ``N`` of the current server session, by (student id, homework id).
        self._homework_refs: dict[tuple[str, str], str] = {}

    def __repr__(self) -> str:
        """Keep credentials out of logs."""
        account = self.account
        return (
            f"PronoteClient(space={self._url.space!r}, mode={self._mode.value!r}, "
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

    async def timetable(self, student_id: str, start: date, end: date) -> list[models.Lesson]:
        """Lessons from ``start`` to ``end`` inclusive, sorted by start.

        Weeks that are over are read once each; the rest, up to ``end``, in one call.
        """

        async def run(current: LoggedIn) -> list[models.Lesson]:
            context = self._student(current, student_id)
            weeks = week_range(current.year, start, end)
            if TAB_TIMETABLE not in current.user.tabs or not weeks:
                return []
            year, resource = current.year, context.reference()
            today = datetime.now(self._zone).date()
            self._past_weeks.keep_from(student_id, weeks[0])
            pages: list[tuple[models.Lesson, ...]] = []

            async def read(data: dict[str, Any]) -> tuple[models.Lesson, ...]:
                reply = await self._tab_call(
                    current, context, "PageEmploiDuTemps", TAB_TIMETABLE, data
                )
                return tuple(page_lessons(reply.data, year, self._zone))

            for week in weeks:
                if not year.week_over(week, today):
                    # This week and the later ones still change: one call for all of them.
                    first, last = year.clamp(max(start, year.monday(week)), end)
                    if first <= last:
                        pages.append(await read(interval_request(resource, first, last)))
                    break
                page = self._past_weeks.get(student_id, week)
                if page is None:
                    page = await read(week_request(resource, week))
                    self._past_weeks.put(student_id, week, page)
                pages.append(page)
            return lessons_between(pages, start, end)

        return await self._run(run)

    async def homework(self, student_id: str, start: date, end: date) -> list[models.Homework]:
        """Homework due from ``start`` to ``end`` inclusive, sorted by due date."""

        async def run(current: LoggedIn) -> list[models.Homework]:
            # The references kept are those of the latest read: older ones left its window.
            self._homework_refs = {
                key: number for key, number in self._homework_refs.items() if key[0] != student_id
            }
            return await self._fetch_homework(current, student_id, start, end)

        return await self._run(run)

    async def set_homework_done(self, student_id: str, homework_id: str, done: bool) -> None:
        """Mark homework done (or not done). Pronote lets only students do it."""
        due = homework_id_day(homework_id)
        if due is None:
            raise ValueError("not a Pronote homework id")

        async def run(current: LoggedIn) -> None:
            context = self._student(current, student_id)
            if current.user.is_parent:
                raise NotSupportedError("Pronote lets only the student mark homework done")
            number = self._homework_refs.get((student_id, homework_id))
            if number is None:
                await self._fetch_homework(current, student_id, due, due)
                number = self._homework_refs.get((student_id, homework_id))
            if number is None:
                raise NotSupportedError("this homework is no longer on Pronote")
            await self._tab_call(
                current,
                context,
                "SaisieTAFFaitEleve",
                TAB_HOMEWORK,
                {"listeTAF": [{"N": number, "TAFFait": done, "E": 2}]},
            )

        await self._run(run)

    async def grades(self, student_id: str, period_id: str | None = None) -> models.GradeBook:
        """Periods, with the grades, averages and skills of one period (the current by default).

        Skills evaluations are read again only after ``SKILLS_MAX_AGE`` seconds.
        """

        async def run(current: LoggedIn) -> models.GradeBook:
            context = self._student(current, student_id)
            periods = tuple(ref.period for ref in self._periods(current, context, TAB_GRADES))
            skills = await self._recent_skills(current, context, period_id)
            if TAB_GRADES not in current.user.tabs:
                return models.GradeBook(periods=periods, skills=tuple(skills))
            chosen = self._period(current, context, TAB_GRADES, period_id)
            if chosen is None:
                return models.GradeBook(periods=periods, skills=tuple(skills))
            reply = await self._tab_call(
                current, context, "DernieresNotes", TAB_GRADES, {"Periode": chosen.reference()}
            )
            grades, averages = parse_grades(reply.data, chosen.period.id)
            return models.GradeBook(
                periods=periods,
                grades=tuple(grades),
                averages=tuple(averages),
                skills=tuple(skills),
            )

        return await self._run(run)

    async def school_life(self, student_id: str) -> models.SchoolLife:
        """Absences, delays and punishments of the school year."""

        async def run(current: LoggedIn) -> models.SchoolLife:
            context = self._student(current, student_id)
            if TAB_ATTENDANCE not in current.user.tabs:
                return models.SchoolLife()
            # The whole year when the tab offers it, else its default period.
            listed = self._periods(current, context, TAB_ATTENDANCE)
            chosen = next((ref for ref in listed if ref.period.yearly), None)
            chosen = chosen or self._period(current, context, TAB_ATTENDANCE, None)
            if chosen is None:
                return models.SchoolLife()
            data = {
                "periode": chosen.reference(),
                "DateDebut": {"_T": 7, "V": format_datetime(_midnight(chosen.period.start))},
                "DateFin": {"_T": 7, "V": format_datetime(_midnight(chosen.period.end))},
            }
            reply = await self._tab_call(current, context, "PagePresence", TAB_ATTENDANCE, data)
            return parse_school_life(reply.data)

        return await self._run(run)

    async def mailbox(self, student_id: str) -> models.Mailbox:
        """Discussions of the account and their unread count (no message body is read)."""

        async def run(current: LoggedIn) -> models.Mailbox:
            context = self._student(current, student_id)
            if TAB_MESSAGES not in current.user.tabs:
                return models.Mailbox(unread=0)
            data = {"avecMessage": True, "avecLu": True, "possessionMessageDiscussionUnique": None}
            reply = await self._tab_call(current, context, "ListeMessagerie", TAB_MESSAGES, data)
            return parse_mailbox(reply.data, self._zone)

        return await self._run(run)

    async def evaluations(
        self, student_id: str, period_id: str | None = None
    ) -> list[models.SkillEvaluation]:
        """Skills evaluations of one period (the current one by default)."""

        async def run(current: LoggedIn) -> list[models.SkillEvaluation]:
            context = self._student(current, student_id)
            chosen = self._skills_period(current, context, period_id)
            return await self._fetch_skills(current, context, chosen) if chosen else []

        return await self._run(run)

    async def _recent_skills(
        self, current: LoggedIn, context: StudentContext, period_id: str | None
    ) -> list[models.SkillEvaluation]:
        """Skills evaluations, from the cache while it is younger than ``SKILLS_MAX_AGE``."""
        chosen = self._skills_period(current, context, period_id)
        if chosen is None:
            return []
        key = (context.student.id, chosen.period.id)
        cached = self._skills.get(key, self._clock())
        if cached is not None:
            return cached
        skills = await self._fetch_skills(current, context, chosen)
        self._skills.put(key, self._clock(), skills)
        return skills

    def _skills_period(
        self, current: LoggedIn, context: StudentContext, period_id: str | None
    ) -> PeriodRef | None:
        """The period to read skills of; None when the account has no skills tab."""
        if TAB_EVALUATIONS not in current.user.tabs:
            return None
        return self._period(current, context, TAB_EVALUATIONS, period_id)

    async def _fetch_skills(
        self, current: LoggedIn, context: StudentContext, chosen: PeriodRef
    ) -> list[models.SkillEvaluation]:
        reply = await self._tab_call(
            current,
            context,
            "DernieresEvaluations",
            TAB_EVALUATIONS,
            {"periode": chosen.reference()},
        )
        return parse_evaluations(reply.data, chosen.period.id)

    async def menus(self, student_id: str, start: date, end: date) -> list[models.MenuDay]:
        """Canteen menus from ``start`` to ``end`` inclusive.

        Pronote answers a week per request; a week read less than ``MENU_WEEK_MAX_AGE`` ago
        is not asked again, so a window across two weeks costs about one request.
        """

        async def run(current: LoggedIn) -> list[models.MenuDay]:
            context = self._student(current, student_id)
            if TAB_MENUS not in current.user.tabs or start > end:
                return []
            weeks: list[tuple[models.MenuDay, ...]] = []
            monday = start - timedelta(days=start.weekday())
            while monday <= end:
                key = (student_id, monday)
                week = self._menu_weeks.get(key, self._clock())
                if week is None:
                    moment = f"{monday.day}/{monday.month}/{monday.year} 0:0:0"
                    reply = await self._tab_call(
                        current, context, "PageMenus", TAB_MENUS, {"date": {"_T": 7, "V": moment}}
                    )
                    week = tuple(week_menus(reply.data))
                    self._menu_weeks.put(key, self._clock(), week)
                weeks.append(week)
                monday += timedelta(days=7)
            return menus_between(weeks, start, end)

        return await self._run(run)

    async def information(self, student_id: str) -> list[models.Information]:
        """Information and surveys (body included when the list carries it)."""

        async def run(current: LoggedIn) -> list[models.Information]:
            context = self._student(current, student_id)
            if TAB_NEWS not in current.user.tabs:
                return []
            data = {"modesAffActus": {"_T": 26, "V": "[0..3]"}}
            reply = await self._tab_call(current, context, "PageActualites", TAB_NEWS, data)
            return parse_information(reply.data, self._zone)

        return await self._run(run)

    # -- internals -------------------------------------------------------------------------

    async def _open_session(self) -> LoggedIn:
        return await self._auth.login()

    def _account_of(self, session: LoggedIn) -> models.Account:
        return session.user.account

    def _session_ended(self, session: LoggedIn) -> bool:
        return session.channel.dead

    def _adopt(self, session: LoggedIn) -> LoggedIn:
        self._homework_refs.clear()
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

    async def _fetch_homework(
        self, current: LoggedIn, student_id: str, start: date, end: date
    ) -> list[models.Homework]:
        context = self._student(current, student_id)
        weeks = week_range(current.year, start, end)
        if TAB_HOMEWORK not in current.user.tabs or not weeks:
            return []
        reply = await self._tab_call(
            current,
            context,
            "PageCahierDeTexte",
            TAB_HOMEWORK,
            {"domaine": domain(weeks[0], weeks[-1])},
        )
        entries = parse_homework(reply.data, start, end)
        for entry in entries:
            self._homework_refs[(student_id, entry.homework.id)] = entry.number
        return [entry.homework for entry in entries]

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


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())

"""The EcoleDirecte client facade: login state, data calls and re-login."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from functools import partial
import logging
import math
from typing import Any

import aiohttp

from .. import models
from ..base_client import BaseClient
from ..errors import NotSupportedError, ProtocolChangedError
from ..http import DEFAULT_TIMEOUT
from ..protocol import Credentials
from ..together import run_reads
from .auth import Authenticator
from .const import (
    DEFAULT_API_VERSION,
    DEFAULT_BASE_URL,
    DEFAULT_USER_AGENT,
    KEEP_ALIVE_AFTER,
    LOGIN_REQUESTS,
    EnvelopeCode,
)
from .homework_cache import HomeworkDayCache
from .parsers_account import LoginSession, StudentContext, parse_login
from .parsers_grades import parse_grades
from .parsers_homework import parse_homework_day, parse_homework_index
from .parsers_messages import parse_mailbox
from .parsers_money import parse_canteen, parse_wallets
from .parsers_school_life import parse_school_life
from .parsers_timetable import parse_timetable
from .transport import Envelope, Transport, raise_for_code

_LOGGER = logging.getLogger(__name__)

_GRADES_MODULE = "NOTES"
_HOMEWORK_MODULE = "CAHIER_DE_TEXTES"
_TIMETABLE_MODULE = "EDT"
_SCHOOL_LIFE_MODULE = "VIE_SCOLAIRE"
_MESSAGES_MODULE = "MESSAGERIE"
_WALLETS_MODULE = "SITUATION_FINANCIERE"
_MESSAGE_LIST_QUERY: tuple[tuple[str, str], ...] = (
    ("force", "false"),
    ("typeRecuperation", "received"),
    ("idClasseur", "0"),
    ("orderBy", "date"),
    ("order", "desc"),
    ("query", ""),
    ("onlyRead", ""),
    ("page", "0"),
    ("itemsPerPage", "100"),
    ("getAll", "0"),
)


def _raise_if_no_data(envelope: Envelope, path: str, verbe: str) -> None:
    """Code 200 on a read always carries data; only code 210 says there is nothing."""
    if verbe == "get" and envelope.code == EnvelopeCode.OK and envelope.data is None:
        raise ProtocolChangedError(
            f"EcoleDirecte answered {_endpoint(path)} with code 200 but no data"
        )


def _student_of(session: LoginSession, student_id: str) -> StudentContext:
    context = session.students.get(student_id)
    if context is None:
        raise NotSupportedError("this student is not part of the EcoleDirecte account")
    return context


def _endpoint(path: str) -> str:
    """The endpoint name of a path, without the student id: ``notes.awp``."""
    return path.rsplit("/", 1)[-1]


class EcoleDirecteClient(BaseClient[LoginSession, Transport]):
    """Async client for one EcoleDirecte login (a student or a parent).

    Data calls overlap while the server keeps its token; they go one at a time once an
    answer has renewed it, and for a parent with children in several establishments (the
    token is switched per child, for the whole login).
    The aiohttp session is borrowed and never closed here.
    """

    platform = models.SchoolPlatform.ECOLEDIRECTE
    concurrent_calls = True
    # The account summary is read once the token has been idle for ``KEEP_ALIVE_AFTER``: a
    # refresh after that ping finds it alive, and its calls need not wait for a first one.
    keep_alive_interval: timedelta | None = timedelta(minutes=5)
    keep_alive_after = KEEP_ALIVE_AFTER
    probe_alone_after = KEEP_ALIVE_AFTER
    # Menus are PDF files on EcoleDirecte; school news are not read yet.
    CAPABILITIES = frozenset(models.Capability) - {
        models.Capability.MENUS,
        models.Capability.INFORMATION,
        models.Capability.EVALUATIONS,
    }

    def __init__(
        self,
        session: aiohttp.ClientSession,
        credentials: Credentials,
        *,
        base_url: str = DEFAULT_BASE_URL,
        api_version: str = DEFAULT_API_VERSION,
        user_agent: str = DEFAULT_USER_AGENT,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        super().__init__(
            Transport(
                session,
                base_url=base_url,
                api_version=api_version,
                user_agent=user_agent,
                timeout=timeout,
            )
        )
        self._auth = Authenticator(self._transport, credentials)
        self._homework_days = HomeworkDayCache()
        self._active_login_id: int | None = None
        self._tokens_rotate = False
        self._resend_lock = asyncio.Lock()

    def __repr__(self) -> str:
        """Keep credentials out of logs."""
        return f"EcoleDirecteClient(account={self.account.id if self.account else None!r})"

    @property
    def trust(self) -> dict[str, str]:
        """The device ``uuid`` and QCM ``cn``/``cv`` proof to persist; empty before any login."""
        return self._auth.trust

    async def _ping(self, session: LoginSession) -> None:
        await self._request(
            session, "comptes/sansdetails.awp", login_id=session.main_login_id, payload={}
        )

    def keep_alive_pays(self, idle: timedelta) -> bool:
        """The pings ``idle`` needs (one every ``KEEP_ALIVE_AFTER``) against a new session."""
        pings = math.ceil(idle.total_seconds() / KEEP_ALIVE_AFTER) - 1
        return pings < LOGIN_REQUESTS

    async def answer_challenge(self, answer: str) -> models.Account:
        """Answer the pending QCM with an option value (or its label) and log in."""
        async with self._lock:
            return self._adopt(parse_login(await self._auth.answer(answer))).account

    async def timetable(self, student_id: str, start: date, end: date) -> list[models.Lesson]:
        """Lessons from ``start`` to ``end`` inclusive, sorted by start."""

        async def run(session: LoginSession) -> list[models.Lesson]:
            if _student_of(session, student_id).module_disabled(_TIMETABLE_MODULE):
                return []
            data = await self._request(
                session,
                f"E/{student_id}/emploidutemps.awp",
                student_id=student_id,
                payload={
                    "dateDebut": start.isoformat(),
                    "dateFin": end.isoformat(),
                    "avecTrous": False,
                },
            )
            return parse_timetable(data, start, end)

        return await self._run_concurrently(run)

    async def homework(self, student_id: str, start: date, end: date) -> list[models.Homework]:
        """Homework due from ``start`` to ``end`` inclusive, sorted by due date.

        One call lists upcoming homework; the day detail (text, attachments) is
        fetched only for days in range whose homework changed since last time.
        """

        async def run(session: LoginSession) -> list[models.Homework]:
            if _student_of(session, student_id).module_disabled(_HOMEWORK_MODULE):
                return []
            index = parse_homework_index(
                await self._request(
                    session,
                    f"Eleves/{student_id}/cahierdetexte.awp",
                    student_id=student_id,
                    payload={},
                )
            )
            self._homework_days.forget_before(start)
            days = sorted(day for day in index if start <= day <= end)
            missing = [d for d in days if self._homework_days.get(student_id, d, index[d]) is None]

            async def read_day(due: date) -> None:
                data = await self._request(
                    session,
                    f"Eleves/{student_id}/cahierdetexte/{due.isoformat()}.awp",
                    student_id=student_id,
                    payload={},
                )
                fetched = parse_homework_day(data, due, index[due])
                self._homework_days.put(student_id, due, index[due], fetched)

            await run_reads(
                [partial(read_day, due) for due in missing], together=self._overlaps(session)
            )
            result: list[models.Homework] = []
            for due in days:
                result.extend(self._homework_days.get(student_id, due, index[due]) or ())
            return result

        return await self._run_concurrently(run)

    async def set_homework_done(self, student_id: str, homework_id: str, done: bool) -> None:
        """Mark homework done (or not done) on the server."""
        try:
            numeric_id = int(homework_id)
        except ValueError:
            raise ValueError("EcoleDirecte homework ids are numbers") from None
        done_ids, not_done_ids = ([numeric_id], []) if done else ([], [numeric_id])

        async def run(session: LoginSession) -> None:
            _student_of(session, student_id)
            await self._request(
                session,
                f"Eleves/{student_id}/cahierdetexte.awp",
                student_id=student_id,
                verbe="put",
                payload={"idDevoirsEffectues": done_ids, "idDevoirsNonEffectues": not_done_ids},
            )

        await self._run_concurrently(run)

    async def grades(self, student_id: str, period_id: str | None = None) -> models.GradeBook:
        """Periods, grades and averages of the whole school year (every period at once)."""

        async def run(session: LoginSession) -> models.GradeBook:
            if _student_of(session, student_id).module_disabled(_GRADES_MODULE):
                return models.GradeBook()
            data = await self._request(
                session,
                f"eleves/{student_id}/notes.awp",
                student_id=student_id,
                payload={"anneeScolaire": ""},
            )
            return parse_grades(data)

        return await self._run_concurrently(run)

    async def school_life(self, student_id: str) -> models.SchoolLife:
        """Absences, delays and punishments."""

        async def run(session: LoginSession) -> models.SchoolLife:
            if _student_of(session, student_id).module_disabled(_SCHOOL_LIFE_MODULE):
                return models.SchoolLife()
            data = await self._request(
                session, f"eleves/{student_id}/viescolaire.awp", student_id=student_id, payload={}
            )
            return parse_school_life(data)

        return await self._run_concurrently(run)

    async def mailbox(self, student_id: str) -> models.Mailbox:
        """Received messages and the unread count.

        A parent reads the family mailbox of the account the child belongs to.
        """

        async def run(session: LoginSession) -> models.Mailbox:
            context = _student_of(session, student_id)
            if context.owner_kind is models.AccountKind.PARENT:
                path = f"familles/{context.owner_id}/messages.awp"
            elif context.module_disabled(_MESSAGES_MODULE):
                return models.Mailbox(unread=0)
            else:
                path = f"eleves/{student_id}/messages.awp"
            data = await self._request(
                session,
                path,
                student_id=student_id,
                payload={"anneeMessages": context.school_year},
                query=_MESSAGE_LIST_QUERY,
            )
            return parse_mailbox(data)

        return await self._run_concurrently(run)

    async def canteen(self, student_id: str) -> models.Canteen | None:
        """Canteen regime, badge and reservations from the login's modules (no request)."""
        async with self._lock:
            return parse_canteen((await self._student(student_id)).modules)

    async def wallets(self) -> list[models.Wallet]:
        """Prepaid balances of every account of the login."""

        async def run(session: LoginSession) -> list[models.Wallet]:
            if session.account.kind is models.AccountKind.STUDENT and all(
                context.module_disabled(_WALLETS_MODULE) for context in session.students.values()
            ):
                return []
            wallets: dict[tuple[str, str | None, str], models.Wallet] = {}
            for login_id in dict.fromkeys(session.login_ids):
                data = await self._request(
                    session, "comptes/sansdetails.awp", login_id=login_id, payload={}
                )
                for wallet in parse_wallets(data):
                    wallets.setdefault((wallet.id, wallet.student_id, wallet.label), wallet)
            return list(wallets.values())

        return await self._run_concurrently(run)

    async def _open_session(self) -> LoginSession:
        return parse_login(await self._auth.resume())

    def _account_of(self, session: LoginSession) -> models.Account:
        return session.account

    def _adopt(self, session: LoginSession) -> LoginSession:
        self._active_login_id = session.main_login_id
        return super()._adopt(session)

    async def _student(self, student_id: str) -> StudentContext:
        return _student_of(await self._ensure_session(), student_id)

    def _overlaps(self, session: LoginSession) -> bool:
        # Switching a parent's token between two schools is global to the login.
        return not self._tokens_rotate and len(set(session.login_ids)) < 2

    async def _request(
        self,
        session: LoginSession,
        path: str,
        *,
        student_id: str | None = None,
        login_id: int | None = None,
        verbe: str = "get",
        payload: Mapping[str, Any],
        query: Sequence[tuple[str, str]] = (),
    ) -> Any:
        """Call a data endpoint of ``session``'s login and return the answer's data."""
        target = login_id
        if student_id is not None:
            target = _student_of(session, student_id).login_id
        if target is not None and target != self._active_login_id:
            await self._switch_account(target)
        envelope = await self._transport.call(path, verbe=verbe, payload=payload, query=query)
        if envelope.rotated:
            # This server renews the token with its answers: from now on, one call at a time.
            self._tokens_rotate = True
        if (
            envelope.code == EnvelopeCode.TOKEN_INVALID
            and self._tokens_rotate
            and envelope.sent_token != self._transport.token
        ):
            # An answer to a call sent beside this one replaced the token on the way.
            async with self._resend_lock:
                envelope = await self._transport.call(
                    path, verbe=verbe, payload=payload, query=query
                )
        raise_for_code(envelope)
        _raise_if_no_data(envelope, path, verbe)
        return envelope.data

    async def _switch_account(self, login_id: int) -> None:
        """Point the token at another account of the login (parents in two schools)."""
        envelope = await self._transport.call(
            "renewtoken.awp", verbe="post", payload={"idUser": login_id, "uuid": ""}
        )
        raise_for_code(envelope)
        self._active_login_id = login_id

"""The EcoleDirecte client facade: login state, data calls and re-login."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import aiohttp

from .. import models
from ..base_client import BaseClient
from ..errors import NotSupportedError, ProtocolChangedError
from ..http import DEFAULT_TIMEOUT
from ..protocol import Credentials
from .auth import Authenticator
from .const import (
    DEFAULT_API_VERSION,
    DEFAULT_BASE_URL,
    DEFAULT_USER_AGENT,
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

    Calls are serialised: the server token is global to the login, and a
    parent with children in several establishments switches it per child.
    The aiohttp session is borrowed and never closed here.
    """

    platform = models.SchoolPlatform.ECOLEDIRECTE
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

    def __repr__(self) -> str:
        """Keep credentials out of logs."""
        return f"EcoleDirecteClient(account={self.account.id if self.account else None!r})"

    @property
    def trust(self) -> dict[str, str]:
        """The device ``uuid`` and QCM ``cn``/``cv`` proof to persist; empty before any login."""
        return self._auth.trust

    async def answer_challenge(self, answer: str) -> models.Account:
        """Answer the pending QCM with an option value (or its label) and log in."""
        async with self._lock:
            return self._adopt(parse_login(await self._auth.answer(answer))).account

    async def timetable(self, student_id: str, start: date, end: date) -> list[models.Lesson]:
        """Lessons from ``start`` to ``end`` inclusive, sorted by start."""
        async with self._lock:
            if (await self._student(student_id)).module_disabled(_TIMETABLE_MODULE):
                return []
            data = await self._request(
                f"E/{student_id}/emploidutemps.awp",
                student_id=student_id,
                payload={
                    "dateDebut": start.isoformat(),
                    "dateFin": end.isoformat(),
                    "avecTrous": False,
                },
            )
            return parse_timetable(data, start, end)

    async def homework(self, student_id: str, start: date, end: date) -> list[models.Homework]:
        """Homework due from ``start`` to ``end`` inclusive, sorted by due date.

        One call lists upcoming homework; the day detail (text, attachments) is
        fetched only for days in range whose homework changed since last time.
        """
        async with self._lock:
            if (await self._student(student_id)).module_disabled(_HOMEWORK_MODULE):
                return []
            index = parse_homework_index(
                await self._request(
                    f"Eleves/{student_id}/cahierdetexte.awp", student_id=student_id, payload={}
                )
            )
            result: list[models.Homework] = []
            self._homework_days.forget_before(start)
            for due in sorted(day for day in index if start <= day <= end):
                cached = self._homework_days.get(student_id, due, index[due])
                if cached is not None:
                    result.extend(cached)
                    continue
                data = await self._request(
                    f"Eleves/{student_id}/cahierdetexte/{due.isoformat()}.awp",
                    student_id=student_id,
                    payload={},
                )
                fetched = parse_homework_day(data, due, index[due])
                self._homework_days.put(student_id, due, index[due], fetched)
                result.extend(fetched)
            return result

    async def set_homework_done(self, student_id: str, homework_id: str, done: bool) -> None:
        """Mark homework done (or not done) on the server."""
        try:
            numeric_id = int(homework_id)
        except ValueError:
            raise ValueError("EcoleDirecte homework ids are numbers") from None
        done_ids, not_done_ids = ([numeric_id], []) if done else ([], [numeric_id])
        async with self._lock:
            await self._student(student_id)
            await self._request(
                f"Eleves/{student_id}/cahierdetexte.awp",
                student_id=student_id,
                verbe="put",
                payload={"idDevoirsEffectues": done_ids, "idDevoirsNonEffectues": not_done_ids},
            )

    async def grades(self, student_id: str, period_id: str | None = None) -> models.GradeBook:
        """Periods, grades and averages of the whole school year (every period at once)."""
        async with self._lock:
            if (await self._student(student_id)).module_disabled(_GRADES_MODULE):
                return models.GradeBook()
            data = await self._request(
                f"eleves/{student_id}/notes.awp",
                student_id=student_id,
                payload={"anneeScolaire": ""},
            )
            return parse_grades(data)

    async def school_life(self, student_id: str) -> models.SchoolLife:
        """Absences, delays and punishments."""
        async with self._lock:
            if (await self._student(student_id)).module_disabled(_SCHOOL_LIFE_MODULE):
                return models.SchoolLife()
            data = await self._request(
                f"eleves/{student_id}/viescolaire.awp", student_id=student_id, payload={}
            )
            return parse_school_life(data)

    async def mailbox(self, student_id: str) -> models.Mailbox:
        """Received messages and the unread count.

        A parent reads the family mailbox of the account the child belongs to.
        """
        async with self._lock:
            context = await self._student(student_id)
            if context.owner_kind is models.AccountKind.PARENT:
                path = f"familles/{context.owner_id}/messages.awp"
            elif context.module_disabled(_MESSAGES_MODULE):
                return models.Mailbox(unread=0)
            else:
                path = f"eleves/{student_id}/messages.awp"
            data = await self._request(
                path,
                student_id=student_id,
                payload={"anneeMessages": context.school_year},
                query=_MESSAGE_LIST_QUERY,
            )
            return parse_mailbox(data)

    async def canteen(self, student_id: str) -> models.Canteen | None:
        """Canteen regime, badge and reservations from the login's modules (no request)."""
        async with self._lock:
            return parse_canteen((await self._student(student_id)).modules)

    async def wallets(self) -> list[models.Wallet]:
        """Prepaid balances of every account of the login."""
        async with self._lock:
            session = await self._ensure_session()
            if session.account.kind is models.AccountKind.STUDENT and all(
                context.module_disabled(_WALLETS_MODULE) for context in session.students.values()
            ):
                return []
            wallets: dict[tuple[str, str | None, str], models.Wallet] = {}
            for login_id in dict.fromkeys(session.login_ids):
                data = await self._request("comptes/sansdetails.awp", login_id=login_id, payload={})
                for wallet in parse_wallets(data):
                    wallets.setdefault((wallet.id, wallet.student_id, wallet.label), wallet)
            return list(wallets.values())

    async def _open_session(self) -> LoginSession:
        return parse_login(await self._auth.resume())

    def _account_of(self, session: LoginSession) -> models.Account:
        return session.account

    def _adopt(self, session: LoginSession) -> LoginSession:
        self._active_login_id = session.main_login_id
        return super()._adopt(session)

    async def _student(self, student_id: str) -> StudentContext:
        return _student_of(await self._ensure_session(), student_id)

    async def _request(
        self,
        path: str,
        *,
        student_id: str | None = None,
        login_id: int | None = None,
        verbe: str = "get",
        payload: Mapping[str, Any],
        query: Sequence[tuple[str, str]] = (),
    ) -> Any:
        """Call a data endpoint; renew the session (or log in again) once if it ended."""

        async def send(session: LoginSession) -> Any:
            target = login_id
            if student_id is not None:
                target = _student_of(session, student_id).login_id
            if target is not None and target != self._active_login_id:
                await self._switch_account(target)
            envelope = await self._transport.call(path, verbe=verbe, payload=payload, query=query)
            raise_for_code(envelope)
            _raise_if_no_data(envelope, path, verbe)
            return envelope.data

        return await self._with_relogin(send)

    async def _switch_account(self, login_id: int) -> None:
        """Point the token at another account of the login (parents in two schools)."""
        envelope = await self._transport.call(
            "renewtoken.awp", verbe="post", payload={"idUser": login_id, "uuid": ""}
        )
        raise_for_code(envelope)
        self._active_login_id = login_id

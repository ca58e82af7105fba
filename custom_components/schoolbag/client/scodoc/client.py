"""The ScoDoc 9 client facade: API account, followed students, bulletins and assiduités."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
import unicodedata

import aiohttp

from ..base_client import BaseClient
from ..errors import NotFoundError, PermissionDeniedError
from ..http import DEFAULT_TIMEOUT
from ..models import (
    Account,
    AccountKind,
    Capability,
    GradeBook,
    SchoolLife,
    SchoolPlatform,
    Student,
)
from ..protocol import Credentials
from ..together import Reads
from .const import NIP_SPREADSHEET_SUFFIX, SCHOOL_TZ
from .models import Department, ScoDocStudent, Semester
from .parsers_attendance import parse_attendance, parse_justifications
from .parsers_bulletin import parse_bulletin
from .parsers_departments import parse_department, parse_departments
from .parsers_semesters import current_semester, parse_semesters
from .parsers_students import parse_student, parse_students
from .semester_lists import SemesterLists
from .transport import Transport, path_segment


@dataclass(frozen=True, slots=True)
class _Followed:
    """A followed student: the NIP the user gave and the record ScoDoc holds."""

    record: ScoDocStudent
    code: str  # the NIP as ScoDoc stores it, for URLs


def _folded(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _looks_like_nip(query: str) -> bool:
    return query.removesuffix(NIP_SPREADSHEET_SUFFIX).isdigit()


class ScoDocClient(BaseClient[Account, Transport]):
    """Async client for one ScoDoc API account following students by NIP.

    ScoDoc API accounts are staff accounts (students have no API access): the account
    needs the ``ScoView`` permission. The account is a STAFF account whose students are
    the followed ones; a student's id is the NIP the user configured.
    The aiohttp session is borrowed and never closed here.
    """

    platform = SchoolPlatform.SCODOC
    CAPABILITIES = frozenset({Capability.GRADES, Capability.SCHOOL_LIFE, Capability.EVALUATIONS})
    # A bearer token read under its own lock is all the calls share: they overlap.
    concurrent_calls = True

    def __init__(
        self,
        session: aiohttp.ClientSession,
        credentials: Credentials,
        *,
        base_url: str,
        department: str | None,
        student_ids: Iterable[str] = (),
        semester_id: int | str | None = None,
        verify_ssl: bool = True,
        timeout: float = DEFAULT_TIMEOUT,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__(
            Transport(
                session,
                credentials,
                base_url=base_url,
                department=department,
                timeout=timeout,
                verify_ssl=verify_ssl,
            )
        )
        self._username = credentials.username
        self._student_ids = tuple(dict.fromkeys(s.strip() for s in student_ids if s.strip()))
        self._semester_id = str(semester_id) if semester_id not in (None, "") else None
        self._today = today or (lambda: datetime.now(SCHOOL_TZ).date())
        self._followed: dict[str, _Followed] = {}
        self._follow_locks: dict[str, asyncio.Lock] = {}
        self._module_titles: dict[str, dict[int, str]] = {}
        # Set once the bulletin being read for a student has given its module titles.
        self._bulletins_read: dict[str, asyncio.Event] = {}
        self._semester_lists = SemesterLists(self.semesters, lambda: self._today())

    def __repr__(self) -> str:
        """Keep credentials out of logs."""
        return f"ScoDocClient(root={self._transport.root!r}, user={self._username!r})"

    @property
    def login_count(self) -> int:
        """Tokens asked for so far: each one is a login with the password."""
        return self._transport.token_count

    async def _open_session(self) -> Account:
        """Check the account and resolve the followed students (once; later calls reuse it).

        Raises InvalidCredentialsError for a refused password, PermissionDeniedError when the
        account may not read the department, NotFoundError for an unknown department or NIP.
        """
        await self._transport.token()
        reads = Reads()
        school = reads.add(self._department_name)
        found = [
            reads.add(partial(self._student_at_login, student_id))
            for student_id in self._student_ids
        ]
        await reads.run(together=True)
        students = [
            Student(
                id=student_id,
                first_name=followed.record.first_name,
                last_name=followed.record.last_name,
                class_name=semester.title if semester else None,
                school_name=school.value,
            )
            for student_id, (followed, semester) in zip(
                self._student_ids, (result.value for result in found), strict=True
            )
        ]
        where = f"/{self._transport.department}" if self._transport.department else ""
        return Account(
            id=f"{self._username}@{self._transport.root}{where}",
            kind=AccountKind.STAFF,
            display_name=self._username,
            students=tuple(students),
            school_name=school.value,
        )

    async def _student_at_login(self, student_id: str) -> tuple[_Followed, Semester | None]:
        """A followed student's record and current semester, for the login."""
        followed = await self._follow(student_id)
        semesters = await self._semester_lists.at_login(student_id)
        return followed, current_semester(semesters, self._today())

    def _account_of(self, session: Account) -> Account:
        return session

    # -- configuration-flow helpers ------------------------------------------------------------

    async def departments(self, *, include_hidden: bool = False) -> list[Department]:
        """Departments of the instance (visible ones unless ``include_hidden``).

        An account whose role exists only in the configured department cannot list them on
        the global root: the department root is asked then.
        """
        try:
            data = await self._transport.get("departements", scoped=False, what="the departments")
        except PermissionDeniedError:
            if not self._transport.department:
                raise
            data = await self._transport.get("departements", what="the departments")
        return [d for d in parse_departments(data) if include_hidden or d.visible]

    async def find_students(self, query: str) -> list[ScoDocStudent]:
        """Students matching a NIP (exactly) or a part of a name.

        Name search uses ``/etudiants/name/<name>``; servers without it are searched in the
        configured department's student list.
        """
        wanted = query.strip()
        if not wanted:
            return []
        if _looks_like_nip(wanted):
            found = await self._students_by_nip(wanted)
            if not found and not wanted.endswith(NIP_SPREADSHEET_SUFFIX):
                found = await self._students_by_nip(wanted + NIP_SPREADSHEET_SUFFIX)
        else:
            found = await self._students_by_name(wanted)
        department = self._transport.department
        return [s for s in found if not department or s.department in (None, department)]

    async def semesters(self, student_id: str) -> list[Semester]:
        """The student's semesters, oldest first (across departments on the global root)."""
        followed = await self._follow(student_id)
        data = await self._transport.get(
            "formsemestres/query",
            params={"nip": followed.code},
            what=f"the semesters of student {student_id}",
        )
        return parse_semesters(data)

    # -- data ----------------------------------------------------------------------------------

    async def grades(self, student_id: str, period_id: str | None = None) -> GradeBook:
        """Every semester as a period, with the grades and averages of one of them.

        That semester is ``period_id``, else the ``semester_id`` given at construction when
        the student is enrolled in it, else the current one (spec 6); it is the book's
        ``selected_period_id`` unless ``period_id`` asked for another one. Evaluations still
        to come are grades with no value and the PENDING mark. An unpublished bulletin
        gives the periods only.
        """
        reading = self._bulletins_read[student_id] = asyncio.Event()
        try:
            return await self._grades(student_id, period_id)
        finally:
            reading.set()
            if self._bulletins_read.get(student_id) is reading:
                del self._bulletins_read[student_id]

    async def _grades(self, student_id: str, period_id: str | None) -> GradeBook:
        followed = await self._follow(student_id)
        if period_id is None:
            semesters = await self._semester_lists.current(student_id)
        else:
            semesters = await self._semester_lists.holding(student_id, period_id)
        today = self._today()
        periods = tuple(semester.period(today) for semester in semesters)
        chosen = current_semester(semesters, today)
        if period_id is not None:
            chosen = next((s for s in semesters if str(s.id) == period_id), None)
            if chosen is None:
                raise NotFoundError(f"student {student_id} is not enrolled in semester {period_id}")
        elif self._semester_id is not None:
            # The semester chosen in the options, for the students enrolled in it.
            chosen = next((s for s in semesters if str(s.id) == self._semester_id), chosen)
        if chosen is None:
            return GradeBook(periods=periods)
        data = await self._transport.get(
            f"etudiant/nip/{path_segment(followed.code)}/formsemestre/{chosen.id}/bulletin",
            what=f"the bulletin of student {student_id}",
        )
        bulletin = parse_bulletin(data, chosen)
        self._module_titles.setdefault(student_id, {}).update(bulletin.module_titles)
        return GradeBook(
            periods=periods,
            grades=bulletin.grades,
            averages=bulletin.averages,
            selected_period_id=str(chosen.id) if period_id is None else None,
            group=bulletin.group,
        )

    async def school_life(self, student_id: str) -> SchoolLife:
        """Absences and late arrivals from the assiduités (ScoDoc 9.6+; empty before)."""
        followed = await self._follow(student_id)
        code = path_segment(followed.code)
        reads = Reads()
        records = reads.add(
            lambda: self._transport.get(
                f"assiduites/nip/{code}",
                params={"with_justifs": "true"},
                what=f"the attendance of student {student_id}",
            )
        )
        justifications = reads.add(
            lambda: self._transport.get(
                f"justificatifs/nip/{code}/query",
                what=f"the absence justifications of student {student_id}",
            )
        )
        try:
            await reads.run(together=True)
        except NotFoundError:
            # Servers older than 9.6 have no assiduité routes.
            return SchoolLife()
        # Records name their module by id: the bulletin read beside them gives the titles.
        bulletin = self._bulletins_read.get(student_id)
        if bulletin is not None:
            await bulletin.wait()
        return parse_attendance(
            records.value,
            parse_justifications(justifications.value),
            self._module_titles.get(student_id),
        )

    # -- internals -----------------------------------------------------------------------------

    async def _department_name(self) -> str | None:
        department = self._transport.department
        if not department:
            return None
        data = await self._transport.get(
            f"departement/{path_segment(department)}", what=f"the department {department}"
        )
        return parse_department(data).name

    async def _follow(self, student_id: str) -> _Followed:
        """The record of a NIP, also when ScoDoc stored it with a stray ``.0``."""
        followed = self._followed.get(student_id)
        if followed is not None:
            return followed
        # Calls read at once for a student not looked up yet look it up once.
        async with self._follow_locks.setdefault(student_id, asyncio.Lock()):
            followed = self._followed.get(student_id)
            if followed is None:
                followed = await self._look_up_record(student_id)
                self._followed[student_id] = followed
            return followed

    async def _look_up_record(self, student_id: str) -> _Followed:
        codes = [student_id]
        if not student_id.endswith(NIP_SPREADSHEET_SUFFIX):
            codes.append(student_id + NIP_SPREADSHEET_SUFFIX)
        for code in codes:
            try:
                data = await self._transport.get(
                    f"etudiant/nip/{path_segment(code)}", what=f"the student {student_id}"
                )
            except NotFoundError:
                continue
            record = parse_student(data)
            return _Followed(record=record, code=record.nip or code)
        where = f" in department {self._transport.department}" if self._transport.department else ""
        raise NotFoundError(f"ScoDoc has no student with NIP {student_id}{where}")

    async def _students_by_nip(self, nip: str) -> list[ScoDocStudent]:
        try:
            data = await self._transport.get(
                f"etudiants/nip/{path_segment(nip)}", what=f"the student {nip}"
            )
        except NotFoundError:
            return []
        return parse_students(data)

    async def _students_by_name(self, name: str) -> list[ScoDocStudent]:
        try:
            data = await self._transport.get(
                f"etudiants/name/{path_segment(name)}", what="the student search"
            )
            return parse_students(data)
        except NotFoundError:
            department = self._transport.department
            if not department:
                return []
        data = await self._transport.get(
            f"departement/{path_segment(department)}/etudiants",
            what=f"the students of department {department}",
        )
        folded = _folded(name)
        return [
            student
            for student in parse_students(data)
            if folded in _folded(student.last_name) or folded in _folded(student.first_name)
        ]

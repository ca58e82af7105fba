"""The :class:`EcoleDirecteSimulator`: state holder and Python test API."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
import random
import time
from typing import Any

from aiohttp import web

from simulator.ecoledirecte.dates import paris_now
from simulator.ecoledirecte.faults import Faults
from simulator.ecoledirecte.fixtures import build_world
from simulator.ecoledirecte.fixtures.grades import make_grade, parse_number, period_of
from simulator.ecoledirecte.fixtures.homework import new_homework
from simulator.ecoledirecte.fixtures.models import Student, Subject, User, World
from simulator.ecoledirecte.fixtures.people import USERS
from simulator.ecoledirecte.routes import handle_v3
from simulator.ecoledirecte.state import AccessTokenStore, GtkStore, SessionStore, TrustStore

DEMO_ACCOUNTS: tuple[dict[str, Any], ...] = tuple(
    {
        "username": spec.username,
        "password": spec.password,
        "type": spec.kind,
        "account_id": spec.account_id,
        "student_ids": list(spec.student_ids),
        "qcm_required": spec.qcm_required,
        "qcm_question": spec.qcm.question,
        "qcm_answer": spec.qcm.answer,
    }
    for spec in USERS
)

DEFAULT_TOKEN_TTL = 20 * 60.0
DEFAULT_GTK_TTL = 5 * 60.0
DEFAULT_MIN_VERSION = "4.0.0"


class EcoleDirecteSimulator:
    """A simulated EcoleDirecte back end with demo data, fault injection and a test API.

    Demo logins (see :data:`DEMO_ACCOUNTS`):

    * ``demo.eleve`` / ``demo``: student (``typeCompte "E"``, id 2345, Lucas MARTIN, 4e B),
      QCM required: "Quelle est ton année de naissance ?" -> ``"2011"``.
    * ``demo.parent`` / ``demo``: family (``typeCompte "1"``, id 9001, idLogin 9101) with Emma
      (3456, 6e A) and Hugo (3457, 3e C), QCM required: "Quel est le mois de naissance de
      votre premier enfant ?" -> ``"mars"`` (stable, lower case).
    * ``simple.eleve`` / ``motdepasse+&%``: student (id 2400, Inès BERNARD, 5e D), no QCM
      (its question, if forced, is "Dans quelle ville es-tu né(e) ?" -> ``"Nantes"``).

    Data is dated relative to today in Europe/Paris, computed at construction (and by
    :meth:`reset`); pass ``today`` to pin it. Settings (plain attributes, restored by
    :meth:`reset`): ``token_ttl`` (idle seconds, 1200), ``gtk_ttl`` (300), ``min_version``
    (``"4.0.0"``), ``require_gtk``, ``require_gtk_cookie``, ``strict_doubleauth_body`` (empty
    body on ``doubleauth.awp`` -> 225), ``bind_user_agent`` (off), ``rotate_tokens`` (off: new
    token on every successful data call, the previous one then answers 520).
    """

    def __init__(
        self,
        *,
        realistic_extras: bool = False,
        today: date | None = None,
        holidays: Iterable[date] = (),
    ) -> None:
        """Create a simulator with fresh state.

        ``realistic_extras`` adds values pydirecte 1.0.3 cannot decode (an ``Encouragement``
        school-life item, an ``Absence`` timeline item) to exercise tolerant clients.
        ``holidays`` are days off (kept by :meth:`reset`): ``emploidutemps.awp`` has no lesson
        on them (an empty list when the whole range is off); everything else is unchanged.
        """
        self.realistic_extras = realistic_extras
        self._pinned_today = today
        self.holidays = frozenset(holidays)
        self.faults = Faults()
        self.requests: list[tuple[str, str]] = []
        # Requests waiting out the injected latency now, and the most at once.
        self.in_flight = 0
        self.most_in_flight = 0
        self.reset()

    # -- lifecycle ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget sessions, trust and faults; rebuild the demo data for today."""
        self.token_ttl = DEFAULT_TOKEN_TTL
        self.gtk_ttl = DEFAULT_GTK_TTL
        self.min_version = DEFAULT_MIN_VERSION
        self.require_gtk = True
        self.require_gtk_cookie = True
        self.strict_doubleauth_body = True
        self.bind_user_agent = False
        self.rotate_tokens = False
        self.faults.reset()
        self.requests.clear()
        now = paris_now().replace(tzinfo=None, microsecond=0)
        today = self._pinned_today or now.date()
        if self._pinned_today is not None:
            now = datetime.combine(today, now.time())
        self.world: World = build_world(
            today, now, realistic=self.realistic_extras, holidays=self.holidays
        )
        self.sessions = SessionStore(self._clock)
        self.gtks = GtkStore(self._clock, self.gtk_ttl)
        self.trust = TrustStore()
        self.access_tokens = AccessTokenStore()

    @staticmethod
    def _clock() -> float:
        return time.monotonic()

    @property
    def today(self) -> date:
        """The date the demo data is relative to."""
        return self.world.today

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """Serve one ``/v3/...`` request (aiohttp handler)."""
        self.gtks.ttl = self.gtk_ttl
        return await handle_v3(self, request)

    # -- test API ------------------------------------------------------------------------------

    def _user(self, username: str) -> User:
        return self.world.users[username.lower()]

    def student(self, student_id: int) -> Student:
        """The fixture record of a pupil (raises ``KeyError`` when unknown)."""
        return self.world.students[student_id]

    def expire_tokens(self) -> None:
        """Every current session token (and pending double-auth token) now answers 525."""
        self.sessions.expire_all()

    def set_qcm_required(self, username: str, required: bool) -> None:
        """Require (or not) the QCM double authentication for a login without trusted proof."""
        self._user(username).qcm_required = required

    def revoke_trust(self, username: str) -> None:
        """Invalidate the stored ``cn``/``cv`` of a user: the next login answers 250 again."""
        self.trust.revoke(self._user(username).username)

    def qcm_answer(self, username: str) -> str:
        """The expected answer text of a user's QCM."""
        return self._user(username).qcm.answer

    def homework_done(self, student_id: int, homework_id: int) -> bool:
        """Current ``effectue`` flag of a homework item (``KeyError`` when unknown)."""
        for homework in self.student(student_id).homework:
            if homework.id == homework_id:
                return homework.done
        raise KeyError(homework_id)

    def add_grade(self, student_id: int, subject_code: str, value: str) -> int:
        """Add a grade entered today (``dateSaisie`` today) out of 20; returns its id.

        ``value`` is the wire string: ``"15"``, ``"12,5"``, ``"Abs"``...
        """
        student = self.student(student_id)
        subject = self._subject(student, subject_code)
        if subject.code not in student.subjects:
            student.subjects[subject.code] = subject
        period = period_of(student.periods, self.today)
        day = max(period.start, self.today - timedelta(days=1))
        grade = make_grade(
            self.world,
            student,
            random.Random(student_id * 7919 + len(student.grades)),
            day=min(day, self.today),
            subject=subject.code,
            title="Interrogation surprise",
            kind="ECRIT",
            out_of="20",
            coef="1",
            value=value if parse_number(value) is None else value.replace(".", ","),
            entered=self.today,
        )
        student.grades.append(grade)
        return grade.id

    def add_homework(self, student_id: int, due: date, subject: str, html: str) -> int:
        """Add homework due on ``due`` (subject label or code), given today; returns its id.

        Homework due before today was given on its due day.
        """
        student = self.student(student_id)
        homework = new_homework(
            self.world,
            student,
            due=due,
            subject=self._subject(student, subject),
            html=html,
            given=min(self.today, due),
        )
        student.homework.append(homework)
        return homework.id

    @staticmethod
    def _subject(student: Student, name: str) -> Subject:
        wanted = name.strip().upper()
        for subject in student.subjects.values():
            if wanted in (subject.code, subject.label):
                return subject
        code = "".join(ch for ch in wanted if ch.isalnum())[:5] or "AUTRE"
        return Subject(
            code=code,
            label=wanted or "AUTRE",
            teacher="M. DUPONT J.",
            teacher_id=999,
            room="B01",
            color="#cccccc",
            coef=1.0,
        )

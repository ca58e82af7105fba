"""Provider-neutral data models shared by every school platform.

All models are frozen dataclasses. Datetimes are timezone-aware, in the
school's own zone (Europe/Paris for French platforms, Europe/Copenhagen for
Lectio). Dates without a time (due dates, grade dates) are plain ``date``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
import datetime as dt
from enum import StrEnum
from typing import Final


class SchoolPlatform(StrEnum):
    """A school platform Schoolbag can talk to."""

    ECOLEDIRECTE = "ecoledirecte"
    PRONOTE = "pronote"
    LECTIO = "lectio"
    SCODOC = "scodoc"


# How each platform is named to users (entry titles, device names, messages).
PLATFORM_NAMES: Final[Mapping[SchoolPlatform, str]] = {
    SchoolPlatform.ECOLEDIRECTE: "EcoleDirecte",
    SchoolPlatform.PRONOTE: "Pronote",
    SchoolPlatform.LECTIO: "Lectio",
    SchoolPlatform.SCODOC: "ScoDoc",
}
# The country of the schools each platform serves (ISO 3166-1 alpha-2): its public holidays.
PLATFORM_COUNTRIES: Final[Mapping[SchoolPlatform, str]] = {
    SchoolPlatform.ECOLEDIRECTE: "FR",
    SchoolPlatform.PRONOTE: "FR",
    SchoolPlatform.LECTIO: "DK",
    SchoolPlatform.SCODOC: "FR",
}


class AccountKind(StrEnum):
    """Who logged in: the student, a parent acting for children, or staff reading records."""

    STUDENT = "student"
    PARENT = "parent"
    # A school's staff account reading the records of the students it follows (ScoDoc's API).
    STAFF = "staff"


class Capability(StrEnum):
    """A data kind or action a client supports."""

    TIMETABLE = "timetable"
    HOMEWORK = "homework"
    HOMEWORK_DONE = "homework_done"
    GRADES = "grades"
    SCHOOL_LIFE = "school_life"
    MESSAGES = "messages"
    CANTEEN = "canteen"
    WALLETS = "wallets"
    MENUS = "menus"
    INFORMATION = "information"
    # The grade book lists dated evaluations, upcoming ones included (ScoDoc).
    EVALUATIONS = "evaluations"


class PersonName:
    """``full_name`` for a dataclass that has ``first_name`` and ``last_name`` fields."""

    __slots__ = ()
    first_name: str
    last_name: str

    @property
    def full_name(self) -> str:
        """Return "First Last"."""
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class Student(PersonName):
    """A student whose school life is followed."""

    id: str
    first_name: str
    last_name: str
    class_name: str | None = None
    school_name: str | None = None


@dataclass(frozen=True, slots=True)
class Account:
    """The logged-in account and the students it may act for."""

    id: str
    kind: AccountKind
    display_name: str
    students: tuple[Student, ...]
    school_name: str | None = None


class LessonStatus(StrEnum):
    """What happens to a lesson."""

    NORMAL = "normal"
    CHANGED = "changed"
    CANCELLED = "cancelled"
    EXAM = "exam"
    # The student is excused from this lesson (Pronote "dispense").
    EXEMPTED = "exempted"


@dataclass(frozen=True, slots=True)
class Lesson:
    """One timetable slot."""

    id: str
    start: dt.datetime
    end: dt.datetime
    subject: str
    teachers: tuple[str, ...] = ()
    rooms: tuple[str, ...] = ()
    group: str | None = None
    status: LessonStatus = LessonStatus.NORMAL
    note: str | None = None
    # A whole-day event (a trip, a sports day): start and end are midnights.
    all_day: bool = False


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file attached to homework or a message."""

    id: str
    name: str


class HomeworkKind(StrEnum):
    """Homework for a lesson, or an assignment handed in by a deadline."""

    HOMEWORK = "homework"
    ASSIGNMENT = "assignment"


@dataclass(frozen=True, slots=True)
class Homework:
    """Work to do for a given day.

    For assignments ``done`` means handed in, ``deadline`` is the exact
    hand-in time and ``status`` the server's own wording of the hand-in state.
    """

    id: str
    subject: str
    due: dt.date
    text: str
    html: str = ""
    given: dt.date | None = None
    done: bool = False
    is_test: bool = False
    attachments: tuple[Attachment, ...] = ()
    kind: HomeworkKind = HomeworkKind.HOMEWORK
    deadline: dt.datetime | None = None
    status: str | None = None


class GradeMark(StrEnum):
    """A grade that is not a number."""

    ABSENT = "absent"
    EXEMPT = "exempt"
    NOT_GRADED = "not_graded"
    PENDING = "pending"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Grade:
    """One mark given for an evaluation.

    ``value`` is None when the grade is a special mark (``mark``) or a
    competence-only evaluation. ``counted_out_of`` is the scale the school
    counts the grade on in averages when it differs from ``out_of`` (Pronote's
    7.5/10 "ramenée sur 20" counts as 15/20); None means as given.
    ``subject_code`` tells apart subjects of the same name, as ``Average.code`` does
    (a Pronote service id).
    """

    id: str
    subject: str
    title: str
    date: dt.date
    value: float | None
    out_of: float | None
    coefficient: float = 1.0
    mark: GradeMark | None = None
    raw: str = ""
    period_id: str | None = None
    class_average: float | None = None
    class_min: float | None = None
    class_max: float | None = None
    significant: bool = True
    entered: dt.date | None = None
    comment: str | None = None
    counted_out_of: float | None = None
    subject_code: str | None = None


@dataclass(frozen=True, slots=True)
class Period:
    """A term (trimester, semester) or the whole year."""

    id: str
    name: str
    start: dt.date
    end: dt.date
    yearly: bool = False
    closed: bool = False

    def contains(self, day: dt.date) -> bool:
        """Return whether the day falls inside the period."""
        return self.start <= day <= self.end


class AverageKind(StrEnum):
    """What an average is computed over."""

    SUBJECT = "subject"
    # BUT degrees (ScoDoc): teaching units, resources and projects (SAE).
    UE = "ue"
    RESOURCE = "resource"
    SAE = "sae"


@dataclass(frozen=True, slots=True)
class Average:
    """An average for one subject, or overall when ``subject`` is None.

    ``rank``/``rank_total`` place the student in the group; ``ects`` are the
    credits earned out of ``ects_total`` (overall or for one UE). ``code`` tells
    apart averages whose ``subject`` names are alike (a UE code, a Pronote service id).
    """

    period_id: str
    subject: str | None
    value: float | None
    class_average: float | None = None
    class_min: float | None = None
    class_max: float | None = None
    out_of: float = 20.0
    kind: AverageKind = AverageKind.SUBJECT
    code: str | None = None
    rank: int | None = None
    rank_total: int | None = None
    ects: float | None = None
    ects_total: float | None = None


@dataclass(frozen=True, slots=True)
class Acquisition:
    """One skill level reached in an evaluation (e.g. "A+" Très bonne maîtrise)."""

    level: str
    abbreviation: str = ""
    item: str | None = None
    domain: str | None = None
    pillar: str | None = None
    pillar_prefix: str | None = None
    order: int = 0


@dataclass(frozen=True, slots=True)
class SkillEvaluation:
    """A skills evaluation ("compétences"): levels reached instead of a mark."""

    id: str
    subject: str
    title: str
    date: dt.date
    teacher: str | None = None
    coefficient: float = 1.0
    description: str = ""
    domain: str | None = None
    levels: tuple[str, ...] = ()
    acquisitions: tuple[Acquisition, ...] = ()
    period_id: str | None = None


@dataclass(frozen=True, slots=True)
class GradeBook:
    """Grades, periods, averages and skills evaluations of a school year."""

    periods: tuple[Period, ...] = ()
    grades: tuple[Grade, ...] = ()
    averages: tuple[Average, ...] = ()
    skills: tuple[SkillEvaluation, ...] = ()
    # The period the grades were read for when the platform chose one (ScoDoc's semester).
    selected_period_id: str | None = None
    # The student's group in that period (ScoDoc: "TD-B"), when the grade book names it.
    group: str | None = None

    def overall_average(self, period_id: str | None) -> Average | None:
        """The overall average (no subject) of a period, if the book has it."""
        return next(
            (a for a in self.averages if a.subject is None and a.period_id == period_id), None
        )

    def current_period(self, today: dt.date) -> Period | None:
        """Return the selected period, else the non-yearly period containing today, if any."""
        for period in self.periods:
            if period.id == self.selected_period_id:
                return period
        for period in self.periods:
            if not period.yearly and period.contains(today):
                return period
        return None


@dataclass(frozen=True, slots=True)
class Absence:
    """A missed half-day, day or lesson (``start``/``end`` when the server gives times)."""

    id: str
    date: dt.date
    label: str
    justified: bool
    reason: str | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class Delay:
    """A late arrival."""

    id: str
    date: dt.date
    label: str
    justified: bool
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Punishment:
    """A sanction such as a detention."""

    id: str
    date: dt.date
    label: str
    reason: str | None = None
    given_by: str | None = None
    work: str | None = None


class AbsenceRateKind(StrEnum):
    """Lectio counts missed lessons and missed written work separately."""

    PHYSICAL = "physical"
    WRITTEN = "written"


@dataclass(frozen=True, slots=True)
class AbsenceRate:
    """Absence as a percentage, for one subject/team or overall (``subject`` None).

    ``percent`` is counted so far this year, ``percent_year`` against the
    whole year; ``absent``/``total`` are the modules or hours behind it.
    """

    subject: str | None
    kind: AbsenceRateKind
    percent: float
    percent_year: float | None = None
    absent: float | None = None
    total: float | None = None


@dataclass(frozen=True, slots=True)
class SchoolLife:
    """Absences, delays, punishments and absence rates."""

    absences: tuple[Absence, ...] = ()
    delays: tuple[Delay, ...] = ()
    punishments: tuple[Punishment, ...] = ()
    absence_rates: tuple[AbsenceRate, ...] = ()

    @classmethod
    def oldest_first(
        cls,
        absences: Iterable[Absence],
        delays: Iterable[Delay],
        punishments: Iterable[Punishment],
    ) -> SchoolLife:
        """Each list sorted by date, then id."""
        return cls(
            absences=tuple(sorted(absences, key=_date_and_id)),
            delays=tuple(sorted(delays, key=_date_and_id)),
            punishments=tuple(sorted(punishments, key=_date_and_id)),
        )


def _date_and_id(entry: Absence | Delay | Punishment) -> tuple[dt.date, str]:
    return entry.date, entry.id


@dataclass(frozen=True, slots=True)
class MessageSummary:
    """A message in the mailbox (subject only, never the body)."""

    id: str
    subject: str
    sender: str
    sent: dt.datetime
    read: bool


@dataclass(frozen=True, slots=True)
class Mailbox:
    """Received messages and the unread count the server reports."""

    unread: int
    messages: tuple[MessageSummary, ...] = ()


class Meal(StrEnum):
    """A canteen meal."""

    LUNCH = "lunch"
    DINNER = "dinner"


@dataclass(frozen=True, slots=True)
class CanteenReservation:
    """Whether a meal is booked on a weekday (1 = Monday)."""

    weekday: int
    meal: Meal
    booked: bool


@dataclass(frozen=True, slots=True)
class Canteen:
    """Canteen regime, badge and weekly reservations."""

    regime: str | None = None
    badge: str | None = None
    reservations: tuple[CanteenReservation, ...] = ()


class DishKind(StrEnum):
    """A course of a canteen meal."""

    STARTER = "starter"
    MAIN = "main"
    SIDE = "side"
    OTHER = "other"
    DESSERT = "dessert"
    CHEESE = "cheese"


@dataclass(frozen=True, slots=True)
class Food:
    """One food of a dish, with its labels (organic...) and allergens."""

    name: str
    labels: tuple[str, ...] = ()
    allergens: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dish:
    """A course and what it is made of."""

    kind: DishKind
    foods: tuple[Food, ...] = ()


@dataclass(frozen=True, slots=True)
class MenuMeal:
    """Lunch or dinner of one day."""

    meal: Meal
    name: str
    dishes: tuple[Dish, ...] = ()


@dataclass(frozen=True, slots=True)
class MenuDay:
    """The canteen menu of one day."""

    date: dt.date
    meals: tuple[MenuMeal, ...] = ()


@dataclass(frozen=True, slots=True)
class Information:
    """An item of "Informations et sondages" (news or a survey)."""

    id: str
    title: str
    author: str
    category: str | None = None
    created: dt.datetime | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    read: bool = False
    survey: bool = False
    text: str = ""
    html: str = ""


@dataclass(frozen=True, slots=True)
class Wallet:
    """A prepaid account (canteen, activities) and its balance."""

    id: str
    label: str
    balance: float
    student_id: str | None = None
    currency: str = "EUR"


@dataclass(frozen=True, slots=True)
class ChallengeOption:
    """One possible answer to a double-authentication question."""

    value: str
    label: str


class ChallengeKind(StrEnum):
    """How a double-authentication challenge is answered."""

    CHOICE = "choice"
    PIN = "pin"


@dataclass(frozen=True, slots=True)
class Challenge:
    """A double-authentication question the user must answer."""

    kind: ChallengeKind
    question: str
    options: tuple[ChallengeOption, ...] = field(default=())

"""Parse ``FonctionParametres`` (school year) and ``ParametresUtilisateur`` (user, children)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Any

from ..errors import NotSupportedError, ProtocolChangedError, required
from ..models import Account, AccountKind, Period, Student
from .const import KIND_STUDENT, TAB_GRADES
from .dates import hour, local_date
from .stable_ids import digest, slug
from .typed_values import as_dict, as_dicts, integer, label, text, value

# A period spanning most of the year is the yearly one ("Année continue").
_YEARLY_DAYS = 200


@dataclass(frozen=True, slots=True)
class PeriodRef:
    """A period with its session-scoped reference (``N``, ``G``) and a stable id."""

    period: Period
    number: str
    kind: int

    def reference(self) -> dict[str, Any]:
        """``{"N", "L", "G"}`` as requests take it."""
        return {"N": self.number, "L": self.period.name, "G": self.kind}


@dataclass(frozen=True, slots=True)
class SchoolYear:
    """Calendar facts from ``FonctionParametres.General``."""

    first_monday: date
    first_day: date | None = None
    last_day: date | None = None
    periods: tuple[PeriodRef, ...] = ()
    end_times: dict[int, time] = field(default_factory=dict)
    places_per_day: int | None = None

    def week(self, day: date) -> int:
        """The school week number of a day (week 1 starts on the first Monday)."""
        return max(1, 1 + (day - self.first_monday).days // 7)

    def monday(self, week: int) -> date:
        """The Monday school week ``week`` starts on."""
        return self.first_monday + timedelta(weeks=week - 1)

    def week_over(self, week: int, today: date) -> bool:
        """Whether the whole of school week ``week`` is before ``today``."""
        return self.monday(week) + timedelta(days=6) < today

    def clamp(self, start: date, end: date) -> tuple[date, date]:
        """Limit an interval to the school year."""
        if self.first_day is not None:
            start = max(start, self.first_day - timedelta(days=7))
        if self.last_day is not None:
            end = min(end, self.last_day)
        return start, end

    def period(self, number: str | None = None, name: str | None = None) -> PeriodRef | None:
        """Find a period by ``N`` (this session) or by name."""
        for ref in self.periods:
            if number is not None and ref.number == number:
                return ref
        for ref in self.periods:
            if name and ref.period.name == name:
                return ref
        return None

    def slot_end(self, place: int, duration: int) -> time | None:
        """End time of ``duration`` slots starting at a weekly ``place`` (Pronote protocol §6.1)."""
        if not self.places_per_day:
            return None
        return self.end_times.get(place % self.places_per_day + duration - 1)


@dataclass(frozen=True, slots=True)
class StudentContext:
    """A student of the account with what requests about them need."""

    student: Student
    resource: dict[str, Any]
    tab_periods: dict[int, tuple[str, ...]]
    default_periods: dict[int, str]

    def reference(self) -> dict[str, Any]:
        """``{"N", "G", "L"}`` of the student's resource."""
        return {
            "N": self.resource.get("N"),
            "G": self.resource.get("G", KIND_STUDENT),
            "L": self.resource.get("L", ""),
        }


@dataclass(frozen=True, slots=True)
class UserInfo:
    """The logged-in user: account, students by stable id and allowed tabs."""

    account: Account
    students: dict[str, StudentContext]
    tabs: frozenset[int]
    is_parent: bool


def _times(item: object) -> dict[int, time]:
    result: dict[int, time] = {}
    for entry in as_dicts(item):
        slot, moment = integer(entry.get("G")), hour(entry.get("L"))
        if slot is not None and moment is not None:
            result[slot] = moment
    return result


def _periods(items: list[dict[str, Any]]) -> tuple[PeriodRef, ...]:
    refs: list[PeriodRef] = []
    used: set[str] = set()
    for item in items:
        number, name = text(item.get("N")), text(item.get("L"))
        start, end = local_date(item.get("dateDebut")), local_date(item.get("dateFin"))
        if not number or not name or start is None or end is None:
            continue
        stable = slug(name)
        while stable in used:
            stable += "-bis"
        used.add(stable)
        refs.append(
            PeriodRef(
                period=Period(
                    id=stable,
                    name=name,
                    start=start,
                    end=end,
                    yearly=(end - start).days >= _YEARLY_DAYS,
                ),
                number=number,
                kind=integer(item.get("G")) or 0,
            )
        )
    return tuple(refs)


def parse_school_year(data: dict[str, Any]) -> SchoolYear:
    """Read ``General`` of ``FonctionParametres``."""
    general = as_dict(data.get("General"))
    return SchoolYear(
        first_monday=required(
            local_date(general.get("PremierLundi")),
            "Pronote parameters have no first Monday of the school year",
        ),
        first_day=local_date(general.get("PremiereDate")),
        last_day=local_date(general.get("DerniereDate")),
        periods=_periods(as_dicts(general.get("ListePeriodes"))),
        end_times=_times(general.get("ListeHeuresFin")),
        places_per_day=integer(general.get("PlacesParJour")),
    )


def split_name(full_name: str) -> tuple[str, str]:
    """``"MARTIN Léa"`` -> ``("Léa", "MARTIN")``: Pronote writes the last name in capitals."""
    words = full_name.split()
    last: list[str] = []
    for word in words:
        letters = [char for char in word if char.isalpha()]
        if letters and all(char.isupper() for char in letters) and len(last) < len(words) - 1:
            last.append(word)
        else:
            break
    if not last:
        return full_name.strip(), ""
    return " ".join(words[len(last) :]), " ".join(last)


def _tabs(nodes: object) -> Iterator[int]:
    for node in nodes if isinstance(nodes, list) else [nodes]:
        if isinstance(node, dict):
            tab = integer(node.get("G"))
            if tab is not None:
                yield tab
            for child in node.values():
                if isinstance(child, list | dict):
                    yield from _tabs(child)
        elif isinstance(node, list):
            yield from _tabs(node)


def _student_context(resource: dict[str, Any], index: dict[str, int]) -> StudentContext:
    name = text(resource.get("L"))
    first, last = split_name(name)
    base = "s" + digest(name.casefold())
    count = index.get(base, 0) + 1
    index[base] = count
    student = Student(
        id=base if count == 1 else f"{base}-{count}",
        first_name=first,
        last_name=last,
        class_name=label(resource.get("classeDEleve")) or None,
        school_name=label(resource.get("Etablissement")) or None,
    )
    tab_periods: dict[int, tuple[str, ...]] = {}
    defaults: dict[int, str] = {}
    for entry in as_dicts(resource.get("listeOngletsPourPeriodes")):
        tab = integer(entry.get("G"))
        if tab is None:
            continue
        listed = as_dicts(entry.get("listePeriodes"))
        tab_periods[tab] = tuple(number for item in listed if (number := text(item.get("N"))))
        default = text(as_dict(entry.get("periodeParDefaut")).get("N"))
        if default:
            defaults[tab] = default
    return StudentContext(
        student=student,
        resource={key: value(resource.get(key)) for key in ("N", "G", "L") if key in resource},
        tab_periods=tab_periods,
        default_periods=defaults,
    )


def parse_user(data: dict[str, Any], space: str) -> UserInfo:
    """Read ``ParametresUtilisateur``: the account, its students and the allowed tabs."""
    resource = as_dict(data.get("ressource"))
    if not resource:
        raise ProtocolChangedError("Pronote user parameters have no resource")
    children = resource.get("listeRessources")
    is_parent = isinstance(children, list | dict)
    index: dict[str, int] = {}
    if is_parent:
        contexts = [_student_context(child, index) for child in as_dicts(children)]
        if not contexts:
            raise NotSupportedError("this Pronote parent account has no child to follow")
    else:
        contexts = [_student_context(resource, index)]
    display_name = text(resource.get("L"))
    students = {context.student.id: context for context in contexts}
    account = Account(
        id="a" + digest(space, display_name.casefold()),
        kind=AccountKind.PARENT if is_parent else AccountKind.STUDENT,
        display_name=display_name,
        students=tuple(context.student for context in contexts),
        school_name=contexts[0].student.school_name,
    )
    return UserInfo(
        account=account,
        students=students,
        tabs=frozenset(_tabs(data.get("listeOnglets"))),
        is_parent=is_parent,
    )


def grade_period_default(context: StudentContext) -> str | None:
    """The ``N`` of the default grading period (tab 198, else the first tab listed)."""
    if TAB_GRADES in context.default_periods:
        return context.default_periods[TAB_GRADES]
    return next(iter(context.default_periods.values()), None)

"""ScoDoc records the configuration flow needs (departments, students, semesters)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..models import Period, PersonName


@dataclass(frozen=True, slots=True)
class Department:
    """A ScoDoc department: its acronym (used in URLs) and display name."""

    acronym: str
    name: str
    visible: bool = True


@dataclass(frozen=True, slots=True)
class ScoDocStudent(PersonName):
    """A student record of one department.

    ``nip`` is the code as ScoDoc stores it (possibly with a stray ``.0``); ``etudid`` is
    the instance-wide numeric id.
    """

    etudid: int
    nip: str | None
    first_name: str
    last_name: str
    department: str | None = None
    ine: str | None = None


@dataclass(frozen=True, slots=True)
class Semester:
    """A semester instance (``formsemestre``) a student is enrolled in."""

    id: int
    title: str
    start: date
    end: date
    school_year: int | None = None
    number: int | None = None

    def contains(self, day: date) -> bool:
        """Return whether the day falls inside the semester."""
        return self.start <= day <= self.end

    def period(self, today: date) -> Period:
        """The neutral period for this semester; closed once it is over."""
        return Period(
            id=str(self.id),
            name=self.title,
            start=self.start,
            end=self.end,
            closed=self.end < today,
        )

"""Look-ups over the world, limited to one department on a department root."""

from __future__ import annotations

from datetime import date
from typing import Any

from simulator.scodoc.fixtures import Json, World

CODE_TYPES = ("etudid", "nip", "ine")


class BadCodeType(ValueError):
    """A ``code_type`` path segment other than etudid, nip or ine."""


def iso_day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class Scope:
    """What one API root sees: every department, or only ``department``."""

    def __init__(self, world: World, department: Json | None) -> None:
        self.world = world
        self.department = department

    @property
    def acronym(self) -> str | None:
        return None if self.department is None else str(self.department["acronym"])

    def _in_scope(self, dept_id: Any) -> bool:
        return self.department is None or dept_id == self.department["id"]

    # -- students ------------------------------------------------------------------------------

    def students(self) -> list[Json]:
        return [s for s in self.world.students if self._in_scope(s.get("dept_id"))]

    def students_by_code(self, code_type: str, code: str) -> list[Json]:
        """Every record matching the code (one per department), newest enrolment first."""
        if code_type not in CODE_TYPES:
            raise BadCodeType(code_type)
        if code_type == "etudid":
            found = [s for s in self.students() if str(s["id"]) == code]
        else:
            member = "code_nip" if code_type == "nip" else "code_ine"
            found = [s for s in self.students() if s.get(member) is not None and s[member] == code]
        return sorted(found, key=self._latest_enrolment, reverse=True)

    def student(self, code_type: str, code: str) -> Json | None:
        found = self.students_by_code(code_type, code)
        return found[0] if found else None

    def _latest_enrolment(self, student: Json) -> str:
        starts = [str(s["date_debut_iso"]) for s in self.semesters_of(int(student["id"]))]
        return max(starts, default="")

    # -- semesters -----------------------------------------------------------------------------

    def semesters(self) -> list[Json]:
        return [s for s in self.world.semesters if self._in_scope(s.get("dept_id"))]

    def semester(self, semester_id: int) -> Json | None:
        return next((s for s in self.semesters() if s["id"] == semester_id), None)

    def semesters_of(self, etudid: int) -> list[Json]:
        return [s for s in self.semesters() if str(etudid) in s.get("_inscriptions", {})]

    def current_semesters(self, day: date) -> list[Json]:
        return [
            s
            for s in self.semesters()
            if (start := iso_day(s["date_debut_iso"])) is not None
            and (end := iso_day(s["date_fin_iso"])) is not None
            and start <= day <= end
        ]

    def department_of(self, dept_id: Any) -> Json | None:
        return next((d for d in self.world.departments if d["id"] == dept_id), None)

"""Parse student objects (``/etudiant/...``, ``/etudiants/...``; ScoDoc protocol §4.2)."""

from __future__ import annotations

from typing import Any

from ..errors import ProtocolChangedError, required
from ..values import as_dicts, optional_text, text
from .fields import integer
from .models import ScoDocStudent


def _name(value: object) -> str:
    """Names stored in capitals read better title-cased ("PETIT-MARTIN" -> "Petit-Martin")."""
    raw = text(value)
    return raw.title() if raw.isupper() else raw


def parse_student(data: Any) -> ScoDocStudent:
    """One student object; only the id and the names are required."""
    if not isinstance(data, dict):
        raise ProtocolChangedError("ScoDoc's student answer is not an object")
    return ScoDocStudent(
        etudid=required(
            integer(data.get("id", data.get("etudid"))), "ScoDoc's student answer has no id"
        ),
        nip=optional_text(data.get("code_nip")),
        first_name=_name(data.get("prenom")),
        last_name=_name(data.get("nom_usuel")) or _name(data.get("nom")),
        department=optional_text(data.get("dept_acronym")),
        ine=optional_text(data.get("code_ine")),
    )


def parse_students(data: Any) -> list[ScoDocStudent]:
    """A list of student objects, sorted by last then first name; broken entries skipped."""
    if not isinstance(data, list):
        raise ProtocolChangedError("ScoDoc's student list is not a list")
    students: list[ScoDocStudent] = []
    for item in as_dicts(data):
        try:
            students.append(parse_student(item))
        except ProtocolChangedError:
            continue
    return sorted(students, key=lambda s: (s.last_name.casefold(), s.first_name.casefold()))

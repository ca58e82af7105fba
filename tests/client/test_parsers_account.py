"""Login accounts: student, parent, several establishments."""

from __future__ import annotations

from typing import Any

import pytest

from custom_components.schoolbag.client.ecoledirecte.parsers_account import parse_login
from custom_components.schoolbag.client.errors import NotSupportedError, ProtocolChangedError
from custom_components.schoolbag.client.models import AccountKind

STUDENT: dict[str, Any] = {
    "idLogin": 4711001, "id": 2345, "typeCompte": "E", "main": True, "prenom": "Lucie",
    "nom": "MARTIN", "nomEtablissement": "Collège Exemple", "anneeScolaireCourante": "2025-2026",
    "modules": [{"code": "NOTES", "enable": True}, {"code": "EDT", "enable": False}],
    "profile": {"classe": {"id": 44, "code": "3B", "libelle": "Troisième B"}},
}  # fmt: skip


def _family(login_id: int, family_id: int, children: list[dict[str, Any]], main: bool) -> Any:
    return {
        "idLogin": login_id, "id": family_id, "typeCompte": "1", "main": main,
        "prenom": "Marc", "nom": "MARTIN", "nomEtablissement": f"École {family_id}",
        "anneeScolaireCourante": "2025-2026", "modules": [],
        "profile": {"eleves": children},
    }  # fmt: skip


def _child(child_id: int, name: str) -> dict[str, Any]:
    return {
        "id": child_id, "prenom": name, "nom": "MARTIN",
        "classe": {"id": 1, "code": "5A", "libelle": ""},
        "modules": [{"code": "NOTES", "enable": True}],
    }  # fmt: skip


def test_student_login() -> None:
    session = parse_login({"changementMDP": False, "accounts": [STUDENT]})
    account = session.account
    assert account.kind is AccountKind.STUDENT
    assert account.id == "2345"
    assert account.display_name == "Lucie MARTIN"
    assert account.school_name == "Collège Exemple"
    (student,) = account.students
    assert student.id == "2345"
    assert student.full_name == "Lucie MARTIN"
    assert student.class_name == "Troisième B"
    context = session.students["2345"]
    assert context.module_enabled("NOTES")
    assert context.module_disabled("EDT")
    assert not context.module_disabled("VIE_SCOLAIRE")
    assert context.school_year == "2025-2026"
    assert session.main_login_id == 4711001


def test_parent_with_children_in_two_establishments() -> None:
    other = _family(5002, 602, [_child(3457, "Paul"), _child(3456, "Dup")], main=False)
    main = _family(5001, 601, [_child(3456, "Léa"), {"prenom": "no id"}], main=True)
    session = parse_login({"accounts": [other, main]})
    account = session.account
    assert account.kind is AccountKind.PARENT
    assert account.id == "601"
    assert account.display_name == "Marc MARTIN"
    assert [student.id for student in account.students] == ["3456", "3457"]
    assert account.students[0].first_name == "Léa"
    assert account.students[0].class_name == "5A"
    assert account.students[1].school_name == "École 602"
    assert session.students["3456"].login_id == 5001
    assert session.students["3457"].login_id == 5002
    assert session.students["3457"].owner_id == "602"
    assert session.main_login_id == 5001
    assert session.login_ids == (5001, 5002)


def test_unsupported_and_broken_logins() -> None:
    with pytest.raises(NotSupportedError):
        parse_login({"accounts": [{"id": 1, "typeCompte": "P"}]})
    with pytest.raises(ProtocolChangedError):
        parse_login({"accounts": []})
    with pytest.raises(ProtocolChangedError):
        parse_login(None)
    with pytest.raises(ProtocolChangedError):
        parse_login({"accounts": [{"typeCompte": "E"}]})

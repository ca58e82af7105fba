"""Unmodified pydirecte 1.0.3 against the simulator (EcoleDirecte protocol §6.7)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pydirecte
import pytest

from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import ThreadedSimulator

DEVICE = "3b8e8a0e-6a55-4e59-9a43-2f1d9c7a1f00"


def student_login(sim: EcoleDirecteSimulator) -> tuple[pydirecte.Session, pydirecte.Account]:
    """Log demo.eleve in through the QCM double authentication."""
    session = pydirecte.Session(username="demo.eleve", device_uuid=DEVICE)
    with pytest.raises(pydirecte.DoubleAuthRequired):
        pydirecte.login(session, "demo")
    challenge = pydirecte.init_double_auth(session)
    assert challenge.question == "Quelle est ton année de naissance ?"
    answer = sim.qcm_answer("demo.eleve")
    assert answer in challenge.answers
    assert pydirecte.check_double_auth(session, answer)
    assert session.double_auth is not None
    accounts = pydirecte.login(session, "demo")
    assert len(accounts) == 1
    return session, accounts[0]


def test_login_with_double_auth_and_read_data(
    pydirecte_on_simulator: ThreadedSimulator, ed_sim: EcoleDirecteSimulator
) -> None:
    session, account = student_login(ed_sim)
    assert (account.id, account.first_name, account.last_name) == (2345, "Lucas", "MARTIN")
    assert account.kind is pydirecte.AccountKind.STUDENT
    assert account.school_name == "Collège Jean Moulin"
    assert account.class_short == "4B"
    assert account.access_token

    grades = pydirecte.student_grades(session, account)
    values = {grade.value.kind for grade in grades["grades"]}
    assert {
        pydirecte.GradeKind.GRADE,
        pydirecte.GradeKind.ABSENT,
        pydirecte.GradeKind.EXEMPTED,
        pydirecte.GradeKind.NOT_GRADED,
        pydirecte.GradeKind.ERROR,  # the competence-only evaluation (valeur "")
    } <= values
    assert [period.id for period in grades["periods"]] == ["A001", "A002", "A003", "A999Z"]
    assert grades["overview"]["A999Z"].overall_average.kind is pydirecte.GradeKind.GRADE

    coming = pydirecte.student_coming_homeworks(session, account)
    assert len(coming) >= 5
    first_day = coming[0]["date"].strftime("%Y-%m-%d")
    day = pydirecte.student_homeworks(session, account, first_day)
    assert day["homeworks"]
    assert all(work.content.startswith("<") for work in day["homeworks"])

    attached = next((d, w) for d in coming for w in d["homeworks"] if not w.done and not w.is_exam)
    pydirecte.set_homework_state(session, account, attached[1].id, True)
    assert ed_sim.homework_done(2345, attached[1].id)
    refreshed = pydirecte.student_coming_homeworks(session, account)
    done = {w.id: w.done for d in refreshed for w in d["homeworks"]}
    assert done[attached[1].id] is True

    monday = datetime.now() - timedelta(days=datetime.now().weekday())
    lessons = pydirecte.student_timetable(session, account, monday, monday + timedelta(days=4))
    assert lessons
    assert any(lesson.cancelled for lesson in lessons)
    assert any(lesson.updated for lesson in lessons)
    assert lessons == sorted(lessons, key=lambda lesson: lesson.start_date)


def test_other_endpoints_decode(
    pydirecte_on_simulator: ThreadedSimulator, ed_sim: EcoleDirecteSimulator
) -> None:
    session, account = student_login(ed_sim)
    attendance = pydirecte.student_attendance(session, account)
    assert attendance["absences"]
    assert attendance["punishments"]
    assert attendance["exemptions"]
    canteen = pydirecte.student_cantine(account)
    assert canteen["reservation"].diet == "Demi-pensionnaire"
    assert canteen["barcode"].badge_number > 0
    assert len(pydirecte.student_documents(session)) >= 5
    assert pydirecte.student_timeline(session, account)
    assert pydirecte.student_homepage_timeline(session, account)
    assert pydirecte.student_workspace(session, account)
    assert pydirecte.account_edforms(session, account) == []
    assert pydirecte.student_visios(session, account) == []

    inbox = pydirecte.student_received_messages(session, account)
    unread = [chat for chat in inbox["chats"] if not chat.read]
    assert len(unread) == 2
    with_file = next(chat for chat in unread if chat.files)
    message = pydirecte.read_message(session, account, with_file.id)
    assert message.read
    assert message.content.startswith("<p>")
    download = pydirecte.get_file(session, pydirecte.FileKind.ATTACHMENT, message.files[0]["id"])
    assert download.status_code == 200
    assert download.content.startswith(b"%PDF")
    after = pydirecte.student_received_messages(session, account)
    assert sum(not chat.read for chat in after["chats"]) == 1


def test_relogin_after_expiry_skips_the_qcm(
    pydirecte_on_simulator: ThreadedSimulator, ed_sim: EcoleDirecteSimulator
) -> None:
    session, account = student_login(ed_sim)
    ed_sim.expire_tokens()
    with pytest.raises(AttributeError):  # pydirecte reads data=None after code 525
        pydirecte.student_grades(session, account)
    assert session.token == ""
    questions = sum("doubleauth" in path for path, _ in ed_sim.requests)
    accounts = pydirecte.login(session, "demo")  # session.double_auth is still set
    assert sum("doubleauth" in path for path, _ in ed_sim.requests) == questions
    assert pydirecte.student_grades(session, accounts[0])["grades"]


def test_refresh_with_access_token(
    pydirecte_on_simulator: ThreadedSimulator, ed_sim: EcoleDirecteSimulator
) -> None:
    session, account = student_login(ed_sim)
    pydirecte.set_access_token(session, account)
    old_token = session.token
    accounts = pydirecte.refresh(session, pydirecte.AccountKind.STUDENT)
    assert accounts[0].id == 2345
    assert session.token
    assert session.token != old_token
    assert pydirecte.student_grades(session, accounts[0])["grades"]


def test_special_character_password_without_qcm(
    pydirecte_on_simulator: ThreadedSimulator, ed_sim: EcoleDirecteSimulator
) -> None:
    session = pydirecte.Session(username="simple.eleve", device_uuid=DEVICE)
    account = pydirecte.login(session, "motdepasse+&%")[0]
    assert account.id == 2400
    pydirecte.set_access_token(session, account)
    renewed = pydirecte.refresh(session, pydirecte.AccountKind.STUDENT)  # sends fa: [null]
    assert renewed[0].id == 2400
    with pytest.raises(pydirecte.BadCredentials):
        pydirecte.login(pydirecte.Session(username="simple.eleve", device_uuid=DEVICE), "nope")


def test_version_and_family_limits(
    pydirecte_on_simulator: ThreadedSimulator, ed_sim: EcoleDirecteSimulator
) -> None:
    ed_sim.min_version = "8.0.0"
    session = pydirecte.Session(username="simple.eleve", device_uuid=DEVICE)
    with pytest.raises(pydirecte.InvalidVersion):
        pydirecte.login(session, "motdepasse+&%")
    ed_sim.min_version = "4.0.0"
    ed_sim.set_qcm_required("demo.parent", False)
    parent = pydirecte.Session(username="demo.parent", device_uuid=DEVICE)
    with pytest.raises(ValueError, match="AccountKind"):
        pydirecte.login(parent, "demo")  # pydirecte 1.0.3 only decodes typeCompte "E"

"""Unmodified pronotepy 2.15.7 against the simulated Pronote server (Pronote protocol §10).

Only the URL points to the simulator; pronotepy speaks the 2025 envelope and solves the
direct (no-alea) challenge, the simulator's defaults.
"""

from __future__ import annotations

from datetime import date, timedelta
import functools
from typing import Any

import pronotepy
from pronotepy.ent.generic_func import _cas
import pytest

from simulator.pronote import PronoteSimulator

from .conftest import ThreadedSimulator

USERNAME = "demonstration"
PASSWORD = "pronotevs"
DEVICE_UUID = "5a4d3c2b-1e0f-4a9b-8c7d-home-assistant"


def monday() -> date:
    today = date.today()
    return today - timedelta(days=today.weekday())


def student(server: ThreadedSimulator, **kwargs: Any) -> pronotepy.Client:
    return pronotepy.Client(f"{server.origin}/pronote/eleve.html", USERNAME, PASSWORD, **kwargs)


def test_student_reads_and_marks_homework(
    pronote_server: ThreadedSimulator, pronote_sim: PronoteSimulator
) -> None:
    client = student(pronote_server)
    assert client.logged_in
    assert (client.info.name, client.info.class_name) == ("MARTIN Léa", "4A")
    assert client.info.establishment == "COLLÈGE MARIE CURIE"
    period = client.current_period
    assert period.name == pronote_sim.world.year.current_trimester(pronote_sim.today).label

    lessons = client.lessons(monday(), monday() + timedelta(days=13))
    assert len(lessons) > 40
    assert any(lesson.canceled for lesson in lessons)
    assert any(lesson.exempted for lesson in lessons)
    assert any(lesson.test for lesson in lessons)
    assert any(lesson.outing for lesson in lessons)
    assert any(lesson.virtual_classrooms for lesson in lessons)
    statuses = {lesson.status for lesson in lessons}
    assert {"Prof. absent", "Changement de salle", "Remplacement"} <= statuses
    assert all(lesson.subject is not None and lesson.teacher_name for lesson in lessons)
    assert all(lesson.end > lesson.start for lesson in lessons)
    assert any(lesson.group_name for lesson in lessons)
    past = [lesson for lesson in lessons if lesson.start.date() < date.today()]
    if past:
        assert any(lesson.content is not None for lesson in past)

    homework = client.homework(monday())
    assert len(homework) >= 10
    links = [f for work in homework for f in work.files if f.type == 0]
    assert links
    assert links[0].url.startswith("https://")
    files = [f for work in homework for f in work.files if f.type == 1]
    assert files
    assert files[0].data.startswith(b"%PDF")
    pending = next(work for work in homework if not work.done)
    student_id = pronote_sim.student_ids("eleve")[0]
    pending.set_done(True)
    assert pronote_sim.homework_done(student_id, pending.id) is True
    again = {work.id: work.done for work in client.homework(monday())}
    assert again[pending.id] is True
    pending.set_done(False)
    assert pronote_sim.homework_done(student_id, pending.id) is False


def test_student_grades_and_school_life(pronote_server: ThreadedSimulator) -> None:
    client = student(pronote_server)
    period = client.current_period
    grades = period.grades
    assert grades
    assert all(grade.period.id == period.id for grade in grades)
    averages = period.averages
    assert averages
    assert all(average.class_average and average.max and average.min for average in averages)
    assert period.overall_average.replace(",", "").isdigit()
    assert period.class_overall_average
    year = next(p for p in client.periods if p.name == "Année continue")
    specials = {grade.grade for grade in year.grades}
    assert {"Absent", "Dispense"} <= specials
    assert period.evaluations
    assert year.absences
    assert year.delays
    assert year.punishments


def test_student_other_tabs(pronote_server: ThreadedSimulator) -> None:
    client = student(pronote_server)
    menus = client.menus(monday(), monday() + timedelta(days=4))
    assert len(menus) == 4
    assert all(menu.is_lunch and menu.main_meal for menu in menus)
    information = client.information_and_surveys()
    assert any(info.survey for info in information)
    unread = client.information_and_surveys(only_unread=True)
    assert len(unread) == 2
    assert unread[0].content()
    unread[0].mark_as_read(True)
    assert len(client.information_and_surveys(only_unread=True)) == 1
    discussions = client.discussions()
    assert sum(d.unread for d in discussions) == 3
    assert discussions[0].messages[0].content
    assert client.info.email == "lea.martin@example.org"
    assert client.export_ical().startswith(f"{pronote_server.origin}/pronote/ical/")
    assert client.session_check() is False


def test_parent_with_two_children(
    pronote_server: ThreadedSimulator, pronote_sim: PronoteSimulator
) -> None:
    client = pronotepy.ParentClient(
        f"{pronote_server.origin}/pronote/parent.html", USERNAME, PASSWORD
    )
    assert client.logged_in
    assert [child.name for child in client.children] == ["MARTIN Léa", "MARTIN Hugo"]
    assert client.info.name == "M. MARTIN Julien"
    lea_lessons = client.lessons(monday(), monday() + timedelta(days=6))
    assert "ESPAGNOL LV2" in {lesson.subject.name for lesson in lea_lessons if lesson.subject}
    client.set_child("MARTIN Hugo")
    hugo_lessons = client.lessons(monday(), monday() + timedelta(days=6))
    hugo_subjects = {lesson.subject.name for lesson in hugo_lessons if lesson.subject}
    assert "SCIENCES ET TECHNOLOGIE" in hugo_subjects
    assert client.homework(monday())
    assert client.current_period.grades
    assert client.children[1].email == "hugo.martin@example.org"
    work = next(w for w in client.homework(monday()) if not w.done)
    work.set_done(True)  # refused at signature level (pronotepy ignores it)
    hugo = pronote_sim.student_ids("parent")[1]
    assert pronote_sim.homework_done(hugo, work.id) is False


def test_qr_code_then_rotating_tokens(
    pronote_server: ThreadedSimulator, pronote_sim: PronoteSimulator
) -> None:
    payload, pin = pronote_sim.qr_login("eleve")
    # A wrong PIN usually breaks the AES padding (QRCodeDecryptError); about once in 256
    # grants the padding happens to look right and pronotepy fails decoding the bytes instead.
    with pytest.raises((pronotepy.QRCodeDecryptError, UnicodeDecodeError)):
        pronotepy.Client.qrcode_login(payload, "0000" if pin != "0000" else "1111", DEVICE_UUID)
    client = pronotepy.Client.qrcode_login(payload, pin, DEVICE_UUID)
    assert client.logged_in
    assert client.login_mode == "token"
    assert client.pronote_url.startswith(f"{pronote_server.origin}/pronote/mobile.eleve.html?")
    credentials = client.export_credentials()
    assert credentials["password"] == pronote_sim.mobile_token(USERNAME, "eleve")

    renewed = pronotepy.Client.token_login(**credentials)
    assert renewed.logged_in
    assert renewed.password != credentials["password"]
    assert pronotepy.Client.token_login(**credentials).logged_in is False  # old token is dead
    latest = pronotepy.Client.token_login(**renewed.export_credentials())
    assert latest.logged_in
    assert latest.lessons(monday(), monday() + timedelta(days=4))

    qr = latest.request_qr_code_data("2468")
    assert qr["url"].startswith(f"{pronote_server.origin}/pronote/mobile.eleve.html")
    again = pronotepy.Client.qrcode_login(qr, "2468", DEVICE_UUID, skip_2fa=True)
    assert again.logged_in


def test_double_authentication(
    pronote_server: ThreadedSimulator, pronote_sim: PronoteSimulator
) -> None:
    pronote_sim.set_2fa_required(USERNAME, True)
    with pytest.raises(pronotepy.MFAError, match="required"):
        student(pronote_server)
    with pytest.raises(pronotepy.MFAError, match="Invalid"):
        student(pronote_server, account_pin="0000", device_name="Home Assistant")
    client = student(pronote_server, account_pin=pronote_sim.pin(USERNAME), device_name="HA")
    assert client.logged_in
    assert pronote_sim.registered_devices(USERNAME) == ["HA"]
    trusted = student(pronote_server, client_identifier=client.client_identifier or "")
    assert trusted.logged_in

    payload, pin = pronote_sim.qr_login("parent")
    parent = pronotepy.ParentClient.qrcode_login(
        payload, pin, DEVICE_UUID, account_pin="1357", device_name="HA parent"
    )
    assert parent.logged_in
    assert pronote_sim.registered_devices(USERNAME) == ["HA", "HA parent"]


def test_bad_password_and_recovery_from_expiry(
    pronote_server: ThreadedSimulator, pronote_sim: PronoteSimulator
) -> None:
    bad = pronotepy.Client(f"{pronote_server.origin}/pronote/eleve.html", USERNAME, "nope")
    assert bad.logged_in is False
    assert pronote_sim.login_failures == 1

    client = student(pronote_server)
    pronote_sim.expire_sessions()
    assert client.session_check() is True  # Erreur 10 -> pronotepy logs in again
    pronote_sim.faults.next_errors.append("page_expired:PageCahierDeTexte")
    assert client.homework(monday())
    pronote_sim.faults.next_errors.append("expired_object")
    with pytest.raises(pronotepy.ExpiredObject):
        client.homework(monday())


def test_protocol_variants(
    pronote_server: ThreadedSimulator, pronote_sim: PronoteSimulator
) -> None:
    """pronotepy 2.15.7 only solves the direct challenge; it parses both page layouts."""
    pronote_sim.page_layout = "onload"
    pronote_sim.challenge_variant = "alea"  # alea in the key, direct answer still accepted
    assert student(pronote_server).logged_in
    pronote_sim.strict_challenge = True  # a real pre-2026.2.5 server: pronotepy cannot log in
    assert student(pronote_server).logged_in is False
    pronote_sim.challenge_variant = "no_alea"
    pronote_sim.page_layout = "script"
    assert student(pronote_server).logged_in


@pytest.mark.filterwarnings("ignore:Call to deprecated method findAll:DeprecationWarning")
def test_ent_login_through_the_generic_cas(
    pronote_server: ThreadedSimulator, pronote_sim: PronoteSimulator
) -> None:
    pronote_sim.cas_enabled = True
    pronote_sim.page_layout = "onload"
    ent = functools.partial(_cas, url=f"{pronote_server.origin}/pronote/cas/login")
    client = pronotepy.Client(
        f"{pronote_server.origin}/pronote/eleve.html?login=true", USERNAME, PASSWORD, ent=ent
    )
    assert client.logged_in
    assert client.attributes["e"] == USERNAME
    assert client.info.name == "MARTIN Léa"
    with pytest.raises(pronotepy.ENTLoginError):
        pronotepy.Client(f"{pronote_server.origin}/pronote/eleve.html", USERNAME, "x", ent=ent)

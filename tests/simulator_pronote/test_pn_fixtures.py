"""Demo data invariants on pinned dates across the school year (and in summer)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest

from simulator.__main__ import parse_args
from simulator.pronote import DEMO_ACCOUNTS, PronoteSimulator

DATES = [
    date(2025, 9, 1),  # first day of the year (a Monday)
    date(2026, 9, 3),  # first week, Thursday
    date(2025, 11, 29),  # Saturday before the end of trimester 1
    date(2026, 2, 18),  # inside the winter holidays
    date(2026, 5, 14),  # Ascension
    date(2026, 7, 21),  # summer
    date(2026, 8, 30),  # end of summer (Sunday)
]


@pytest.mark.parametrize("today", DATES, ids=str)
def test_invariants(today: date) -> None:
    sim = PronoteSimulator(today=today)
    world = sim.world
    year = world.year
    assert sim.today == today
    assert sim.now().date() == today
    monday = today - timedelta(days=today.weekday())
    assert year.first_monday.weekday() == 0
    assert year.last_date >= monday + timedelta(days=13)
    assert year.current_trimester(today).contains(today) or today < year.first_date
    for holiday in year.holidays:
        assert holiday.end < monday - timedelta(days=7) or holiday.start > monday + timedelta(13)
    ids: Counter[str] = Counter()
    for student in world.students.values():
        current = [
            lesson
            for lesson in student.lessons
            if monday <= lesson.start.date() < monday + timedelta(7)
        ]
        upcoming = [
            lesson
            for lesson in student.lessons
            if monday + timedelta(7) <= lesson.start.date() < monday + timedelta(14)
        ]
        assert len(current) > 20
        assert len(upcoming) > 20
        assert any(lesson.cancelled for lesson in current)
        assert any(lesson.exempted for lesson in current)
        assert any(lesson.exam for lesson in current + upcoming)
        assert all(
            lesson.end > lesson.start and lesson.place % 20 == year.slot_of(lesson.start.time())
            for lesson in student.lessons
        )
        assert any(work.due >= today for work in student.homework)
        for grade in student.grades:
            assert year.period(grade.period_id) is not None
            assert grade.day <= today
        ids.update(lesson.id for lesson in student.lessons)
        ids.update(w.id for w in student.homework)
        ids.update(g.id for g in student.grades)
        ids.update(a.id for w in student.homework for a in w.attachments)
    assert ids.most_common(1)[0][1] == 1


def test_same_day_same_data() -> None:
    first = PronoteSimulator(today=date(2026, 1, 13))
    second = PronoteSimulator(today=date(2026, 1, 13))
    lea = first.student_ids("eleve")[0]
    assert [w.id for w in first.student(lea).homework] == [
        w.id for w in second.student(lea).homework
    ]
    assert [g.value for g in first.student(lea).grades] == [
        g.value for g in second.student(lea).grades
    ]


def test_grades_cover_special_marks_and_averages() -> None:
    sim = PronoteSimulator(today=date(2026, 6, 2))
    lea = sim.student(sim.student_ids("eleve")[0])
    values = {grade.value for grade in lea.grades}
    assert {"|1", "|2", "|3", "|4", "|5", "|6"} <= values
    assert any(grade.optional for grade in lea.grades)
    assert any(grade.out_of == "10" for grade in lea.grades)


def test_demo_accounts_and_cli() -> None:
    assert [a["space"] for a in DEMO_ACCOUNTS] == ["eleve", "parent"]
    args = parse_args(
        ["--pronote-envelope", "legacy", "--pronote-challenge", "alea", "--pronote-2fa"]
    )
    assert (args.pronote_envelope, args.pronote_challenge, args.pronote_2fa) == (
        "legacy",
        "alea",
        True,
    )

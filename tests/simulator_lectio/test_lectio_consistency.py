"""Lectio shows neither class figures nor the day homework was set: what it shows fits today."""

from __future__ import annotations

from datetime import date

import pytest

from simulator.lectio import LectioSimulator
from simulator.lectio.fixtures.assignments import build_assignments
from simulator.lectio.fixtures.grades import GRADE_ROWS
from simulator.lectio.fixtures.people import SCHOOLS, STUDENTS
from simulator.lectio.pages.homework import upcoming
from simulator.lectio.pages.view import View

from ..simulator.consistency import DAYS

DANISH_SCALE = {"-3", "00", "02", "4", "7", "10", "12"}
STILL_TO_HAND_IN = "Venter"
OVERDUE = {"Mangler", "Ikke afleveret"}


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_homework_listed_is_due_from_today_on(today: date) -> None:
    view = View(SCHOOLS[0], STUDENTS[0], LectioSimulator(today=today).now())
    listed = upcoming(view)
    assert listed
    assert all(brick.day >= today and brick.status != "cancelled" for brick in listed)


@pytest.mark.parametrize("today", DAYS, ids=str)
def test_assignment_states_agree_with_their_deadlines(today: date) -> None:
    now = LectioSimulator(today=today).now()
    for item in build_assignments(today):
        if item.status == STILL_TO_HAND_IN:
            assert item.deadline > now, item
        if item.status in OVERDUE or item.grade:
            assert item.deadline < now, item
        assert not item.grade or item.grade in DANISH_SCALE


def test_grades_are_marks_of_the_danish_scale() -> None:
    marks = [mark for row in GRADE_ROWS for mark in row.grades.values()]
    assert marks
    assert set(marks) <= DANISH_SCALE

"""Which average sensors a grade book calls for, and what they are named after."""

from __future__ import annotations

from datetime import date

from custom_components.schoolbag.client.models import (
    Average,
    AverageKind,
    GradeBook,
    Period,
    Student,
)
from custom_components.schoolbag.data import StudentData
from custom_components.schoolbag.sensor_averages import average_slots, semester_of

S1 = Period("s1", "Semestre 1", date(2026, 9, 1), date(2027, 1, 31))
S2 = Period("s2", "Semestre 2", date(2027, 2, 1), date(2027, 6, 30))
IN_S1, BEFORE_S1, AFTER_S2 = date(2026, 10, 5), date(2026, 8, 20), date(2027, 7, 10)


def _ue(period: Period, code: str, subject: str, value: float) -> Average:
    return Average(period.id, subject, value, kind=AverageKind.UE, code=code)


def _student(book: GradeBook | None) -> StudentData:
    return StudentData(student=Student("1", "Alice", "VERNEUIL"), grades=book)


def test_no_grade_book_no_average_sensor() -> None:
    assert average_slots(_student(None), IN_S1) == []


def test_teaching_units_are_named_by_code_and_title_as_far_as_known() -> None:
    book = GradeBook(
        (S1,),
        averages=(
            _ue(S1, "UE1.1", "Réaliser un développement", 12.0),
            _ue(S1, "UE1.2", "UE1.2 Optimiser", 13.0),
            # A unit without a title: ScoDoc's bulletin names it by its code.
            _ue(S1, "UE1.3", "UE1.3", 14.0),
        ),
    )

    slots = {slot.key: slot for slot in average_slots(_student(book), IN_S1)}

    assert {key: slot.placeholders["unit"] for key, slot in slots.items()} == {
        "ue_average_UE1.1": "UE1.1 Réaliser un développement",
        # A title that already holds the code is not prefixed with it again.
        "ue_average_UE1.2": "UE1.2 Optimiser",
        "ue_average_UE1.3": "UE1.3",
    }
    assert {key: slot.translation_key for key, slot in slots.items()} == dict.fromkeys(
        slots, "ue_average"
    )
    picked = slots["ue_average_UE1.3"].pick(book, IN_S1)
    assert picked is not None
    assert picked.value == 14.0


def test_after_the_last_semester_its_units_stay_shown() -> None:
    book = GradeBook(
        (S1, S2), averages=(_ue(S1, "UE1.1", "Dev", 12.0), _ue(S2, "UE2.1", "Dev", 15.0))
    )

    assert semester_of(book, AFTER_S2) == S2
    (slot,) = average_slots(_student(book), AFTER_S2)
    picked = slot.pick(book, AFTER_S2)
    assert picked is not None
    assert picked.value == 15.0


def test_before_any_semester_a_unit_has_no_average() -> None:
    book = GradeBook((S1,), averages=(_ue(S1, "UE1.1", "Dev", 12.0),))
    (slot,) = average_slots(_student(book), IN_S1)

    assert semester_of(book, BEFORE_S1) is None
    assert slot.pick(book, BEFORE_S1) is None
    assert average_slots(_student(book), BEFORE_S1) == []

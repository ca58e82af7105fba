"""How school items become calendar events: lessons, homework and dated evaluations."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from homeassistant.components.calendar import CalendarEvent

from .client.models import Grade, GradeMark, Homework, HomeworkKind, Lesson, LessonStatus

type When = date | datetime

# Marks of evaluations not graded yet: nothing to show for them.
NO_MARK_YET = frozenset({GradeMark.PENDING, GradeMark.NOT_GRADED})

# Calendar summaries are plain text, not translatable entity strings: label the
# lesson status in the language Home Assistant is set to.
STATUS_LABELS: dict[str, dict[LessonStatus, str]] = {
    "en": {
        LessonStatus.CANCELLED: "cancelled",
        LessonStatus.CHANGED: "changed",
        LessonStatus.EXAM: "exam",
        LessonStatus.EXEMPTED: "exempted",
    },
    "fr": {
        LessonStatus.CANCELLED: "annulé",
        LessonStatus.CHANGED: "modifié",
        LessonStatus.EXAM: "examen",
        LessonStatus.EXEMPTED: "dispensé",
    },
    "da": {
        LessonStatus.CANCELLED: "aflyst",
        LessonStatus.CHANGED: "ændret",
        LessonStatus.EXAM: "eksamen",
        LessonStatus.EXEMPTED: "fritaget",
    },
}


def evaluation_event(grade: Grade) -> CalendarEvent:
    """An all-day event on the evaluation's date, with the grade once given."""
    summary = f"{grade.subject}: {grade.title}" if grade.title else grade.subject
    details = []
    if grade.value is not None:
        details.append(_score(grade.value, grade.out_of))
    elif grade.mark not in NO_MARK_YET and grade.raw:
        # A mark without a number (absent, exempt) still says something.
        details.append(grade.raw)
    if grade.class_average is not None:
        details.append(f"avg {grade.class_average:g}")
    if grade.coefficient != 1:
        details.append(f"coef. {grade.coefficient:g}")
    return CalendarEvent(
        start=grade.date,
        end=grade.date + timedelta(days=1),
        summary=summary,
        description=" · ".join(line for line in details if line) or None,
        uid=f"evaluation-{grade.id}",
    )


def _score(value: float, out_of: float | None) -> str:
    return f"{value:g}/{out_of:g}" if out_of else f"{value:g}"


def lesson_uid(lesson: Lesson) -> str:
    """The event uid of a lesson, which the cards match statuses with."""
    return f"lesson-{lesson.id}"


def lesson_event(lesson: Lesson, labels: dict[LessonStatus, str]) -> CalendarEvent:
    """A timetable event for a lesson."""
    summary = lesson.subject
    if lesson.status in labels:
        summary = f"{summary} ({labels[lesson.status]})"
    details = [
        ", ".join(lesson.teachers),
        lesson.group or "",
        lesson.note or "",
    ]
    start, end = lesson_times(lesson)
    return CalendarEvent(
        start=start,
        end=end,
        summary=summary,
        description="\n".join(line for line in details if line) or None,
        location=", ".join(lesson.rooms) or None,
        uid=lesson_uid(lesson),
    )


def lesson_times(lesson: Lesson) -> tuple[When, When]:
    """When a lesson's event starts and ends: days for a whole-day event."""
    if not lesson.all_day:
        return lesson.start, lesson.end
    start = lesson.start.date()
    return start, max(lesson.end.date(), start + timedelta(days=1))


def homework_times(work: Homework) -> tuple[When, When]:
    """An assignment's deadline, or the whole due day."""
    if work.kind is HomeworkKind.ASSIGNMENT and work.deadline is not None:
        return work.deadline, work.deadline
    return work.due, work.due + timedelta(days=1)


def homework_event(work: Homework) -> CalendarEvent:
    """An all-day event on the homework's due date; an assignment ends at its deadline."""
    start, end = homework_times(work)
    assignment = isinstance(start, datetime)
    return CalendarEvent(
        start=start,
        end=end,
        summary=f"{'✔ ' if work.done else ''}{work.subject}"
        + (f": {work.text}" if assignment else ""),
        description=(work.status if assignment else work.text) or None,
        uid=f"homework-{work.id}",
    )

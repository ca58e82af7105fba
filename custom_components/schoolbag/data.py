"""What the coordinator hands to entities: one snapshot per refresh."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from .client.models import (
    Account,
    Canteen,
    Grade,
    GradeBook,
    Homework,
    Information,
    Lesson,
    LessonStatus,
    Mailbox,
    Meal,
    MenuDay,
    MenuMeal,
    SchoolLife,
    SkillEvaluation,
    Student,
    Wallet,
)

LUNCH_OVER_HOUR = 14
# Lessons the student does not attend: they never count as "next" or "first".
NOT_ATTENDED = frozenset({LessonStatus.CANCELLED, LessonStatus.EXEMPTED})


def is_attended_lesson(lesson: Lesson) -> bool:
    """Whether the entry counts as a lesson for "next lesson" and "first lesson tomorrow"."""
    return lesson.status not in NOT_ATTENDED and is_timed_within_one_day(lesson)


def is_timed_within_one_day(lesson: Lesson) -> bool:
    """Not a whole-day or multi-day entry (a sports day, a study trip).

    Those stay in the timetable calendar but never hide the lessons around them.
    Lectio marks whole-day notes ``all_day`` but gives trips times on different days.
    """
    return not lesson.all_day and lesson.start.date() == lesson.end.date()


def homework_lines(work: Homework) -> list[str]:
    """The homework text's lines that say something."""
    return [line.strip() for line in work.text.strip().splitlines() if line.strip()]


def homework_title(work: Homework) -> str:
    """Homework as a family names it: its subject and the first line of its text."""
    lines = homework_lines(work)
    return f"{work.subject}: {lines[0]}" if lines else work.subject


@dataclass(frozen=True, slots=True)
class StudentData:
    """Everything fetched for one student."""

    student: Student
    lessons: tuple[Lesson, ...] = ()
    homework: tuple[Homework, ...] = ()
    grades: GradeBook | None = None
    school_life: SchoolLife | None = None
    mailbox: Mailbox | None = None
    canteen: Canteen | None = None
    wallets: tuple[Wallet, ...] = ()
    menus: tuple[MenuDay, ...] = ()
    information: tuple[Information, ...] | None = None

    def lessons_on(self, day: date) -> list[Lesson]:
        """Lessons the student attends on ``day``, by start."""
        return [
            lesson
            for lesson in self.lessons
            if lesson.start.date() == day and is_attended_lesson(lesson)
        ]

    def next_lesson(self, now: datetime) -> Lesson | None:
        """The attended lesson running now, or the next one to start."""
        for lesson in self.lessons:
            if lesson.end > now and is_attended_lesson(lesson):
                return lesson
        return None

    def pending_homework(self, today: date) -> list[Homework]:
        """Homework not done yet, due today or later."""
        return [work for work in self.homework if not work.done and work.due >= today]

    def next_lunch(self, now: datetime) -> tuple[date, MenuMeal] | None:
        """Today's lunch menu until lunch is over, then the next day's."""
        for day in sorted(self.menus, key=lambda menu: menu.date):
            if day.date < now.date() or (day.date == now.date() and now.hour >= LUNCH_OVER_HOUR):
                continue
            for meal in day.meals:
                if meal.meal is Meal.LUNCH and meal.dishes:
                    return day.date, meal
        return None

    def given_grades(self) -> list[Grade]:
        """Grades given so far: an evaluation counts once it has a value.

        Evaluations still to come, not graded yet or missed (a mark without a
        number) are left out, so they are announced when they get a value.
        """
        if self.grades is None:
            return []
        return [grade for grade in self.grades.grades if grade.value is not None]

    def latest_grade(self) -> Grade | None:
        """The most recently entered grade that has a value."""
        return max(
            self.given_grades(),
            key=lambda grade: (grade.entered or grade.date, grade.id),
            default=None,
        )

    def latest_skill(self) -> SkillEvaluation | None:
        """The most recent skills evaluation."""
        if self.grades is None:
            return None
        return max(self.grades.skills, key=lambda skill: (skill.date, skill.id), default=None)


@dataclass(frozen=True, slots=True)
class SchoolbagData:
    """One refresh of an account: every followed student's data."""

    fetched_at: datetime
    account: Account
    students: dict[str, StudentData] = field(default_factory=dict)


def with_homework_changed(
    data: SchoolbagData, change: Callable[[str, Homework], Homework]
) -> SchoolbagData:
    """``data`` where every homework is ``change(student_id, homework)``."""
    return replace(
        data,
        students={
            student_id: replace(
                student, homework=tuple(change(student_id, work) for work in student.homework)
            )
            for student_id, student in data.students.items()
        },
    )

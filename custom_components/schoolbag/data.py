"""What the coordinator hands to entities: one snapshot per refresh."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from .client.models import (
    Account,
    Canteen,
    Grade,
    GradeBook,
    GradeMark,
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

# Lessons the student does not attend: they never count as "next" or "first".
LUNCH_OVER_HOUR = 14
NOT_ATTENDED = frozenset({LessonStatus.CANCELLED, LessonStatus.EXEMPTED})


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
            if lesson.start.date() == day and lesson.status not in NOT_ATTENDED
        ]

    def next_lesson(self, now: datetime) -> Lesson | None:
        """The attended lesson running now, or the next one to start."""
        for lesson in self.lessons:
            if lesson.end > now and lesson.status not in NOT_ATTENDED:
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
        """Grades given so far: evaluations still to come are not grades yet."""
        if self.grades is None:
            return []
        return [grade for grade in self.grades.grades if grade.mark is not GradeMark.PENDING]

    def latest_grade(self) -> Grade | None:
        """The most recently entered grade."""
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

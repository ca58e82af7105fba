"""Form selectors shared by the config flow steps."""

from __future__ import annotations

from homeassistant.helpers.selector import (
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)

from .client.models import Student

PASSWORD_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.PASSWORD, autocomplete="current-password")
)
USERNAME_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.TEXT, autocomplete="username")
)
URL_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.URL))


def students_selector(students: tuple[Student, ...]) -> SelectSelector:
    """A multiple choice of an account's students."""
    return SelectSelector(
        SelectSelectorConfig(
            options=[
                SelectOptionDict(value=student.id, label=_student_label(student))
                for student in students
            ],
            multiple=True,
            mode=SelectSelectorMode.LIST,
        )
    )


def _student_label(student: Student) -> str:
    if student.class_name:
        return f"{student.full_name} ({student.class_name})"
    return student.full_name

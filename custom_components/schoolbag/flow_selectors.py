"""Form selectors and sections shared by the config flow steps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from homeassistant.data_entry_flow import section
from homeassistant.helpers.selector import (
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)
import voluptuous as vol

from .client.models import Student
from .const import CONF_SERVER_URL

# Rarely needed fields (another server, as the demo's simulated school) wait, folded,
# in this section of the form: most users never open it.
ADVANCED_SECTION = "advanced"

PASSWORD_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.PASSWORD, autocomplete="current-password")
)
USERNAME_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.TEXT, autocomplete="username")
)
URL_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.URL))


def with_server_url_section(schema: vol.Schema) -> vol.Schema:
    """``schema`` with a folded "advanced" section holding an optional server URL."""
    advanced = vol.Schema({vol.Optional(CONF_SERVER_URL): URL_SELECTOR})
    return schema.extend({vol.Optional(ADVANCED_SECTION): section(advanced, {"collapsed": True})})


def typed_server_url(user_input: Mapping[str, Any]) -> str | None:
    """The server URL typed in the advanced section, or None when left empty."""
    advanced = user_input.get(ADVANCED_SECTION) or {}
    return (advanced.get(CONF_SERVER_URL) or "").strip() or None


def server_url_suggestion(server_url: str | None) -> dict[str, Any]:
    """Suggested values that show a server URL in the advanced section."""
    return {ADVANCED_SECTION: {CONF_SERVER_URL: server_url or ""}}


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


def followed_option(chosen: Sequence[Student], on_account: Sequence[Student]) -> list[str]:
    """The ``students`` option: the chosen ids, or [] for all children.

    [] also follows the children the school adds to the account later.
    """
    chosen_ids = {student.id for student in chosen}
    if chosen_ids == {student.id for student in on_account}:
        return []
    return [student.id for student in on_account if student.id in chosen_ids]

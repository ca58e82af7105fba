"""Form selectors and sections shared by the config flow steps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
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

from .client.models import Challenge, ChallengeKind, Student
from .const import CONF_ANSWER, CONF_SERVER_URL

type UserInput = dict[str, Any] | None

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
PIN_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.PASSWORD))
CREDENTIALS_SCHEMA = vol.Schema(
    {vol.Required(CONF_USERNAME): USERNAME_SELECTOR, vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR}
)


def without_password(user_input: Mapping[str, Any] | None) -> dict[str, Any]:
    """Typed values to show again after an error: never the password."""
    return {key: value for key, value in (user_input or {}).items() if key != CONF_PASSWORD}


def list_selector(options: list[SelectOptionDict], *, multiple: bool = False) -> SelectSelector:
    """A choice shown as a list."""
    return SelectSelector(
        SelectSelectorConfig(options=options, multiple=multiple, mode=SelectSelectorMode.LIST)
    )


def answer_schema(challenge: Challenge) -> vol.Schema:
    """A choice among the server's propositions, or a field for a PIN.

    A choice is optional so that no answer starts pre-selected: the frontend pre-selects
    the first option of a required list, and the school counts wrong answers.
    """
    if challenge.kind is ChallengeKind.PIN:
        return vol.Schema({vol.Required(CONF_ANSWER): PIN_SELECTOR})
    options = [SelectOptionDict(value=o.value, label=o.label) for o in challenge.options]
    return vol.Schema({vol.Optional(CONF_ANSWER): list_selector(options)})


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
    options = [SelectOptionDict(value=s.id, label=_student_label(s)) for s in students]
    return list_selector(options, multiple=True)


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

"""Form selectors and sections shared by the config flow steps."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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
URL_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.URL))
PIN_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.PASSWORD))
QR_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.TEXT, multiline=True))
USERNAME_SELECTOR = TextSelector(
    TextSelectorConfig(type=TextSelectorType.TEXT, autocomplete="username")
)
CREDENTIALS_SCHEMA = vol.Schema(
    {vol.Required(CONF_USERNAME): USERNAME_SELECTOR, vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR}
)
# The server URL first, as a field of its own: the school's server has no default.
URL_CREDENTIALS_SCHEMA = vol.Schema({vol.Required(CONF_SERVER_URL): URL_SELECTOR}).extend(
    CREDENTIALS_SCHEMA.schema
)


def list_selector(options: Iterable[tuple[str, str]], *, multiple: bool = False) -> SelectSelector:
    """A choice among (value, label) ``options``, shown as a list."""
    choices = [SelectOptionDict(value=value, label=label) for value, label in options]
    return SelectSelector(
        SelectSelectorConfig(options=choices, multiple=multiple, mode=SelectSelectorMode.LIST)
    )


def answer_schema(challenge: Challenge) -> vol.Schema:
    """A choice among the server's propositions, or a field for a PIN.

    A choice is optional so that no answer starts pre-selected: the frontend pre-selects
    the first option of a required list, and the school counts wrong answers.
    """
    if challenge.kind is ChallengeKind.PIN:
        return vol.Schema({vol.Required(CONF_ANSWER): PIN_SELECTOR})
    options = list_selector((option.value, option.label) for option in challenge.options)
    return vol.Schema({vol.Optional(CONF_ANSWER): options})


def with_server_url_section(schema: vol.Schema) -> vol.Schema:
    """``schema`` with a folded "advanced" section holding an optional server URL."""
    advanced = vol.Schema({vol.Optional(CONF_SERVER_URL): URL_SELECTOR})
    return schema.extend({vol.Optional(ADVANCED_SECTION): section(advanced, {"collapsed": True})})


# Username and password, the server URL folded away (most users keep the default server).
CREDENTIALS_FORM = with_server_url_section(CREDENTIALS_SCHEMA)


def typed_server_url(user_input: Mapping[str, Any]) -> str | None:
    """The server URL typed (in its field or the advanced section), or None when left empty."""
    advanced = user_input.get(ADVANCED_SECTION) or {}
    typed = user_input.get(CONF_SERVER_URL) or advanced.get(CONF_SERVER_URL) or ""
    return typed.strip() or None


def server_url_shown(server_url: str | None) -> dict[str, Any]:
    """Values showing ``server_url`` in its field or in the advanced section, as the form has."""
    return {
        CONF_SERVER_URL: server_url or "",
        ADVANCED_SECTION: {CONF_SERVER_URL: server_url or ""},
    }


def students_selector(students: Sequence[Student]) -> SelectSelector:
    """A multiple choice of an account's students (with their class when known)."""
    return list_selector(
        (
            (s.id, f"{s.full_name} ({s.class_name})" if s.class_name else s.full_name)
            for s in students
        ),
        multiple=True,
    )


def followed_option(chosen: Sequence[Student], on_account: Sequence[Student]) -> list[str]:
    """The ``students`` option: the chosen ids, or [] for all children.

    [] also follows the children the school adds to the account later.
    """
    chosen_ids = {student.id for student in chosen}
    if chosen_ids == {student.id for student in on_account}:
        return []
    return [student.id for student in on_account if student.id in chosen_ids]

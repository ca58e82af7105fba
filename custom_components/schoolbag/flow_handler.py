"""What a platform brings to the config flow: its steps, its entry data type, errors, options.

A handler's ``async_step_<id>`` methods are steps of the config flow, which hands each
one to the handler of its platform (flow_platforms.py lists the handlers). The form
pieces all steps share are here too.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any, ClassVar

from homeassistant.config_entries import ConfigFlowResult
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

from .client import SchoolClient, SchoolError
from .client.models import PLATFORM_NAMES, Account, Challenge, ChallengeKind, Student
from .const import (
    CONF_ANSWER,
    CONF_COOKIE,
    CONF_PIN,
    CONF_QR_CODE,
    CONF_SERVER_URL,
    CONF_STUDENTS,
    LOGGER,
)
from .entry_data import EntryData
from .error_keys import ErrorTable, error_keys_for

if TYPE_CHECKING:
    from .config_flow import SchoolbagConfigFlow
    from .coordinator import SchoolbagCoordinator

type UserInput = dict[str, Any] | None
type StepMethod = Callable[[UserInput], Awaitable[ConfigFlowResult]]

# Rarely needed fields (another server, as the demo's simulated school) wait, folded,
# in this section of the form: most users never open it.
ADVANCED_SECTION = "advanced"
# Never filled back into a form.
SECRET_FIELDS = frozenset({CONF_PASSWORD, CONF_COOKIE, CONF_PIN, CONF_QR_CODE})

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


def students_field(students: Sequence[Student], ticked: list[str]) -> dict[vol.Marker, Any]:
    """A multiple choice of an account's students (with their class when known)."""
    labels = (
        (s.id, f"{s.full_name} ({s.class_name})" if s.class_name else s.full_name) for s in students
    )
    return {vol.Required(CONF_STUDENTS, default=ticked): list_selector(labels, multiple=True)}


def ticked_students(user_input: Mapping[str, Any], on_account: Sequence[Student]) -> list[Student]:
    """The students ticked in the form's ``students`` field."""
    return [student for student in on_account if student.id in user_input[CONF_STUDENTS]]


def followed_option(chosen: Sequence[Student], on_account: Sequence[Student]) -> list[str]:
    """The ``students`` option: the chosen ids, or [] for all children.

    [] also follows the children the school adds to the account later.
    """
    chosen_ids = {student.id for student in chosen}
    if chosen_ids == {student.id for student in on_account}:
        return []
    return [student.id for student in on_account if student.id in chosen_ids]


class FormError(Exception):
    """A typed value that cannot work, refused before any login: its error key and field."""

    def __init__(self, key: str, field: str = "base", detail: str = "") -> None:
        super().__init__(key)
        self.key, self.field, self.detail = key, field, detail


def typed_login[LoginT: EntryData](base: LoginT, user_input: Mapping[str, Any]) -> LoginT:
    """``base`` with the login fields of a form's answer; a field left empty keeps its value.

    Text is stripped, but not a password; the server URL may wait in the advanced section.
    """
    names = {item.name for item in fields(base)}
    typed: dict[str, Any] = {}
    for name, value in {**(user_input.get(ADVANCED_SECTION) or {}), **user_input}.items():
        kept = value.strip() if isinstance(value, str) and name != CONF_PASSWORD else value
        if name in names and kept not in ("", None):
            typed[name] = kept
    return replace(base, **typed)


class PlatformHandler:
    """One platform's part of the config flow; the steps all platforms share are the flow's."""

    # The platform's typed login, as its entries store it; it also builds the client.
    data_type: ClassVar[type[EntryData]]
    # Login errors only this platform raises, with their own form messages.
    form_errors: ClassVar[ErrorTable] = ()
    # Whether a parent account picks its children in the shared "students" step.
    picks_students: ClassVar[bool] = True
    # The shared reconfigure form: username, password and server URL.
    reconfigure_form: ClassVar[vol.Schema] = CREDENTIALS_FORM

    def __init__(self, flow: SchoolbagConfigFlow) -> None:
        self.flow = flow

    def show(
        self,
        step_id: str,
        schema: vol.Schema,
        shown: Mapping[str, Any] | None = None,
        errors: dict[str, str] | None = None,
        **placeholders: str,
    ) -> ConfigFlowResult:
        """Show a form with the ``shown`` values (never a secret) filled in.

        A folded section shows the same values as the form (a stored server URL).
        """
        kept = {key: value for key, value in (shown or {}).items() if key not in SECRET_FIELDS}
        return self.flow.async_show_form(
            step_id=step_id,
            data_schema=self.flow.add_suggested_values_to_schema(
                schema, {ADVANCED_SECTION: kept, **kept}
            ),
            errors=errors,
            description_placeholders=placeholders or None,
        )

    async def async_login_form[LoginT: EntryData](
        self,
        step_id: str,
        schema: vol.Schema,
        user_input: UserInput,
        base: LoginT,
        build: Callable[[LoginT, dict[str, Any]], EntryData] | None = None,
        *,
        refused: str = "invalid_auth",
        **placeholders: str,
    ) -> ConfigFlowResult:
        """A form whose answer completes ``base`` into a login: log in, or say why not.

        ``build`` completes it (typed_login unless given), raising FormError for a value
        that cannot work. The form first shows ``base`` (the values a reconfigure keeps);
        ``refused`` is the error of a refused login (a cookie rather than a password).
        """
        errors: dict[str, str] = {}
        if user_input is not None:
            try:
                attempt = (build or typed_login)(base, user_input)
            except FormError as err:
                errors[err.field], self.flow.error_detail = err.key, err.detail
            else:
                if result := await self.flow.async_try_login(attempt, errors):
                    return result
                if errors.get("base") == "invalid_auth":
                    errors["base"] = refused
            if "detail" in placeholders:
                placeholders["detail"] = self.flow.error_detail
        return self.show(step_id, schema, user_input or base.to_dict(), errors, **placeholders)

    async def async_search[T](
        self, search: Awaitable[list[T]], errors: dict[str, str], field: str, none_found: str
    ) -> list[T]:
        """What ``search`` finds; [] with why not in ``errors`` (``none_found`` on ``field``)."""
        try:
            found = await search
        except SchoolError as err:
            LOGGER.debug("Search failed: %s", err)
            errors["base"] = error_keys_for(err, self.form_errors).form
            return []
        if not found:
            errors[field] = none_found
        return found

    async def async_logged_in(
        self, login: EntryData, client: SchoolClient
    ) -> ConfigFlowResult | None:
        """More steps once ``login`` works, or None to finish the flow."""
        return None

    def relogin_step(self, stored: EntryData) -> StepMethod | None:
        """The platform's own step logging ``stored`` in anew, or None for the shared forms."""
        return None

    @staticmethod
    def options_fields(coordinator: SchoolbagCoordinator) -> dict[vol.Marker, Any]:
        """The options this platform adds to the shared ones (students, schedule)."""
        return {}

    def entry_title(self, account: Account, students: list[Student]) -> str:
        """Who logged in, where, and as what: two accounts following one child differ."""
        return f"{account.display_name} ({PLATFORM_NAMES[self.data_type.platform]}, {account.kind})"

"""What a platform brings: its config flow steps, its typed entry data, its errors, its options.

A handler's ``async_step_<id>`` methods are steps of the config flow, which hands each
one to the handler of its platform (flow_platforms.py lists the handlers).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from homeassistant.config_entries import ConfigFlowResult
from homeassistant.const import CONF_PASSWORD
import voluptuous as vol

from .client import SchoolClient
from .client.models import PLATFORM_NAMES, Account, Student
from .client_setup import EntryData
from .error_keys import ErrorTable
from .flow_selectors import CREDENTIALS_FORM, UserInput

if TYPE_CHECKING:
    from .config_flow import SchoolbagConfigFlow


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
    # Whether the options flow offers to show the grades of another semester.
    offers_semester: ClassVar[bool] = False

    def __init__(self, flow: SchoolbagConfigFlow) -> None:
        """Serve ``flow``."""
        self.flow = flow

    def show(
        self,
        step_id: str,
        schema: vol.Schema,
        shown: Mapping[str, Any] | None = None,
        errors: dict[str, str] | None = None,
        **placeholders: str,
    ) -> ConfigFlowResult:
        """Show a form with the ``shown`` values (never a password) filled in."""
        shown = {key: value for key, value in (shown or {}).items() if key != CONF_PASSWORD}
        return self.flow.async_show_form(
            step_id=step_id,
            data_schema=self.flow.add_suggested_values_to_schema(schema, shown),
            errors=errors,
            description_placeholders=placeholders or None,
        )

    async def async_login_form(
        self,
        step_id: str,
        schema: vol.Schema,
        user_input: UserInput,
        login: Callable[[dict[str, Any]], EntryData],
        shown: Mapping[str, Any] | None = None,
        **placeholders: str,
    ) -> ConfigFlowResult:
        """A form whose answer is a login: log in, or show the form again with why not.

        ``shown`` fills the form before any answer (the values a reconfigure keeps).
        """
        errors: dict[str, str] = {}
        if user_input and (result := await self.flow.async_try_login(login(user_input), errors)):
            return result
        return self.show(step_id, schema, user_input or shown, errors, **placeholders)

    async def async_logged_in(
        self, login: EntryData, client: SchoolClient
    ) -> ConfigFlowResult | None:
        """More steps once ``login`` works, or None to finish the flow."""
        return None

    async def async_reauth(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult | None:
        """A step asking for a new proof, or None: retry the stored password, then ask it."""
        return None

    async def async_reconfigure(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult | None:
        """The platform's own reconfigure step, or None for the shared form."""
        return None

    def entry_title(self, account: Account, students: list[Student]) -> str:
        """Who logged in, where, and as what: two accounts following one child differ."""
        return f"{account.display_name} ({PLATFORM_NAMES[self.data_type.platform]}, {account.kind})"

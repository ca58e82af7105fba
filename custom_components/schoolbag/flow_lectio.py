"""Lectio: the school, then a password or a MitID autologin cookie."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from homeassistant.config_entries import ConfigFlowResult
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.selector import TextSelector
import voluptuous as vol

from .client import lectio
from .const import CONF_COOKIE, CONF_SCHOOL, CONF_SCHOOL_ID, LOGIN_COOKIE
from .entry_data import EntryData
from .entry_data.lectio import LectioData
from .error_keys import ErrorKeys
from .flow_handler import (
    CREDENTIALS_SCHEMA,
    PASSWORD_SELECTOR,
    PlatformHandler,
    StepMethod,
    UserInput,
    list_selector,
    typed_login,
    with_server_url_section,
)

# Shown in the steps' help texts (strings hold no URLs: hassfest's rule).
LECTIO_HOST = "www.lectio.dk"
LECTIO_EXAMPLE_URL = "https://www.lectio.dk/lectio/680/login.aspx"
# More matches than this: ask for a more precise name rather than show a huge list.
MAX_SCHOOLS_SHOWN = 30
SCHOOL_FORM = with_server_url_section(vol.Schema({vol.Required(CONF_SCHOOL): TextSelector()}))
COOKIE_FORM = vol.Schema({vol.Required(CONF_COOKIE): PASSWORD_SELECTOR})


class LectioHandler(PlatformHandler):
    """The Lectio steps."""

    data_type = LectioData
    form_errors = (
        (lectio.MitIdOnlyError, ErrorKeys("not_supported", "mitid_only")),
        (lectio.UnknownSchoolError, ErrorKeys("invalid_auth", "unknown_school")),
        (lectio.AccountLockedError, ErrorKeys("rate_limited", "account_locked")),
    )
    draft = LectioData()
    schools: list[lectio.School]

    async def async_step_lectio(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Find the school by name, number or Lectio address."""
        errors: dict[str, str] = {}
        if user_input is not None:
            self.draft = typed_login(LectioData(), user_input)
            found = await self._async_find(user_input[CONF_SCHOOL].strip(), errors)
            if len(found) == 1:
                return await self._async_school_chosen(found[0].id)
            if found:
                self.schools = found
                return await self.async_step_lectio_school()
        placeholders = {"lectio_example_url": LECTIO_EXAMPLE_URL}
        return self.show("lectio", SCHOOL_FORM, user_input, errors, **placeholders)

    async def _async_find(self, query: str, errors: dict[str, str]) -> list[lectio.School]:
        """The school a number or address names, or those whose name matches (not too many)."""
        with suppress(ValueError):
            return [lectio.School(id=lectio.school_id_from(query), name=query)]
        session = async_get_clientsession(self.flow.hass)
        url = self.draft.server_url or lectio.DEFAULT_BASE_URL
        search = lectio.search_schools(session, query, url)
        found = await self.async_search(search, errors, CONF_SCHOOL, "school_not_found")
        if len(found) <= MAX_SCHOOLS_SHOWN:
            return found
        errors[CONF_SCHOOL] = "too_many_schools"
        return []

    async def _async_school_chosen(self, school_id: str) -> ConfigFlowResult:
        self.draft = replace(self.draft, school_id=school_id)
        return await self.async_step_lectio_login()

    async def async_step_lectio_school(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Pick the school among those whose name matched."""
        if user_input is not None:
            return await self._async_school_chosen(user_input[CONF_SCHOOL_ID])
        picker = list_selector((school.id, school.name) for school in self.schools)
        return self.show("lectio_school", vol.Schema({vol.Required(CONF_SCHOOL_ID): picker}))

    async def async_step_lectio_login(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Choose between the Lectio password and the MitID autologin cookie."""
        options = ["lectio_password", "lectio_cookie"]
        return self.flow.async_show_menu(step_id="lectio_login", menu_options=options)

    async def async_step_lectio_password(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in with the Lectio username and password."""
        return await self.async_login_form(
            "lectio_password", CREDENTIALS_SCHEMA, user_input, self.draft
        )

    async def async_step_lectio_cookie(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in with the autologin cookie of a browser signed in with MitID.

        Also the reauth and reconfigure step of cookie accounts: the entry's school is kept.
        """
        login = replace(self.draft, login_mode=LOGIN_COOKIE)
        # There is no username or password here: the cookie is what was refused.
        return await self.async_login_form(
            "lectio_cookie",
            COOKIE_FORM,
            user_input,
            login,
            refused="invalid_cookie",
            lectio_host=LECTIO_HOST,
        )

    def relogin_step(self, stored: EntryData) -> StepMethod | None:
        """A MitID account has no password: it needs a new autologin cookie."""
        assert isinstance(stored, LectioData)
        self.draft = stored
        return self.async_step_lectio_cookie if stored.login_mode == LOGIN_COOKIE else None

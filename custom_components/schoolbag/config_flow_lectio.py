"""Config flow steps of Lectio: the school, then a password or a MitID autologin cookie."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.selector import (
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
)
import voluptuous as vol

from .client import SchoolError
from .client.lectio import DEFAULT_BASE_URL, School, school_id_from, search_schools
from .client.models import SchoolPlatform
from .const import (
    CONF_COOKIE,
    CONF_LOGIN_MODE,
    CONF_SCHOOL,
    CONF_SCHOOL_ID,
    CONF_SERVER_URL,
    LOGGER,
    LOGIN_COOKIE,
    LOGIN_PASSWORD,
)
from .flow_selectors import (
    PASSWORD_SELECTOR,
    USERNAME_SELECTOR,
    typed_server_url,
    with_server_url_section,
)

# Shown in the steps' help texts (strings hold no URLs: hassfest's rule).
LECTIO_HOST = "www.lectio.dk"
LECTIO_EXAMPLE_URL = "https://www.lectio.dk/lectio/680/login.aspx"
# More matches than this: ask for a more precise name rather than show a huge list.
MAX_SCHOOLS_SHOWN = 30


class LectioSteps(ConfigFlow):
    """The Lectio steps; SchoolbagConfigFlow adds the shared login and finishing steps."""

    _platform: SchoolPlatform | None
    _login: dict[str, Any]
    _schools: list[School]

    async def _async_try_login(self, errors: dict[str, str]) -> ConfigFlowResult | None:
        """Log in with ``self._login`` (implemented by SchoolbagConfigFlow)."""
        raise NotImplementedError

    async def async_step_lectio(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Find the school by name, number or Lectio address."""
        self._platform = SchoolPlatform.LECTIO
        errors: dict[str, str] = {}
        if user_input is not None:
            self._login = {CONF_SERVER_URL: typed_server_url(user_input)}
            query = user_input[CONF_SCHOOL].strip()
            try:
                self._login[CONF_SCHOOL_ID] = school_id_from(query)
            except ValueError:
                return await self._async_search(query, user_input, errors)
            return await self.async_step_lectio_login()
        return self._show_school_form(user_input, errors)

    async def _async_search(
        self, query: str, user_input: dict[str, Any], errors: dict[str, str]
    ) -> ConfigFlowResult:
        session = async_get_clientsession(self.hass)
        try:
            found = await search_schools(
                session, query, self._login[CONF_SERVER_URL] or DEFAULT_BASE_URL
            )
        except SchoolError as err:
            LOGGER.debug("Lectio school search failed: %s", err)
            errors["base"] = "cannot_connect"
            return self._show_school_form(user_input, errors)
        if not found:
            errors[CONF_SCHOOL] = "school_not_found"
        elif len(found) > MAX_SCHOOLS_SHOWN:
            errors[CONF_SCHOOL] = "too_many_schools"
        elif len(found) == 1:
            self._login[CONF_SCHOOL_ID] = found[0].id
            return await self.async_step_lectio_login()
        else:
            self._schools = found
            return await self.async_step_lectio_school()
        return self._show_school_form(user_input, errors)

    def _show_school_form(
        self, user_input: dict[str, Any] | None, errors: dict[str, str]
    ) -> ConfigFlowResult:
        schema = with_server_url_section(vol.Schema({vol.Required(CONF_SCHOOL): TextSelector()}))
        return self.async_show_form(
            step_id="lectio",
            data_schema=self.add_suggested_values_to_schema(schema, user_input or {}),
            errors=errors,
            description_placeholders={"lectio_example_url": LECTIO_EXAMPLE_URL},
        )

    async def async_step_lectio_school(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick the school among those whose name matched."""
        if user_input is not None:
            self._login[CONF_SCHOOL_ID] = user_input[CONF_SCHOOL_ID]
            return await self.async_step_lectio_login()
        options = [SelectOptionDict(value=school.id, label=school.name) for school in self._schools]
        schema = vol.Schema(
            {
                vol.Required(CONF_SCHOOL_ID): SelectSelector(
                    SelectSelectorConfig(options=options, mode=SelectSelectorMode.LIST)
                )
            }
        )
        return self.async_show_form(step_id="lectio_school", data_schema=schema)

    async def async_step_lectio_login(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose between the Lectio password and the MitID autologin cookie."""
        return self.async_show_menu(
            step_id="lectio_login", menu_options=["lectio_password", "lectio_cookie"]
        )

    async def async_step_lectio_password(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Log in with the Lectio username and password."""
        self._platform = SchoolPlatform.LECTIO
        errors: dict[str, str] = {}
        if user_input is not None:
            self._login.update(
                {
                    CONF_USERNAME: user_input[CONF_USERNAME].strip(),
                    CONF_PASSWORD: user_input[CONF_PASSWORD],
                    CONF_LOGIN_MODE: LOGIN_PASSWORD,
                }
            )
            if (result := await self._async_try_login(errors)) is not None:
                return result
        schema = vol.Schema(
            {
                vol.Required(CONF_USERNAME): USERNAME_SELECTOR,
                vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR,
            }
        )
        suggested = {k: v for k, v in (user_input or {}).items() if k != CONF_PASSWORD}
        return self.async_show_form(
            step_id="lectio_password",
            data_schema=self.add_suggested_values_to_schema(schema, suggested),
            errors=errors,
        )

    async def async_step_lectio_cookie(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Log in with the autologin cookie of a browser signed in with MitID.

        Also the reauth step of cookie accounts: the entry's school is kept.
        """
        self._platform = SchoolPlatform.LECTIO
        errors: dict[str, str] = {}
        if user_input is not None:
            self._login.update(
                {
                    CONF_USERNAME: "",
                    CONF_PASSWORD: user_input[CONF_COOKIE].strip(),
                    CONF_LOGIN_MODE: LOGIN_COOKIE,
                }
            )
            if (result := await self._async_try_login(errors)) is not None:
                return result
            if errors.get("base") == "invalid_auth":
                # There is no username or password here: the cookie is what was refused.
                errors["base"] = "invalid_cookie"
        schema = vol.Schema({vol.Required(CONF_COOKIE): PASSWORD_SELECTOR})
        return self.async_show_form(
            step_id="lectio_cookie",
            data_schema=schema,
            errors=errors,
            description_placeholders={"lectio_host": LECTIO_HOST},
        )

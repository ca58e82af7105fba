"""Config flow steps of Pronote: password, QR code or ENT login."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
)
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.helpers.selector import TextSelector, TextSelectorConfig, TextSelectorType
import voluptuous as vol

from .client import NotSupportedError, SchoolError
from .client.models import SchoolPlatform
from .client.pronote import detect_ent, is_pronote_home, normalize_pronote_url, read_qr_code
from .const import (
    CONF_DEVICE_NAME,
    CONF_LOGIN_MODE,
    CONF_PIN,
    CONF_QR_CODE,
    CONF_SERVER_URL,
    LOGIN_ENT,
    LOGIN_PASSWORD,
    LOGIN_QR,
    LOGIN_TOKEN,
)
from .flow_selectors import PASSWORD_SELECTOR, URL_SELECTOR, USERNAME_SELECTOR

DEFAULT_DEVICE_NAME = "Home Assistant"
# Shown in the address field's help (strings hold no URLs: hassfest's rule).
PRONOTE_EXAMPLE_URL = "https://0123456a.index-education.net/pronote/eleve.html"
QR_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.TEXT, multiline=True))
PIN_SELECTOR = TextSelector(TextSelectorConfig(type=TextSelectorType.PASSWORD))


def check_pronote_url(url: str, errors: dict[str, str], placeholders: dict[str, str]) -> bool:
    """Whether ``url`` is a Pronote space page; otherwise say why in ``errors``."""
    try:
        normalize_pronote_url(url)
    except NotSupportedError as err:
        errors["base"] = "ent_not_supported"
        placeholders["detail"] = str(err)
        return False
    except ValueError:
        errors[CONF_SERVER_URL] = "pronote_page_missing" if is_pronote_home(url) else "invalid_url"
        return False
    return True


class PronoteSteps(ConfigFlow):
    """The Pronote steps; SchoolbagConfigFlow adds the shared login and finishing steps."""

    _platform: SchoolPlatform | None
    _login: dict[str, Any]
    _last_error: SchoolError | None

    async def _async_try_login(self, errors: dict[str, str]) -> ConfigFlowResult | None:
        """Log in with ``self._login`` (implemented by SchoolbagConfigFlow)."""
        raise NotImplementedError

    async def async_step_pronote(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose how to log in to Pronote."""
        self._platform = SchoolPlatform.PRONOTE
        return self.async_show_menu(
            step_id="pronote", menu_options=["pronote_password", "pronote_qr", "pronote_ent"]
        )

    async def async_step_pronote_password(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Log in with a Pronote username and password."""
        return await self._async_pronote_credentials("pronote_password", LOGIN_PASSWORD, user_input)

    async def async_step_pronote_ent(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Log in through the school's ENT (CAS) with its username and password."""
        return await self._async_pronote_credentials("pronote_ent", LOGIN_ENT, user_input)

    async def _async_pronote_credentials(
        self, step_id: str, mode: str, user_input: dict[str, Any] | None
    ) -> ConfigFlowResult:
        self._platform = SchoolPlatform.PRONOTE
        errors: dict[str, str] = {}
        placeholders = {"detail": "", "pronote_example_url": PRONOTE_EXAMPLE_URL}
        if user_input is not None:
            url = user_input[CONF_SERVER_URL].strip()
            if mode == LOGIN_PASSWORD and (ent := detect_ent(url)) is not None:
                # An ENT address: the password of Pronote itself will not work there.
                errors["base"] = "ent_url"
                placeholders["detail"] = ent
            elif check_pronote_url(url, errors, placeholders):
                self._login = {
                    CONF_USERNAME: user_input[CONF_USERNAME].strip(),
                    CONF_PASSWORD: user_input[CONF_PASSWORD],
                    CONF_SERVER_URL: url,
                    CONF_LOGIN_MODE: mode,
                    CONF_DEVICE_NAME: user_input.get(CONF_DEVICE_NAME) or DEFAULT_DEVICE_NAME,
                }
                if (result := await self._async_try_login(errors)) is not None:
                    return result
                if errors.get("base") == "ent_not_supported":
                    placeholders["detail"] = str(self._last_error)
        schema = vol.Schema(
            {
                vol.Required(CONF_SERVER_URL): URL_SELECTOR,
                vol.Required(CONF_USERNAME): USERNAME_SELECTOR,
                vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR,
                vol.Required(CONF_DEVICE_NAME, default=DEFAULT_DEVICE_NAME): str,
            }
        )
        if user_input is None and self.source == SOURCE_RECONFIGURE:
            user_input = dict(self._get_reconfigure_entry().data)
        suggested = {
            key: (user_input or {}).get(key)
            for key in (CONF_SERVER_URL, CONF_USERNAME, CONF_DEVICE_NAME)
            if (user_input or {}).get(key)
        }
        return self.async_show_form(
            step_id=step_id,
            data_schema=self.add_suggested_values_to_schema(schema, suggested),
            errors=errors,
            description_placeholders=placeholders,
        )

    async def _async_reconfigure_pronote(self, entry: ConfigEntry) -> ConfigFlowResult:
        """Show the form of the entry's own login mode, filled in."""
        mode = entry.data.get(CONF_LOGIN_MODE)
        if mode == LOGIN_TOKEN:
            return await self.async_step_pronote_qr()
        if mode == LOGIN_ENT:
            return await self._async_pronote_credentials("pronote_ent", LOGIN_ENT, None)
        return await self._async_pronote_credentials("pronote_password", LOGIN_PASSWORD, None)

    async def async_step_pronote_qr(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Log in with the QR code of the Pronote app and its 4-digit code."""
        self._platform = SchoolPlatform.PRONOTE
        errors: dict[str, str] = {}
        if user_input is not None:
            qr_text = user_input[CONF_QR_CODE].strip()
            try:
                qr_code = read_qr_code(qr_text)
            except ValueError:
                errors[CONF_QR_CODE] = "invalid_qr_code"
            else:
                self._login = {
                    CONF_USERNAME: "",
                    CONF_PASSWORD: user_input[CONF_PIN].strip(),
                    CONF_SERVER_URL: qr_code.url,
                    CONF_LOGIN_MODE: LOGIN_QR,
                    CONF_DEVICE_NAME: user_input.get(CONF_DEVICE_NAME) or DEFAULT_DEVICE_NAME,
                    CONF_QR_CODE: qr_text,
                }
                if (result := await self._async_try_login(errors)) is not None:
                    return result
        schema = vol.Schema(
            {
                vol.Required(CONF_QR_CODE): QR_SELECTOR,
                vol.Required(CONF_PIN): PIN_SELECTOR,
                vol.Required(CONF_DEVICE_NAME, default=DEFAULT_DEVICE_NAME): str,
            }
        )
        return self.async_show_form(step_id="pronote_qr", data_schema=schema, errors=errors)

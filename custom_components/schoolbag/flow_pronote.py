"""Pronote: a password, the QR code of the mobile app, or the school's ENT."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from homeassistant.config_entries import ConfigFlowResult
import voluptuous as vol

from .client import NotSupportedError, pronote
from .const import (
    CONF_DEVICE_NAME,
    CONF_PIN,
    CONF_QR_CODE,
    CONF_SERVER_URL,
    DEFAULT_DEVICE_NAME,
    LOGIN_ENT,
    LOGIN_PASSWORD,
    LOGIN_QR,
    LOGIN_TOKEN,
)
from .entry_data import EntryData
from .entry_data.pronote import PronoteData
from .error_keys import ErrorKeys
from .flow_handler import (
    PIN_SELECTOR,
    QR_SELECTOR,
    URL_CREDENTIALS_SCHEMA,
    FormError,
    PlatformHandler,
    StepMethod,
    UserInput,
    typed_login,
)

# Shown in the address field's help (strings hold no URLs: hassfest's rule).
PRONOTE_EXAMPLE_URL = "https://0123456a.index-education.net/pronote/eleve.html"
# The help of the address and credentials form; ``detail`` names a refused address.
CREDENTIALS_HELP = {"detail": "", "pronote_example_url": PRONOTE_EXAMPLE_URL}
DEVICE_NAME_FIELD = {vol.Required(CONF_DEVICE_NAME, default=DEFAULT_DEVICE_NAME): str}
CREDENTIALS_FORM = URL_CREDENTIALS_SCHEMA.extend(DEVICE_NAME_FIELD)
QR_FORM = vol.Schema(
    {vol.Required(CONF_QR_CODE): QR_SELECTOR, vol.Required(CONF_PIN): PIN_SELECTOR}
).extend(DEVICE_NAME_FIELD)


class PronoteHandler(PlatformHandler):
    """The Pronote steps."""

    data_type = PronoteData
    form_errors = ((pronote.EntNotSupportedError, ErrorKeys("not_supported", "ent_not_supported")),)
    draft = PronoteData()

    async def async_step_pronote(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Choose how to log in to Pronote."""
        options = ["pronote_password", "pronote_qr", "pronote_ent"]
        return self.flow.async_show_menu(step_id="pronote", menu_options=options)

    async def async_step_pronote_password(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in with a Pronote username and password."""
        return await self._async_credentials("pronote_password", LOGIN_PASSWORD, user_input)

    async def async_step_pronote_ent(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in through the school's ENT (CAS) with its username and password."""
        return await self._async_credentials("pronote_ent", LOGIN_ENT, user_input)

    async def _async_credentials(
        self, step_id: str, mode: str, user_input: UserInput
    ) -> ConfigFlowResult:
        login = replace(self.draft, login_mode=mode)
        return await self.async_login_form(
            step_id, CREDENTIALS_FORM, user_input, login, _checked_login, **CREDENTIALS_HELP
        )

    async def async_step_pronote_qr(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in with the QR code of the Pronote app and its 4-digit code."""
        return await self.async_login_form("pronote_qr", QR_FORM, user_input, self.draft, _qr_login)

    def relogin_step(self, stored: EntryData) -> StepMethod:
        """The form of the entry's own login mode, filled in; a token needs a new QR code."""
        assert isinstance(stored, PronoteData)
        self.draft = stored
        if stored.login_mode == LOGIN_TOKEN:
            return self.async_step_pronote_qr
        if stored.login_mode == LOGIN_ENT:
            return self.async_step_pronote_ent
        return self.async_step_pronote_password


def _qr_login(base: PronoteData, user_input: dict[str, Any]) -> PronoteData:
    """``base`` logging in with the QR code typed, on the server the QR code names."""
    try:
        qr_code = pronote.read_qr_code(user_input[CONF_QR_CODE].strip())
    except ValueError as err:
        raise FormError("invalid_qr_code", CONF_QR_CODE) from err
    return typed_login(replace(base, login_mode=LOGIN_QR, server_url=qr_code.url), user_input)


def _checked_login(base: PronoteData, user_input: dict[str, Any]) -> PronoteData:
    """``base`` with the typed login once its address is a Pronote page for its login mode."""
    url = user_input[CONF_SERVER_URL].strip()
    if base.login_mode == LOGIN_PASSWORD and (ent := pronote.detect_ent(url)) is not None:
        # An ENT address: the password of Pronote itself will not work there.
        raise FormError("ent_url", detail=ent)
    try:
        pronote.normalize_pronote_url(url)
    except NotSupportedError as err:
        raise FormError("ent_not_supported", detail=str(err)) from err
    except ValueError as err:
        missing = pronote.is_pronote_home(url)
        key = "pronote_page_missing" if missing else "invalid_url"
        raise FormError(key, CONF_SERVER_URL) from err
    return typed_login(base, user_input)

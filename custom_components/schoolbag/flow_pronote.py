"""Pronote: a password, the QR code of the mobile app, or the school's ENT."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Self

from aiohttp import ClientSession
from homeassistant.config_entries import ConfigFlowResult
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
import voluptuous as vol

from .client import NotSupportedError, pronote
from .client.models import SchoolPlatform
from .client_setup import TRANSIENT, ClientContext, EntryData
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
from .error_keys import ErrorKeys
from .flow_handler import PlatformHandler
from .flow_selectors import PIN_SELECTOR, QR_SELECTOR, URL_CREDENTIALS_SCHEMA, UserInput

# Shown in the address field's help (strings hold no URLs: hassfest's rule).
PRONOTE_EXAMPLE_URL = "https://0123456a.index-education.net/pronote/eleve.html"
DEVICE_NAME_FIELD = {vol.Required(CONF_DEVICE_NAME, default=DEFAULT_DEVICE_NAME): str}
CREDENTIALS_FORM = URL_CREDENTIALS_SCHEMA.extend(DEVICE_NAME_FIELD)
QR_FORM = vol.Schema(
    {vol.Required(CONF_QR_CODE): QR_SELECTOR, vol.Required(CONF_PIN): PIN_SELECTOR}
).extend(DEVICE_NAME_FIELD)


@dataclass(kw_only=True, frozen=True)
class PronoteData(EntryData):
    """A Pronote login; a QR-code login is kept as the token in ``trust``, not its PIN."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.PRONOTE
    login_mode: str = LOGIN_PASSWORD
    device_name: str = DEFAULT_DEVICE_NAME
    qr_code: str = field(default="", metadata={TRANSIENT: True})
    pin: str = field(default="", metadata={TRANSIENT: True})

    def stored(self) -> Self:
        """A QR-code login is kept as the token it earned."""
        if self.login_mode != LOGIN_QR:
            return self
        return replace(self, login_mode=LOGIN_TOKEN, username="", password="", qr_code="", pin="")

    def secret(self) -> str:
        """A QR-code login sends its PIN where others send the password."""
        return self.pin if self.login_mode == LOGIN_QR else self.password

    def client(self, session: ClientSession, context: ClientContext) -> pronote.PronoteClient:
        """The client of the Pronote page, under the name Pronote lists the device with."""
        return pronote.PronoteClient(
            session,
            self.credentials(),
            url=self.server_url or "",
            login_mode=self.login_mode,
            device_name=self.device_name,
            qr_code=self.qr_code or None,
            on_trust_change=context.on_trust_change,
        )


def check_pronote_url(url: str, mode: str, errors: dict[str, str], detail: dict[str, str]) -> bool:
    """Whether ``url`` is a Pronote space page for ``mode``; otherwise say why in ``errors``."""
    if mode == LOGIN_PASSWORD and (ent := pronote.detect_ent(url)) is not None:
        # An ENT address: the password of Pronote itself will not work there.
        errors["base"], detail["detail"] = "ent_url", ent
        return False
    try:
        pronote.normalize_pronote_url(url)
    except NotSupportedError as err:
        errors["base"], detail["detail"] = "ent_not_supported", str(err)
    except ValueError:
        missing = pronote.is_pronote_home(url)
        errors[CONF_SERVER_URL] = "pronote_page_missing" if missing else "invalid_url"
    else:
        return True
    return False


class PronoteHandler(PlatformHandler):
    """The Pronote steps."""

    data_type = PronoteData
    form_errors = ((pronote.EntNotSupportedError, ErrorKeys("not_supported", "ent_not_supported")),)

    async def async_step_pronote(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Choose how to log in to Pronote."""
        options = ["pronote_password", "pronote_qr", "pronote_ent"]
        return self.flow.async_show_menu(step_id="pronote", menu_options=options)

    async def async_step_pronote_password(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in with a Pronote username and password."""
        return await self._async_credentials(LOGIN_PASSWORD, user_input)

    async def async_step_pronote_ent(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in through the school's ENT (CAS) with its username and password."""
        return await self._async_credentials(LOGIN_ENT, user_input)

    async def _async_credentials(
        self, mode: str, user_input: UserInput, stored: Mapping[str, Any] | None = None
    ) -> ConfigFlowResult:
        errors: dict[str, str] = {}
        placeholders = {"detail": "", "pronote_example_url": PRONOTE_EXAMPLE_URL}
        url = (user_input or {}).get(CONF_SERVER_URL, "").strip()
        if user_input is not None and check_pronote_url(url, mode, errors, placeholders):
            login = PronoteData(
                username=user_input[CONF_USERNAME].strip(),
                password=user_input[CONF_PASSWORD],
                server_url=url,
                login_mode=mode,
                device_name=user_input.get(CONF_DEVICE_NAME) or DEFAULT_DEVICE_NAME,
            )
            if result := await self.flow.async_try_login(login, errors):
                return result
            if errors.get("base") == "ent_not_supported":
                placeholders["detail"] = str(self.flow.last_error)
        step_id = "pronote_ent" if mode == LOGIN_ENT else "pronote_password"
        shown = {key: value for key, value in (user_input or stored or {}).items() if value}
        return self.show(step_id, CREDENTIALS_FORM, shown, errors, **placeholders)

    async def async_reauth(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult | None:
        """A QR-code account has no password: it needs a new QR code."""
        if PronoteData.from_dict(entry_data).login_mode == LOGIN_TOKEN:
            return await self.async_step_pronote_qr()
        return None

    async def async_reconfigure(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult:
        """Show the form of the entry's own login mode, filled in."""
        if (mode := PronoteData.from_dict(entry_data).login_mode) == LOGIN_TOKEN:
            return await self.async_step_pronote_qr()
        return await self._async_credentials(mode, None, entry_data)

    async def async_step_pronote_qr(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Log in with the QR code of the Pronote app and its 4-digit code."""
        errors: dict[str, str] = {}
        if user_input is not None:
            qr_text = user_input[CONF_QR_CODE].strip()
            try:
                qr_code = pronote.read_qr_code(qr_text)
            except ValueError:
                errors[CONF_QR_CODE] = "invalid_qr_code"
            else:
                login = PronoteData(
                    server_url=qr_code.url,
                    login_mode=LOGIN_QR,
                    device_name=user_input.get(CONF_DEVICE_NAME) or DEFAULT_DEVICE_NAME,
                    qr_code=qr_text,
                    pin=user_input[CONF_PIN].strip(),
                )
                if result := await self.flow.async_try_login(login, errors):
                    return result
        return self.show("pronote_qr", QR_FORM, errors=errors)

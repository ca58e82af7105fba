"""Config flow: platform, login, double-auth question, children; reauth and reconfigure.

Each platform's own steps come from its handler (flow_platforms.py); the steps all
platforms share live here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from aiohttp import ClientSession
from homeassistant.config_entries import (
    SOURCE_REAUTH,
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
)
from homeassistant.const import CONF_PASSWORD, CONF_VERIFY_SSL
from homeassistant.core import callback
import voluptuous as vol

from .client import ChallengeFailedError, DoubleAuthRequiredError, SchoolClient, SchoolError
from .client.models import Account, AccountKind, Challenge, SchoolPlatform, Student
from .client_setup import school_session
from .const import CONF_ANSWER, CONF_STUDENTS, CONF_TRUST, DOMAIN, ENTRY_VERSION, LOGGER
from .entry_data import ClientContext, EntryData
from .error_keys import UNEXPECTED, error_keys_for, error_reason
from .flow_handler import (
    PASSWORD_SELECTOR,
    PlatformHandler,
    StepMethod,
    UserInput,
    answer_schema,
    followed_option,
    students_field,
    ticked_students,
)
from .flow_platforms import PLATFORM_HANDLERS, STEP_PLATFORMS, STEP_PREFIX, stored_login
from .options_flow import SchoolbagOptionsFlow

PASSWORD_FORM = vol.Schema({vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR})


class SchoolbagConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a school account."""

    VERSION = ENTRY_VERSION
    MINOR_VERSION = 1

    def __init__(self) -> None:
        self._handler: PlatformHandler | None = None
        self._login: EntryData | None = None
        self._client: SchoolClient | None = None
        self._challenge: Challenge | None = None
        self._account: Account | None = None
        # What the last refusal named (an ENT, an error), for messages that show it.
        self.error_detail = ""
        # One HTTP session (cookie jar) per flow and certificate setting, not per attempt.
        self._sessions: dict[bool, ClientSession] = {}

    def __getattr__(self, name: str) -> StepMethod:
        """A platform's own step: the handler of its platform answers it."""
        platform = STEP_PLATFORMS.get(name.removeprefix(STEP_PREFIX))
        if not name.startswith(STEP_PREFIX) or platform is None:
            raise AttributeError(name)
        step: StepMethod = getattr(self._handler_for(platform), name)
        return step

    def _handler_for(self, platform: SchoolPlatform) -> PlatformHandler:
        if self._handler is None or self._handler.data_type.platform is not platform:
            self._handler = PLATFORM_HANDLERS[platform](self)
        return self._handler

    @property
    def platform_handler(self) -> PlatformHandler:
        """The handler of the platform chosen (every step after the menu has one)."""
        assert self._handler is not None
        return self._handler

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> SchoolbagOptionsFlow:
        """Choose which students an account follows."""
        return SchoolbagOptionsFlow()

    async def async_step_user(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Pick the school platform."""
        return self.async_show_menu(step_id="user", menu_options=list(PLATFORM_HANDLERS))

    def flow_client(self, login: EntryData) -> SchoolClient:
        """A client for ``login`` on the flow's session for its certificate setting."""
        data = login.to_dict()
        verify_ssl = bool(data.get(CONF_VERIFY_SSL, True))
        if verify_ssl not in self._sessions:
            self._sessions[verify_ssl] = school_session(self.hass, data, auto_cleanup=False)
        return login.client(self._sessions[verify_ssl], ClientContext())

    @callback
    def async_remove(self) -> None:
        """Release the flow's HTTP sessions, however the flow ended."""
        for session in self._sessions.values():
            session.detach()
        self._sessions.clear()

    def _existing_entry(self) -> ConfigEntry | None:
        """The entry a reauth or reconfigure flow logs in again; None when adding one."""
        if self.source == SOURCE_REAUTH:
            return self._get_reauth_entry()
        return self._get_reconfigure_entry() if self.source == SOURCE_RECONFIGURE else None

    async def async_try_login(
        self, login: EntryData, errors: dict[str, str]
    ) -> ConfigFlowResult | None:
        """Log in with ``login``: the next step, or None with why not in ``errors``."""
        trust: dict[str, str] = {}
        if (entry := self._existing_entry()) and not login.replaces_trust():
            trust = entry.data.get(CONF_TRUST) or {}
        self._login = replace(login, trust=trust)
        return await self._async_attempt(self._async_new_login, errors)

    async def _async_new_login(self) -> Account:
        assert self._login is not None
        self._client = self.flow_client(self._login)
        return await self._client.login()

    async def _async_attempt(
        self, call: Callable[[], Awaitable[Account]], errors: dict[str, str]
    ) -> ConfigFlowResult | None:
        """Log in or answer the question: the next step, or None with why not in ``errors``."""
        try:
            self._account = await call()
        except DoubleAuthRequiredError as err:
            self._challenge = err.challenge
            return self._challenge_form(errors)
        except ChallengeFailedError:
            errors["base"] = "challenge_failed"
        except SchoolError as err:
            key = error_keys_for(err, self.platform_handler.form_errors).form
            if key == UNEXPECTED.form:
                LOGGER.error("Unexpected error from the school: %s", error_reason(err))
            errors["base"], self.error_detail = key, error_reason(err)
        except Exception:
            LOGGER.exception("Unexpected error while logging in")
            errors["base"] = "unknown"
        else:
            return await self._async_account_ready()
        return None

    async def async_step_challenge(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Answer the school's double-authentication question."""
        assert self._client is not None
        errors: dict[str, str] = {}
        if user_input is not None and not user_input.get(CONF_ANSWER):
            errors["base"] = "no_answer"
        elif user_input is not None:
            answer = partial(self._client.answer_challenge, user_input[CONF_ANSWER])
            if result := await self._async_attempt(answer, errors):
                return result
            # A refused answer ends the attempt: ask the server for a new question.
            if errors["base"] == "challenge_failed" and (
                result := await self._async_attempt(self._client.login, errors)
            ):
                return result
        return self._challenge_form(errors)

    def _challenge_form(self, errors: dict[str, str]) -> ConfigFlowResult:
        assert self._challenge is not None
        return self.async_show_form(
            step_id="challenge",
            data_schema=answer_schema(self._challenge),
            errors=errors,
            description_placeholders={"question": self._challenge.question},
        )

    async def _async_account_ready(self) -> ConfigFlowResult:
        """Logged in: finish the user, reauth or reconfigure flow."""
        assert self._login is not None
        assert self._client is not None
        assert self._account is not None
        if more_steps := await self.platform_handler.async_logged_in(self._login, self._client):
            return more_steps
        await self.async_set_unique_id(f"{self._login.platform}_{self._account.id}")
        if entry := self._existing_entry():
            self._abort_if_unique_id_mismatch()
            return self.async_update_reload_and_abort(entry, data=self._entry_data())
        self._abort_if_unique_id_configured()
        students = self._account.students
        parent = self._account.kind is AccountKind.PARENT
        if self.platform_handler.picks_students and parent and len(students) > 1:
            return await self.async_step_students()
        return self._async_create(list(students))

    def _entry_data(self) -> dict[str, Any]:
        assert self._login is not None
        assert self._client is not None
        return replace(self._login.stored(), trust=self._client.trust).to_dict()

    async def async_step_students(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Choose which children to follow."""
        assert self._account is not None
        students = self._account.students
        if user_input is not None and (chosen := ticked_students(user_input, students)):
            return self._async_create(chosen)
        errors = {} if user_input is None else {"base": "no_students"}
        schema = vol.Schema(students_field(students, [student.id for student in students]))
        return self.async_show_form(step_id="students", data_schema=schema, errors=errors)

    def _async_create(self, students: list[Student]) -> ConfigFlowResult:
        assert self._account is not None
        return self.async_create_entry(
            title=self.platform_handler.entry_title(self._account, students),
            data=self._entry_data(),
            options={CONF_STUDENTS: followed_option(students, self._account.students)},
        )

    async def async_step_reauth(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult:
        """The stored password or double-auth trust stopped working."""
        stored = stored_login(entry_data)
        handler = self._handler_for(stored.platform)
        # A login without a password (a QR-code token, a MitID cookie) needs its own proof.
        if not stored.password and (step := handler.relogin_step(stored)):
            return await step(None)
        # The stored password may still be right: the school may only want its security
        # question answered again. Ask for a password only once the school refuses it.
        if result := await self.async_try_login(stored, {}):
            return result
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Ask for the password again."""
        stored = stored_login(self._get_reauth_entry().data)
        return await self.platform_handler.async_login_form(
            "reauth_confirm", PASSWORD_FORM, user_input, stored, username=stored.username
        )

    async def async_step_reconfigure(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Change the username, password or server of an account."""
        stored = stored_login(self._get_reconfigure_entry().data)
        handler = self._handler_for(stored.platform)
        if user_input is None and (step := handler.relogin_step(stored)):
            return await step(None)
        return await handler.async_login_form(
            "reconfigure", handler.reconfigure_form, user_input, stored
        )

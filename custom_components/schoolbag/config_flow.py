"""Config flow: platform, login, double-auth question, children; reauth and reconfigure.

Each platform's own steps come from its handler (flow_platforms.py); the steps all
platforms share live here.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from typing import Any

from aiohttp import ClientSession
from homeassistant.config_entries import (
    SOURCE_REAUTH,
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
)
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME, CONF_VERIFY_SSL
from homeassistant.core import callback
import voluptuous as vol

from .client import ChallengeFailedError, DoubleAuthRequiredError, SchoolClient, SchoolError
from .client.models import Account, AccountKind, Challenge, SchoolPlatform, Student
from .client_setup import EntryData, build_client, school_session
from .const import (
    CONF_ANSWER,
    CONF_PLATFORM,
    CONF_SERVER_URL,
    CONF_STUDENTS,
    CONF_TRUST,
    DOMAIN,
    ENTRY_VERSION,
    LOGGER,
)
from .error_keys import UNEXPECTED, error_keys_for, error_reason
from .flow_handler import PlatformHandler
from .flow_platforms import PLATFORM_HANDLERS, STEP_PLATFORMS, STEP_PREFIX
from .flow_selectors import (
    CREDENTIALS_SCHEMA,
    PASSWORD_SELECTOR,
    URL_SELECTOR,
    UserInput,
    answer_schema,
    followed_option,
    server_url_suggestion,
    students_selector,
    typed_server_url,
    with_server_url_section,
)
from .options_flow import SchoolbagOptionsFlow

type StepMethod = Callable[[UserInput], Awaitable[ConfigFlowResult]]


class SchoolbagConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a school account."""

    VERSION = ENTRY_VERSION
    MINOR_VERSION = 1

    def __init__(self) -> None:
        """Start with nothing known about the account."""
        self._handler: PlatformHandler | None = None
        self._login: EntryData | None = None
        self._client: SchoolClient | None = None
        self._challenge: Challenge | None = None
        self._account: Account | None = None
        # The last refused login, for forms that show more of it (an ENT's name).
        self.last_error: SchoolError | None = None
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
        if self._handler is None or self._handler.platform is not platform:
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
        platforms = [str(platform) for platform in PLATFORM_HANDLERS]
        return self.async_show_menu(step_id="user", menu_options=platforms)

    def flow_client(self, login: EntryData) -> SchoolClient:
        """A client for ``login`` on the flow's session for its certificate setting."""
        data = login.to_dict()
        verify_ssl = bool(data.get(CONF_VERIFY_SSL, True))
        if verify_ssl not in self._sessions:
            self._sessions[verify_ssl] = school_session(self.hass, data, auto_cleanup=False)
        return build_client(self._sessions[verify_ssl], login)

    @callback
    def async_remove(self) -> None:
        """Release the flow's HTTP sessions, however the flow ended."""
        for session in self._sessions.values():
            session.detach()
        self._sessions.clear()

    def _existing_entry(self) -> ConfigEntry:
        reauth = self.source == SOURCE_REAUTH
        return self._get_reauth_entry() if reauth else self._get_reconfigure_entry()

    def _form_error(self, err: SchoolError) -> str:
        if (key := error_keys_for(err, self.platform_handler.form_errors).form) == UNEXPECTED.form:
            LOGGER.error("Unexpected error from the school: %s", error_reason(err))
        return key

    async def async_try_login(
        self, login: EntryData, errors: dict[str, str]
    ) -> ConfigFlowResult | None:
        """Log in with ``login``; None means show the form again with ``errors``."""
        trust: dict[str, str] = {}
        if self.source in (SOURCE_REAUTH, SOURCE_RECONFIGURE) and not login.replaces_trust():
            trust = self._existing_entry().data.get(CONF_TRUST) or {}
        self._login = replace(login, trust=trust)
        try:
            self._client = self.flow_client(self._login)
            self._account = await self._client.login()
        except DoubleAuthRequiredError as err:
            self._challenge = err.challenge
            return await self.async_step_challenge()
        except SchoolError as err:
            errors["base"], self.last_error = self._form_error(err), err
            return None
        except Exception:
            LOGGER.exception("Unexpected error while logging in")
            errors["base"] = "unknown"
            return None
        return await self._async_account_ready()

    async def async_step_challenge(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Answer the school's double-authentication question."""
        assert self._client is not None
        assert self._challenge is not None
        errors: dict[str, str] = {}
        if user_input is not None and not user_input.get(CONF_ANSWER):
            errors["base"] = "no_answer"
        elif user_input is not None:
            try:
                self._account = await self._client.answer_challenge(user_input[CONF_ANSWER])
            except ChallengeFailedError:
                errors["base"] = "challenge_failed"
                # A refused answer ends the attempt: ask the server for a new question.
                if new_question := await self._async_new_challenge(errors):
                    return new_question
            except SchoolError as err:
                errors["base"] = self._form_error(err)
            except Exception:
                LOGGER.exception("Unexpected error while answering the question")
                errors["base"] = "unknown"
            else:
                return await self._async_account_ready()
        return self.async_show_form(
            step_id="challenge",
            data_schema=answer_schema(self._challenge),
            errors=errors,
            description_placeholders={"question": self._challenge.question},
        )

    async def _async_new_challenge(self, errors: dict[str, str]) -> ConfigFlowResult | None:
        """Fetch a fresh question after a wrong answer; None keeps the current form."""
        assert self._client is not None
        try:
            self._account = await self._client.login()
        except DoubleAuthRequiredError as err:
            self._challenge = err.challenge
        except SchoolError as err:
            errors["base"] = self._form_error(err)
        else:
            return await self._async_account_ready()
        return None

    async def _async_account_ready(self) -> ConfigFlowResult:
        """Logged in: finish the user, reauth or reconfigure flow."""
        assert self._login is not None
        assert self._client is not None
        assert self._account is not None
        if more_steps := await self.platform_handler.async_logged_in(self._login, self._client):
            return more_steps
        await self.async_set_unique_id(f"{self.platform_handler.platform}_{self._account.id}")
        if self.source in (SOURCE_REAUTH, SOURCE_RECONFIGURE):
            self._abort_if_unique_id_mismatch()
            entry = self._existing_entry()
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
        errors: dict[str, str] = {}
        if user_input is not None:
            if chosen := set(user_input[CONF_STUDENTS]):
                return self._async_create([s for s in students if s.id in chosen])
            errors["base"] = "no_students"
        every_id = [student.id for student in students]
        picker = students_selector(students)
        schema = vol.Schema({vol.Required(CONF_STUDENTS, default=every_id): picker})
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
        handler = self._handler_for(SchoolPlatform(entry_data[CONF_PLATFORM]))
        if step := await handler.async_reauth(entry_data):
            return step
        # The stored password may still be right: the school may only want its security
        # question answered again. Ask for a password only once the school refuses it.
        if result := await self.async_try_login(handler.data_type.from_dict(entry_data), {}):
            return result
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Ask for the password again."""
        stored = self.platform_handler.data_type.from_dict(self._get_reauth_entry().data)
        errors: dict[str, str] = {}
        if user_input is not None:
            login = replace(stored, password=user_input[CONF_PASSWORD])
            if result := await self.async_try_login(login, errors):
                return result
        schema = vol.Schema({vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR})
        return self.platform_handler.show(
            "reauth_confirm", schema, None, errors, username=stored.username
        )

    async def async_step_reconfigure(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Change the username, password or server of an account."""
        entry = self._get_reconfigure_entry()
        handler = self._handler_for(SchoolPlatform(entry.data[CONF_PLATFORM]))
        if user_input is None and (step := await handler.async_reconfigure(entry.data)):
            return step
        stored = handler.data_type.from_dict(entry.data)
        errors: dict[str, str] = {}
        if user_input is not None:
            url = (user_input.get(CONF_SERVER_URL) or "").strip() or typed_server_url(user_input)
            login = replace(
                stored,
                username=user_input[CONF_USERNAME].strip(),
                password=user_input[CONF_PASSWORD],
                server_url=url or stored.server_url,
            )
            if result := await self.async_try_login(login, errors):
                return result
        elif handler.server_url_in_section:
            user_input = {CONF_USERNAME: stored.username} | server_url_suggestion(stored.server_url)
        else:
            user_input = {CONF_USERNAME: stored.username, CONF_SERVER_URL: stored.server_url or ""}
        schema = CREDENTIALS_SCHEMA.extend({vol.Optional(CONF_SERVER_URL): URL_SELECTOR})
        if handler.server_url_in_section:
            schema = with_server_url_section(CREDENTIALS_SCHEMA)
        return handler.show("reconfigure", schema, user_input, errors)

"""Config flow: platform, login, double-auth question, children; reauth and reconfigure."""

from __future__ import annotations

from collections.abc import Mapping
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
from homeassistant.helpers.selector import (
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
)
import voluptuous as vol

from .client import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    NotFoundError,
    NotSupportedError,
    PermissionDeniedError,
    ProtocolChangedError,
    RateLimitedError,
    SchoolClient,
    SchoolError,
)
from .client.factory import IMPLEMENTED_PLATFORMS
from .client.lectio import AccountLockedError, MitIdOnlyError, School, UnknownSchoolError
from .client.models import (
    Account,
    AccountKind,
    Challenge,
    ChallengeKind,
    SchoolPlatform,
    Student,
)
from .client.pronote import EntNotSupportedError
from .client.scodoc import ScoDocStudent
from .client_setup import build_client, school_session
from .config_flow_lectio import LectioSteps
from .config_flow_pronote import PIN_SELECTOR, PronoteSteps
from .config_flow_scodoc import ScoDocSteps
from .const import (
    CONF_ANSWER,
    CONF_DEPARTMENT,
    CONF_DEVICE_NAME,
    CONF_LOGIN_MODE,
    CONF_PLATFORM,
    CONF_QR_CODE,
    CONF_SCHOOL_ID,
    CONF_SERVER_URL,
    CONF_STUDENT_IDS,
    CONF_STUDENTS,
    CONF_TRUST,
    DOMAIN,
    LOGGER,
    LOGIN_COOKIE,
    LOGIN_QR,
    LOGIN_TOKEN,
    PLATFORM_NAMES,
)
from .flow_selectors import (
    PASSWORD_SELECTOR,
    URL_SELECTOR,
    USERNAME_SELECTOR,
    followed_option,
    server_url_suggestion,
    students_selector,
    typed_server_url,
    with_server_url_section,
)
from .options_flow import SchoolbagOptionsFlow


class SchoolbagConfigFlow(PronoteSteps, LectioSteps, ScoDocSteps, ConfigFlow, domain=DOMAIN):
    """Add a school account."""

    VERSION = 1
    MINOR_VERSION = 1

    def __init__(self) -> None:
        """Start with nothing known about the account."""
        self._platform: SchoolPlatform | None = None
        self._login: dict[str, Any] = {}
        self._client: SchoolClient | None = None
        self._challenge: Challenge | None = None
        self._account: Account | None = None
        self._found_students: dict[str, ScoDocStudent] = {}
        self._schools: list[School] = []
        self._last_error: SchoolError | None = None
        # One HTTP session (cookie jar) per flow and certificate setting, not per attempt.
        self._sessions: dict[bool, ClientSession] = {}

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> SchoolbagOptionsFlow:
        """Choose which students an account follows."""
        return SchoolbagOptionsFlow()

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Pick the school platform."""
        return self.async_show_menu(
            step_id="user", menu_options=[str(platform) for platform in IMPLEMENTED_PLATFORMS]
        )

    async def async_step_ecoledirecte(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Log in to EcoleDirecte with a username and password."""
        self._platform = SchoolPlatform.ECOLEDIRECTE
        return await self._async_step_credentials("ecoledirecte", user_input)

    async def _async_step_credentials(
        self, step_id: str, user_input: dict[str, Any] | None
    ) -> ConfigFlowResult:
        errors: dict[str, str] = {}
        if user_input is not None:
            self._login = {
                CONF_USERNAME: user_input[CONF_USERNAME].strip(),
                CONF_PASSWORD: user_input[CONF_PASSWORD],
                CONF_SERVER_URL: typed_server_url(user_input),
            }
            result = await self._async_try_login(errors)
            if result is not None:
                return result
        schema = with_server_url_section(
            vol.Schema(
                {
                    vol.Required(CONF_USERNAME): USERNAME_SELECTOR,
                    vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR,
                }
            )
        )
        suggested = {k: v for k, v in (user_input or {}).items() if k != CONF_PASSWORD}
        return self.async_show_form(
            step_id=step_id,
            data_schema=self.add_suggested_values_to_schema(schema, suggested),
            errors=errors,
        )

    def _flow_session(self) -> ClientSession:
        verify_ssl = bool(self._login.get(CONF_VERIFY_SSL, True))
        if verify_ssl not in self._sessions:
            self._sessions[verify_ssl] = school_session(self.hass, self._login, auto_cleanup=False)
        return self._sessions[verify_ssl]

    @callback
    def async_remove(self) -> None:
        """Release the flow's HTTP sessions, however the flow ended."""
        for session in self._sessions.values():
            session.detach()
        self._sessions.clear()

    async def _async_try_login(self, errors: dict[str, str]) -> ConfigFlowResult | None:
        """Log in with the typed credentials; None means show the form with errors."""
        assert self._platform is not None
        trust: Mapping[str, str] = {}
        # A newly pasted Lectio cookie replaces the key kept from earlier logins.
        pasted_cookie = self._login.get(CONF_LOGIN_MODE) == LOGIN_COOKIE
        if self.source in (SOURCE_REAUTH, SOURCE_RECONFIGURE) and not pasted_cookie:
            trust = self._get_existing_entry().data.get(CONF_TRUST) or {}
        try:
            self._client = build_client(
                self._platform,
                self._flow_session(),
                {**self._login, CONF_TRUST: trust},
            )
            self._account = await self._client.login()
        except DoubleAuthRequiredError as err:
            self._challenge = err.challenge
            return await self.async_step_challenge()
        except SchoolError as err:
            errors["base"] = _error_key(err)
            # Steps that can say more show it (the name of an unsupported ENT).
            self._last_error = err
            return None
        except Exception:
            LOGGER.exception("Unexpected error while logging in")
            errors["base"] = "unknown"
            return None
        return await self._async_account_ready()

    async def async_step_challenge(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Answer the school's double-authentication question."""
        assert self._client is not None
        errors: dict[str, str] = {}
        if user_input is not None and not user_input.get(CONF_ANSWER):
            errors["base"] = "no_answer"
        elif user_input is not None:
            try:
                self._account = await self._client.answer_challenge(user_input[CONF_ANSWER])
            except ChallengeFailedError:
                errors["base"] = "challenge_failed"
                # A refused answer ends the attempt: ask the server for a new question.
                new_question = await self._async_new_challenge(errors)
                if new_question is not None:
                    return new_question
            except SchoolError as err:
                errors["base"] = _error_key(err)
            except Exception:
                LOGGER.exception("Unexpected error while answering the question")
                errors["base"] = "unknown"
            else:
                return await self._async_account_ready()
        assert self._challenge is not None
        schema = vol.Schema({_answer_marker(self._challenge): _answer_selector(self._challenge)})
        return self.async_show_form(
            step_id="challenge",
            data_schema=schema,
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
            errors["base"] = _error_key(err)
        else:
            return await self._async_account_ready()
        return None

    async def _async_account_ready(self) -> ConfigFlowResult:
        """Logged in: finish the user, reauth or reconfigure flow."""
        assert self._client is not None
        assert self._account is not None
        assert self._platform is not None
        if self._platform is SchoolPlatform.SCODOC and not self._login.get(CONF_STUDENT_IDS):
            return await self.async_scodoc_logged_in()
        await self.async_set_unique_id(f"{self._platform}_{self._account.id}")
        data_updates = _entry_data(self._login, self._client.trust)
        if self.source in (SOURCE_REAUTH, SOURCE_RECONFIGURE):
            self._abort_if_unique_id_mismatch()
            return self.async_update_reload_and_abort(
                self._get_existing_entry(), data_updates=data_updates
            )
        self._abort_if_unique_id_configured()
        # ScoDoc accounts follow exactly the students picked in scodoc_pick.
        choosing = self._platform is not SchoolPlatform.SCODOC
        if (
            choosing
            and self._account.kind is AccountKind.PARENT
            and len(self._account.students) > 1
        ):
            return await self.async_step_students()
        return self._async_create(list(self._account.students))

    async def async_step_students(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Choose which children to follow."""
        assert self._account is not None
        errors: dict[str, str] = {}
        if user_input is not None:
            chosen = set(user_input[CONF_STUDENTS])
            if chosen:
                return self._async_create(
                    [student for student in self._account.students if student.id in chosen]
                )
            errors["base"] = "no_students"
        schema = vol.Schema(
            {
                vol.Required(
                    CONF_STUDENTS, default=[student.id for student in self._account.students]
                ): students_selector(self._account.students)
            }
        )
        return self.async_show_form(step_id="students", data_schema=schema, errors=errors)

    def _async_create(self, students: list[Student]) -> ConfigFlowResult:
        assert self._account is not None
        assert self._client is not None
        assert self._platform is not None
        return self.async_create_entry(
            title=_entry_title(self._platform, self._account, students),
            data={
                CONF_PLATFORM: str(self._platform),
                **_entry_data(self._login, self._client.trust),
            },
            options={CONF_STUDENTS: followed_option(students, self._account.students)},
        )

    def _get_existing_entry(self) -> ConfigEntry:
        if self.source == SOURCE_REAUTH:
            return self._get_reauth_entry()
        return self._get_reconfigure_entry()

    async def async_step_reauth(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult:
        """The stored password or double-auth trust stopped working."""
        self._platform = SchoolPlatform(entry_data[CONF_PLATFORM])
        if entry_data.get(CONF_LOGIN_MODE) == LOGIN_TOKEN:
            # A QR-code account has no password: it needs a new QR code.
            return await self.async_step_pronote_qr()
        if entry_data.get(CONF_LOGIN_MODE) == LOGIN_COOKIE:
            # A MitID account has no password: it needs a new autologin cookie.
            self._login = _kept_login(entry_data)
            return await self.async_step_lectio_cookie()
        # The stored password may still be right: the school may only want its security
        # question answered again. Ask for a password only once the school refuses it.
        self._login = {**_kept_login(entry_data), CONF_PASSWORD: entry_data[CONF_PASSWORD]}
        if (result := await self._async_try_login({})) is not None:
            return result
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the password again."""
        entry = self._get_reauth_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            self._login = {
                **_kept_login(entry.data),
                CONF_PASSWORD: user_input[CONF_PASSWORD],
            }
            result = await self._async_try_login(errors)
            if result is not None:
                return result
        return self.async_show_form(
            step_id="reauth_confirm",
            data_schema=vol.Schema({vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR}),
            errors=errors,
            description_placeholders={CONF_USERNAME: entry.data[CONF_USERNAME]},
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the username, password or server of an account."""
        entry = self._get_reconfigure_entry()
        self._platform = SchoolPlatform(entry.data[CONF_PLATFORM])
        if self._platform is SchoolPlatform.PRONOTE:
            return await self._async_reconfigure_pronote(entry)
        if entry.data.get(CONF_LOGIN_MODE) == LOGIN_COOKIE:
            self._login = _kept_login(entry.data)
            return await self.async_step_lectio_cookie()
        if user_input is None:
            server_url = entry.data.get(CONF_SERVER_URL)
            user_input = {CONF_USERNAME: entry.data[CONF_USERNAME]}
            if self._platform is SchoolPlatform.SCODOC:
                user_input[CONF_SERVER_URL] = server_url or ""
            else:
                user_input |= server_url_suggestion(server_url)
            return self._show_reconfigure_form(user_input, {})
        errors: dict[str, str] = {}
        typed_url = (user_input.get(CONF_SERVER_URL) or "").strip() or typed_server_url(user_input)
        self._login = {
            **_kept_login(entry.data),
            CONF_USERNAME: user_input[CONF_USERNAME].strip(),
            CONF_PASSWORD: user_input[CONF_PASSWORD],
            CONF_SERVER_URL: typed_url or entry.data.get(CONF_SERVER_URL),
        }
        result = await self._async_try_login(errors)
        if result is not None:
            return result
        return self._show_reconfigure_form(user_input, errors)

    def _show_reconfigure_form(
        self, user_input: dict[str, Any], errors: dict[str, str]
    ) -> ConfigFlowResult:
        schema = vol.Schema(
            {
                vol.Required(CONF_USERNAME): USERNAME_SELECTOR,
                vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR,
            }
        )
        if self._platform is SchoolPlatform.SCODOC:
            # The ScoDoc address is the school's own server: no default to fold away.
            schema = schema.extend({vol.Optional(CONF_SERVER_URL): URL_SELECTOR})
        else:
            schema = with_server_url_section(schema)
        suggested = {k: v for k, v in user_input.items() if k != CONF_PASSWORD}
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(schema, suggested),
            errors=errors,
        )


# What reauth keeps from the entry: everything but the password.
_KEPT_ON_REAUTH = (
    CONF_USERNAME,
    CONF_SERVER_URL,
    CONF_LOGIN_MODE,
    CONF_DEVICE_NAME,
    CONF_SCHOOL_ID,
    CONF_DEPARTMENT,
    CONF_STUDENT_IDS,
    CONF_VERIFY_SSL,
)


def _entry_title(platform: SchoolPlatform, account: Account, students: list[Student]) -> str:
    """Who logged in, where, and as what: two accounts following one child differ."""
    platform_name = PLATFORM_NAMES[str(platform)]
    if platform is SchoolPlatform.SCODOC:
        # The account is a staff API account: the students say more than its username.
        return f"{', '.join(student.full_name for student in students)} ({platform_name})"
    return f"{account.display_name} ({platform_name}, {account.kind})"


def _kept_login(data: Mapping[str, Any]) -> dict[str, Any]:
    """The login fields of an entry a new login keeps (everything but the password)."""
    return {key: data[key] for key in _KEPT_ON_REAUTH if key in data}


def _answer_marker(challenge: Challenge) -> vol.Marker:
    """The answer field: a choice is optional so that no answer starts pre-selected.

    The frontend pre-selects the first option of a required list; a careless submit
    would then send a wrong answer, and the school counts wrong answers.
    """
    if challenge.kind is ChallengeKind.PIN:
        return vol.Required(CONF_ANSWER)
    return vol.Optional(CONF_ANSWER)


def _answer_selector(challenge: Challenge) -> SelectSelector | TextSelector:
    """A choice among the server's propositions, or a field for a PIN."""
    if challenge.kind is ChallengeKind.PIN:
        return PIN_SELECTOR
    return SelectSelector(
        SelectSelectorConfig(
            options=[
                SelectOptionDict(value=option.value, label=option.label)
                for option in challenge.options
            ],
            mode=SelectSelectorMode.LIST,
        )
    )


def _entry_data(login: dict[str, Any], trust: dict[str, str]) -> dict[str, Any]:
    """What an entry keeps: a QR-code login is kept as its token, without the PIN."""
    data = {key: value for key, value in login.items() if key != CONF_QR_CODE}
    if data.get(CONF_LOGIN_MODE) == LOGIN_QR:
        data.update({CONF_LOGIN_MODE: LOGIN_TOKEN, CONF_USERNAME: "", CONF_PASSWORD: ""})
    return {**data, CONF_TRUST: trust}


def _error_key(err: SchoolError) -> str:
    """Map a client error to a config flow error key."""
    if isinstance(err, EntNotSupportedError):
        return "ent_not_supported"
    if isinstance(err, MitIdOnlyError):
        return "mitid_only"
    if isinstance(err, UnknownSchoolError):
        return "unknown_school"
    if isinstance(err, AccountLockedError):
        return "account_locked"
    if isinstance(err, InvalidCredentialsError):
        return "invalid_auth"
    if isinstance(err, RateLimitedError):
        return "rate_limited"
    if isinstance(err, ProtocolChangedError):
        return "protocol_changed"
    if isinstance(err, PermissionDeniedError):
        return "permission_denied"
    if isinstance(err, NotFoundError):
        return "not_found"
    if isinstance(err, NotSupportedError):
        return "not_supported"
    return "cannot_connect"

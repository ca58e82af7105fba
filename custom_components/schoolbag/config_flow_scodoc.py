"""Config flow steps of ScoDoc: server and API account, department, followed students."""

from __future__ import annotations

import re
from typing import Any

from aiohttp import ClientSession
from homeassistant.config_entries import ConfigFlow, ConfigFlowResult
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME, CONF_VERIFY_SSL
from homeassistant.helpers.selector import (
    BooleanSelector,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
)
import voluptuous as vol

from .client import SchoolClient, SchoolError
from .client.errors import PermissionDeniedError
from .client.models import SchoolPlatform
from .client.scodoc import ScoDocClient, ScoDocStudent
from .client_setup import build_client
from .const import (
    CONF_DEPARTMENT,
    CONF_SERVER_URL,
    CONF_STUDENT_IDS,
    CONF_STUDENT_QUERY,
    CONF_STUDENTS,
    LOGGER,
)
from .flow_selectors import PASSWORD_SELECTOR, URL_SELECTOR, USERNAME_SELECTOR

# Shown in the address field's help (strings hold no URLs: hassfest's rule).
SCODOC_EXAMPLE_URL = "https://scodoc.example.fr/ScoDoc"
# NIPs or names are separated by commas, semicolons or new lines (a name has spaces).
_QUERY_SEPARATORS = re.compile(r"[,;\n]+")


class ScoDocSteps(ConfigFlow):
    """The ScoDoc steps; SchoolbagConfigFlow adds the shared login and finishing steps."""

    _platform: SchoolPlatform | None
    _login: dict[str, Any]
    _client: SchoolClient | None
    _found_students: dict[str, ScoDocStudent]

    async def _async_try_login(self, errors: dict[str, str]) -> ConfigFlowResult | None:
        """Log in with ``self._login`` (implemented by SchoolbagConfigFlow)."""
        raise NotImplementedError

    def _flow_session(self) -> ClientSession:
        """The flow's HTTP session (implemented by SchoolbagConfigFlow)."""
        raise NotImplementedError

    def _scodoc(self) -> ScoDocClient:
        assert isinstance(self._client, ScoDocClient)
        return self._client

    async def async_step_scodoc(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The ScoDoc address and the API account (a staff account with read rights)."""
        self._platform = SchoolPlatform.SCODOC
        errors: dict[str, str] = {}
        if user_input is not None:
            self._login = {
                CONF_SERVER_URL: user_input[CONF_SERVER_URL].strip(),
                CONF_USERNAME: user_input[CONF_USERNAME].strip(),
                CONF_PASSWORD: user_input[CONF_PASSWORD],
                CONF_VERIFY_SSL: user_input.get(CONF_VERIFY_SSL, True),
                CONF_DEPARTMENT: (user_input.get(CONF_DEPARTMENT) or "").strip() or None,
            }
            if (result := await self._async_try_login(errors)) is not None:
                return result
        schema = vol.Schema(
            {
                vol.Required(CONF_SERVER_URL): URL_SELECTOR,
                vol.Required(CONF_USERNAME): USERNAME_SELECTOR,
                vol.Required(CONF_PASSWORD): PASSWORD_SELECTOR,
                vol.Optional(CONF_DEPARTMENT): TextSelector(),
                vol.Required(CONF_VERIFY_SSL, default=True): BooleanSelector(),
            }
        )
        suggested = {k: v for k, v in (user_input or {}).items() if k != CONF_PASSWORD}
        return self.async_show_form(
            step_id="scodoc",
            data_schema=self.add_suggested_values_to_schema(schema, suggested),
            errors=errors,
            description_placeholders={"scodoc_example_url": SCODOC_EXAMPLE_URL},
        )

    async def async_scodoc_logged_in(self) -> ConfigFlowResult:
        """The account works: choose its department unless one was typed."""
        if self._login.get(CONF_DEPARTMENT):
            return await self.async_step_scodoc_students()
        return await self.async_step_scodoc_department()

    async def async_step_scodoc_department(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Pick the department of the students."""
        if user_input is not None:
            self._login[CONF_DEPARTMENT] = user_input[CONF_DEPARTMENT]
            return await self.async_step_scodoc_students()
        try:
            departments = await self._scodoc().departments()
        except PermissionDeniedError:
            return self.async_abort(reason="scodoc_departments_denied")
        except SchoolError as err:
            LOGGER.debug("Listing ScoDoc departments failed: %s", err)
            return self.async_abort(reason="cannot_connect")
        if len(departments) == 1:
            self._login[CONF_DEPARTMENT] = departments[0].acronym
            return await self.async_step_scodoc_students()
        options = [
            SelectOptionDict(value=d.acronym, label=f"{d.name} ({d.acronym})")
            if d.name and d.name != d.acronym
            else SelectOptionDict(value=d.acronym, label=d.acronym)
            for d in departments
        ]
        schema = vol.Schema(
            {
                vol.Required(CONF_DEPARTMENT): SelectSelector(
                    SelectSelectorConfig(options=options, mode=SelectSelectorMode.LIST)
                )
            }
        )
        return self.async_show_form(step_id="scodoc_department", data_schema=schema)

    async def async_step_scodoc_students(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Find the students to follow by NIP, or by name when the account may search."""
        errors: dict[str, str] = {}
        if user_input is not None:
            found = await self._async_find(user_input[CONF_STUDENT_QUERY], errors)
            if found:
                self._found_students = found
                return await self.async_step_scodoc_pick()
        schema = vol.Schema({vol.Required(CONF_STUDENT_QUERY): TextSelector()})
        return self.async_show_form(
            step_id="scodoc_students",
            data_schema=self.add_suggested_values_to_schema(schema, user_input or {}),
            errors=errors,
            description_placeholders={"department": str(self._login.get(CONF_DEPARTMENT))},
        )

    async def _async_find(self, query: str, errors: dict[str, str]) -> dict[str, ScoDocStudent]:
        """Students matching each NIP or name of ``query``, by NIP."""
        found: dict[str, ScoDocStudent] = {}
        client = self._department_client()
        try:
            for part in filter(None, (p.strip() for p in _QUERY_SEPARATORS.split(query))):
                for student in await client.find_students(part):
                    if student.nip:
                        found.setdefault(_clean_nip(student.nip), student)
        except PermissionDeniedError:
            errors["base"] = "permission_denied"
            return {}
        except SchoolError as err:
            LOGGER.debug("ScoDoc student search failed: %s", err)
            errors["base"] = "cannot_connect"
            return {}
        if not found:
            errors[CONF_STUDENT_QUERY] = "no_student_found"
        return found

    def _department_client(self) -> ScoDocClient:
        """A client on the chosen department's root (where department-only roles work)."""
        self._client = build_client(SchoolPlatform.SCODOC, self._flow_session(), self._login)
        return self._scodoc()

    async def async_step_scodoc_pick(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Tick the students found; the account then follows them."""
        errors: dict[str, str] = {}
        if user_input is not None:
            chosen = [nip for nip in user_input[CONF_STUDENTS] if nip in self._found_students]
            if chosen:
                self._login[CONF_STUDENT_IDS] = chosen
                if (result := await self._async_try_login(errors)) is not None:
                    return result
            else:
                errors["base"] = "no_students"
        options = [
            SelectOptionDict(value=nip, label=_student_label(nip, student))
            for nip, student in self._found_students.items()
        ]
        schema = vol.Schema(
            {
                vol.Required(CONF_STUDENTS, default=list(self._found_students)): SelectSelector(
                    SelectSelectorConfig(
                        options=options, multiple=True, mode=SelectSelectorMode.LIST
                    )
                )
            }
        )
        return self.async_show_form(step_id="scodoc_pick", data_schema=schema, errors=errors)


def _clean_nip(nip: str) -> str:
    """ScoDoc keeps some NIPs with a spreadsheet's ``.0``; the client finds them without it."""
    return nip.removesuffix(".0")


def _student_label(nip: str, student: ScoDocStudent) -> str:
    where = f", {student.department}" if student.department else ""
    return f"{student.full_name} (NIP {nip}{where})"

"""Config flow of ScoDoc: server and API account, department, followed students."""

from __future__ import annotations

from dataclasses import replace
import re
from typing import Any

from homeassistant.config_entries import ConfigFlowResult
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME, CONF_VERIFY_SSL
from homeassistant.helpers.selector import BooleanSelector, SelectOptionDict, TextSelector
import voluptuous as vol

from .client import SchoolClient, SchoolError
from .client.errors import PermissionDeniedError
from .client.models import Account, Student
from .client.scodoc import ScoDocClient, ScoDocStudent
from .client_setup import EntryData, ScoDocData
from .const import (
    CONF_DEPARTMENT,
    CONF_SERVER_URL,
    CONF_STUDENT_QUERY,
    CONF_STUDENTS,
    LOGGER,
    PLATFORM_NAMES,
)
from .flow_handler import PlatformHandler
from .flow_selectors import CREDENTIALS_SCHEMA, URL_SELECTOR, UserInput, list_selector

# Shown in the address field's help (strings hold no URLs: hassfest's rule).
SCODOC_EXAMPLE_URL = "https://scodoc.example.fr/ScoDoc"
# NIPs or names are separated by commas, semicolons or new lines (a name has spaces).
_QUERY_SEPARATORS = re.compile(r"[,;\n]+")
ACCOUNT_FORM = (
    vol.Schema({vol.Required(CONF_SERVER_URL): URL_SELECTOR})
    .extend(CREDENTIALS_SCHEMA.schema)
    .extend({vol.Optional(CONF_DEPARTMENT): TextSelector()})
    .extend({vol.Required(CONF_VERIFY_SSL, default=True): BooleanSelector()})
)
QUERY_FORM = vol.Schema({vol.Required(CONF_STUDENT_QUERY): TextSelector()})


class ScoDocHandler(PlatformHandler):
    """The ScoDoc steps; its accounts follow exactly the students picked here."""

    data_type = ScoDocData
    picks_students = False
    # The ScoDoc address is the school's own server: no default to fold away.
    server_url_in_section = False
    draft = ScoDocData()
    client: ScoDocClient
    found: dict[str, ScoDocStudent]

    async def async_step_scodoc(self, user_input: UserInput = None) -> ConfigFlowResult:
        """The ScoDoc address and the API account (a staff account with read rights)."""
        example = {"scodoc_example_url": SCODOC_EXAMPLE_URL}
        return await self.async_login_form("scodoc", ACCOUNT_FORM, user_input, _login, **example)

    async def async_logged_in(
        self, login: EntryData, client: SchoolClient
    ) -> ConfigFlowResult | None:
        """The account works: choose its department unless one was typed, then students."""
        assert isinstance(login, ScoDocData)
        assert isinstance(client, ScoDocClient)
        if login.student_ids:
            return None
        self.draft, self.client = login, client
        if login.department:
            return await self.async_step_scodoc_students()
        return await self.async_step_scodoc_department()

    def entry_title(self, account: Account, students: list[Student]) -> str:
        """The account is a staff API account: the students say more than its username."""
        names = ", ".join(student.full_name for student in students)
        return f"{names} ({PLATFORM_NAMES[self.platform]})"

    async def async_step_scodoc_department(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Pick the department of the students."""
        if user_input is not None:
            return await self._async_department_chosen(user_input[CONF_DEPARTMENT])
        try:
            departments = await self.client.departments()
        except PermissionDeniedError:
            return self.flow.async_abort(reason="scodoc_departments_denied")
        except SchoolError as err:
            LOGGER.debug("Listing ScoDoc departments failed: %s", err)
            return self.flow.async_abort(reason="cannot_connect")
        if len(departments) == 1:
            return await self._async_department_chosen(departments[0].acronym)
        options = [
            SelectOptionDict(value=d.acronym, label=d.acronym)
            if d.name in ("", d.acronym)
            else SelectOptionDict(value=d.acronym, label=f"{d.name} ({d.acronym})")
            for d in departments
        ]
        schema = vol.Schema({vol.Required(CONF_DEPARTMENT): list_selector(options)})
        return self.flow.async_show_form(step_id="scodoc_department", data_schema=schema)

    async def _async_department_chosen(self, department: str) -> ConfigFlowResult:
        self.draft = replace(self.draft, department=department)
        return await self.async_step_scodoc_students()

    async def async_step_scodoc_students(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Find the students to follow by NIP, or by name when the account may search."""
        errors: dict[str, str] = {}
        query = (user_input or {}).get(CONF_STUDENT_QUERY)
        if query and (found := await self._async_find(query, errors)):
            self.found = found
            return await self.async_step_scodoc_pick()
        department = str(self.draft.department)
        return self.show("scodoc_students", QUERY_FORM, user_input, errors, department=department)

    async def _async_find(self, query: str, errors: dict[str, str]) -> dict[str, ScoDocStudent]:
        """Students matching each NIP or name of ``query``, by NIP."""
        found: dict[str, ScoDocStudent] = {}
        # A client on the chosen department's root (where department-only roles work).
        client = self.flow.flow_client(self.draft)
        assert isinstance(client, ScoDocClient)
        try:
            for part in filter(None, (p.strip() for p in _QUERY_SEPARATORS.split(query))):
                for student in await client.find_students(part):
                    if student.nip:
                        # ScoDoc keeps some NIPs with a spreadsheet's ".0"; the client needs none.
                        found.setdefault(student.nip.removesuffix(".0"), student)
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

    async def async_step_scodoc_pick(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Tick the students found; the account then follows them."""
        errors: dict[str, str] = {}
        chosen = [nip for nip in (user_input or {}).get(CONF_STUDENTS, []) if nip in self.found]
        if user_input is not None and not chosen:
            errors["base"] = "no_students"
        elif chosen:
            login = replace(self.draft, student_ids=chosen)
            if result := await self.flow.async_try_login(login, errors):
                return result
        options = [
            SelectOptionDict(value=nip, label=f"{s.full_name} (NIP {nip}{_where(s)})")
            for nip, s in self.found.items()
        ]
        picker = list_selector(options, multiple=True)
        schema = vol.Schema({vol.Required(CONF_STUDENTS, default=list(self.found)): picker})
        return self.flow.async_show_form(step_id="scodoc_pick", data_schema=schema, errors=errors)


def _login(user_input: dict[str, Any]) -> ScoDocData:
    return ScoDocData(
        server_url=user_input[CONF_SERVER_URL].strip(),
        username=user_input[CONF_USERNAME].strip(),
        password=user_input[CONF_PASSWORD],
        verify_ssl=user_input.get(CONF_VERIFY_SSL, True),
        department=(user_input.get(CONF_DEPARTMENT) or "").strip() or None,
    )


def _where(student: ScoDocStudent) -> str:
    return f", {student.department}" if student.department else ""

"""ScoDoc: server and API account, department, followed students, semester."""

from __future__ import annotations

from dataclasses import replace
import re
from typing import TYPE_CHECKING, Any

from homeassistant.config_entries import ConfigFlowResult
from homeassistant.const import CONF_VERIFY_SSL
from homeassistant.helpers.selector import (
    BooleanSelector,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
)
import voluptuous as vol

from .client import PermissionDeniedError, SchoolClient, SchoolError
from .client.models import PLATFORM_NAMES, Account, Student
from .client.scodoc import ScoDocClient, ScoDocStudent
from .const import (
    CONF_DEPARTMENT,
    CONF_SEMESTER,
    CONF_SERVER_URL,
    CONF_STUDENT_QUERY,
    CONF_STUDENTS,
    LOGGER,
    SEMESTER_CURRENT,
)
from .entry_data import EntryData
from .entry_data.scodoc import ScoDocData
from .flow_handler import (
    CREDENTIALS_SCHEMA,
    URL_CREDENTIALS_SCHEMA,
    URL_SELECTOR,
    FormError,
    PlatformHandler,
    UserInput,
    list_selector,
)

if TYPE_CHECKING:
    from .coordinator import SchoolbagCoordinator

# Shown in the address field's help (strings hold no URLs: hassfest's rule).
SCODOC_EXAMPLE_URL = "https://scodoc.example.fr/ScoDoc"
# NIPs or names are separated by commas, semicolons or new lines (a name has spaces).
_QUERY_SEPARATORS = re.compile(r"[,;\n]+")
ACCOUNT_FORM = URL_CREDENTIALS_SCHEMA.extend(
    {
        vol.Optional(CONF_DEPARTMENT): TextSelector(),
        vol.Required(CONF_VERIFY_SSL, default=True): BooleanSelector(),
    }
)
QUERY_FORM = vol.Schema({vol.Required(CONF_STUDENT_QUERY): TextSelector()})


class ScoDocHandler(PlatformHandler):
    """The ScoDoc steps; its accounts follow exactly the students picked here."""

    data_type = ScoDocData
    picks_students = False
    # The ScoDoc address is the school's own server: no default to fold away.
    reconfigure_form = CREDENTIALS_SCHEMA.extend({vol.Optional(CONF_SERVER_URL): URL_SELECTOR})
    draft = ScoDocData()
    client: ScoDocClient
    found: dict[str, ScoDocStudent]

    @staticmethod
    def options_fields(coordinator: SchoolbagCoordinator) -> dict[vol.Marker, Any]:
        """Show the grades of another semester than the current one."""
        semester = coordinator.config_entry.options.get(CONF_SEMESTER, SEMESTER_CURRENT)
        return {vol.Required(CONF_SEMESTER, default=semester): _semester_selector(coordinator)}

    async def async_step_scodoc(self, user_input: UserInput = None) -> ConfigFlowResult:
        """The ScoDoc address and the API account (a staff account with read rights)."""
        return await self.async_login_form(
            "scodoc", ACCOUNT_FORM, user_input, ScoDocData(), scodoc_example_url=SCODOC_EXAMPLE_URL
        )

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
        return f"{names} ({PLATFORM_NAMES[self.data_type.platform]})"

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
        picker = list_selector(
            (d.acronym, d.acronym if d.name in ("", d.acronym) else f"{d.name} ({d.acronym})")
            for d in departments
        )
        return self.show("scodoc_department", vol.Schema({vol.Required(CONF_DEPARTMENT): picker}))

    async def _async_department_chosen(self, department: str) -> ConfigFlowResult:
        self.draft = replace(self.draft, department=department)
        return await self.async_step_scodoc_students()

    async def async_step_scodoc_students(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Find the students to follow by NIP, or by name when the account may search."""
        errors: dict[str, str] = {}
        if query := (user_input or {}).get(CONF_STUDENT_QUERY):
            search = self._async_find(query)
            found = await self.async_search(search, errors, CONF_STUDENT_QUERY, "no_student_found")
            if found:
                self.found = dict(found)
                return await self.async_step_scodoc_pick()
        department = str(self.draft.department)
        return self.show("scodoc_students", QUERY_FORM, user_input, errors, department=department)

    async def _async_find(self, query: str) -> list[tuple[str, ScoDocStudent]]:
        """Students with a NIP matching each NIP or name of ``query``, by NIP."""
        found: dict[str, ScoDocStudent] = {}
        # A client on the chosen department's root (where department-only roles work).
        client = self.flow.flow_client(self.draft)
        assert isinstance(client, ScoDocClient)
        for part in filter(None, (p.strip() for p in _QUERY_SEPARATORS.split(query))):
            for student in await client.find_students(part):
                if student.nip:
                    # ScoDoc keeps some NIPs with a spreadsheet's ".0"; the client needs none.
                    found.setdefault(student.nip.removesuffix(".0"), student)
        return list(found.items())

    async def async_step_scodoc_pick(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Tick the students found; the account then follows them."""
        picker = list_selector(
            ((nip, f"{s.full_name} (NIP {nip}{_where(s)})") for nip, s in self.found.items()),
            multiple=True,
        )
        schema = vol.Schema({vol.Required(CONF_STUDENTS, default=list(self.found)): picker})
        return await self.async_login_form(
            "scodoc_pick", schema, user_input, self.draft, _with_students
        )


def _with_students(base: ScoDocData, user_input: dict[str, Any]) -> ScoDocData:
    """``base`` following the students ticked."""
    if chosen := user_input[CONF_STUDENTS]:
        return replace(base, student_ids=chosen)
    raise FormError("no_students")


def _where(student: ScoDocStudent) -> str:
    return f", {student.department}" if student.department else ""


def _semester_selector(coordinator: SchoolbagCoordinator) -> SelectSelector:
    """The current semester (by date), or one of the followed students' semesters."""
    options = [SelectOptionDict(value=SEMESTER_CURRENT, label=SEMESTER_CURRENT)]
    seen: set[str] = set()
    for data in coordinator.data.students.values():
        for period in data.grades.periods if data.grades else ():
            if period.id not in seen:
                seen.add(period.id)
                dates = f"{period.start.isoformat()} to {period.end.isoformat()}"
                label = f"{period.name} ({dates})"
                options.append(SelectOptionDict(value=period.id, label=label))
    return SelectSelector(
        SelectSelectorConfig(
            options=options,
            mode=SelectSelectorMode.DROPDOWN,
            translation_key=CONF_SEMESTER,
        )
    )

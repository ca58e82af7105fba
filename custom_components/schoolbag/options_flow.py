"""Options flow: followed students, weeks of timetable ahead, ScoDoc semester."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntryState, ConfigFlowResult, OptionsFlowWithReload
from homeassistant.helpers.selector import (
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
)
import voluptuous as vol

from .client.models import Account, Capability, SchoolPlatform
from .const import (
    CONF_SEMESTER,
    CONF_STUDENTS,
    CONF_WEEKS_AHEAD,
    MAX_WEEKS_AHEAD,
    SEMESTER_CURRENT,
    TIMETABLE_DAYS_AHEAD,
)
from .coordinator import SchoolbagCoordinator
from .flow_selectors import UserInput, followed_option, students_selector


class SchoolbagOptionsFlow(OptionsFlowWithReload):
    """Choose the followed students (and the ScoDoc semester) of an account."""

    async def async_step_init(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Show the account's students."""
        if self.config_entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="not_loaded")
        coordinator = self.config_entry.runtime_data
        account: Account = coordinator.account
        errors: dict[str, str] = {}
        if user_input is not None:
            if chosen := set(user_input[CONF_STUDENTS]):
                followed = [student for student in account.students if student.id in chosen]
                students = followed_option(followed, account.students)
                return self.async_create_entry(data={**user_input, CONF_STUDENTS: students})
            errors["base"] = "no_students"
        current = self.config_entry.options.get(CONF_STUDENTS) or [s.id for s in account.students]
        picker = students_selector(account.students)
        schema = vol.Schema({vol.Required(CONF_STUDENTS, default=current): picker})
        if Capability.TIMETABLE in coordinator.client.capabilities:
            weeks = self.config_entry.options.get(CONF_WEEKS_AHEAD, TIMETABLE_DAYS_AHEAD // 7)
            schema = schema.extend({vol.Required(CONF_WEEKS_AHEAD, default=weeks): WEEKS_SELECTOR})
        if coordinator.client.platform is SchoolPlatform.SCODOC:
            semester = self.config_entry.options.get(CONF_SEMESTER, SEMESTER_CURRENT)
            schema = schema.extend(
                {vol.Required(CONF_SEMESTER, default=semester): semester_selector(coordinator)}
            )
        return self.async_show_form(step_id="init", data_schema=schema, errors=errors)


WEEKS_SELECTOR = NumberSelector(
    NumberSelectorConfig(min=1, max=MAX_WEEKS_AHEAD, step=1, mode=NumberSelectorMode.SLIDER)
)


def semester_selector(coordinator: SchoolbagCoordinator) -> SelectSelector:
    """The current semester (by date), or one of the followed students' semesters."""
    options = [SelectOptionDict(value=SEMESTER_CURRENT, label=SEMESTER_CURRENT)]
    seen: set[str] = set()
    for data in coordinator.data.students.values():
        for period in data.grades.periods if data.grades else ():
            if period.id not in seen:
                seen.add(period.id)
                dates = f"{period.start.isoformat()} to {period.end.isoformat()}"
                options.append(SelectOptionDict(value=period.id, label=f"{period.name} ({dates})"))
    return SelectSelector(
        SelectSelectorConfig(
            options=options, mode=SelectSelectorMode.DROPDOWN, translation_key=CONF_SEMESTER
        )
    )

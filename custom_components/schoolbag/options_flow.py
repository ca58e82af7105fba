"""Options flow: followed students, weeks of timetable ahead, and what a platform adds."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntryState, ConfigFlowResult, OptionsFlowWithReload
from homeassistant.helpers import selector
import voluptuous as vol

from .client.models import Capability
from .const import (
    CONF_QUIET_END,
    CONF_QUIET_START,
    CONF_REFRESH_INTERVAL,
    CONF_STUDENTS,
    CONF_WEEKS_AHEAD,
    MAX_WEEKS_AHEAD,
    TIMETABLE_DAYS_AHEAD,
)
from .flow_handler import UserInput, followed_option, students_field, ticked_students
from .flow_platforms import PLATFORM_HANDLERS
from .refresh_schedule import ScheduleOptions

WEEKS_SELECTOR = selector.NumberSelector(
    selector.NumberSelectorConfig(
        min=1, max=MAX_WEEKS_AHEAD, step=1, mode=selector.NumberSelectorMode.SLIDER
    )
)
# Minutes between refreshes in school hours: never harder than every 10 minutes.
INTERVAL_SELECTOR = selector.NumberSelector(
    selector.NumberSelectorConfig(
        min=10, max=120, step=5, unit_of_measurement="min", mode=selector.NumberSelectorMode.BOX
    )
)


class SchoolbagOptionsFlow(OptionsFlowWithReload):
    """Choose the followed students, the refresh schedule and what the platform adds."""

    async def async_step_init(self, user_input: UserInput = None) -> ConfigFlowResult:
        """Show the account's students."""
        if self.config_entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="not_loaded")
        coordinator = self.config_entry.runtime_data
        options, account = self.config_entry.options, coordinator.account
        if user_input is not None and (chosen := ticked_students(user_input, account.students)):
            students = followed_option(chosen, account.students)
            return self.async_create_entry(data={**user_input, CONF_STUDENTS: students})
        errors = {} if user_input is None else {"base": "no_students"}
        current = options.get(CONF_STUDENTS) or [s.id for s in account.students]
        schema = students_field(account.students, current)
        if Capability.TIMETABLE in coordinator.client.capabilities:
            weeks = options.get(CONF_WEEKS_AHEAD, TIMETABLE_DAYS_AHEAD // 7)
            schema[vol.Required(CONF_WEEKS_AHEAD, default=weeks)] = WEEKS_SELECTOR
        schedule = ScheduleOptions.from_options(options)
        minutes = schedule.interval.total_seconds() // 60
        schema[vol.Required(CONF_REFRESH_INTERVAL, default=minutes)] = INTERVAL_SELECTOR
        for key, value in (
            (CONF_QUIET_START, schedule.quiet_start),
            (CONF_QUIET_END, schedule.quiet_end),
        ):
            schema[vol.Required(key, default=value.isoformat())] = selector.TimeSelector()
        schema.update(PLATFORM_HANDLERS[coordinator.client.platform].options_fields(coordinator))
        return self.async_show_form(step_id="init", data_schema=vol.Schema(schema), errors=errors)

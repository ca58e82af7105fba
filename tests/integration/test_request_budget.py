"""An account's request budget: never exceeded, told in a repair issue, refreshes resume after."""

from __future__ import annotations

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.schoolbag.client import BudgetLimits
from custom_components.schoolbag.const import DOMAIN
from custom_components.schoolbag.refresh_schedule import RefreshReason
from simulator.ecoledirecte import EcoleDirecteSimulator

from .conftest import NO_QCM_STUDENT, SCHOOL_DAY, add_account

pytestmark = pytest.mark.usefixtures("school_morning")


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """The simulated school, with lessons on the test's school day."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


async def test_refreshes_asked_in_a_loop_stop_at_the_budget(
    hass: HomeAssistant,
    ed_url: str,
    ed_simulator: EcoleDirecteSimulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator, NO_QCM_STUDENT)
    coordinator = entry.runtime_data
    kept = coordinator.data
    sent_before = len(ed_simulator.requests)
    spent_at_setup = coordinator.budget.sent_last_day
    assert spent_at_setup > 0
    # An automation asking for a refresh over and over, with the clock standing still.
    for _ in range(40):
        await coordinator.async_refresh()
        if not coordinator.last_update_success:
            break
    assert not coordinator.last_update_success
    # The setup's requests count too: the whole burst is spent, never more, and the school
    # saw every request the budget let through.
    burst = BudgetLimits.for_students(1).burst
    assert coordinator.budget.sent_last_day == burst
    assert len(ed_simulator.requests) - sent_before == burst - spent_at_setup
    sent = len(ed_simulator.requests)
    await coordinator.async_refresh()
    assert len(ed_simulator.requests) == sent
    # What was read stays on the dashboard.
    assert coordinator.data.students.keys() == kept.students.keys()

    issue = ir.async_get(hass).async_get_issue(DOMAIN, f"request_budget_{entry.entry_id}")
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_placeholders is not None
    next_refresh = coordinator.next_refresh
    assert next_refresh is not None
    assert next_refresh.reason is RefreshReason.RETRY
    # A request comes back to the bucket every minute; the schedule's interval is longer.
    assert next_refresh.at >= dt_util.now() + timedelta(minutes=29)
    until = dt_util.as_local(next_refresh.at).strftime("%Y-%m-%d %H:%M")
    assert issue.translation_placeholders["until"] == until

    freezer.move_to(next_refresh.at + timedelta(seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert coordinator.last_update_success
    assert len(ed_simulator.requests) > sent
    assert ir.async_get(hass).async_get_issue(DOMAIN, f"request_budget_{entry.entry_id}") is None

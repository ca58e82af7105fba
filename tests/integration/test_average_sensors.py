"""Average sensors follow the grade book between refreshes: gone with it, then back."""

from __future__ import annotations

from datetime import date

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest

from custom_components.schoolbag.client.models import AverageKind
from simulator.scodoc import ScoDocSimulator

from .test_scodoc import ALICE, add_scodoc

SCHOOL_DAY = date(2026, 12, 3)
DYNAMIC_MARKERS = ("_period_average_", "_ue_average_")


@pytest.fixture
def scodoc_simulator() -> ScoDocSimulator:
    """ScoDoc data dated from a fixed school day."""
    return ScoDocSimulator(today=SCHOOL_DAY)


def _average_sensors(hass: HomeAssistant, entry_id: str) -> dict[str, str]:
    """Unique id tail (kind and term or unit) -> entity id of an entry's average sensors."""
    found: dict[str, str] = {}
    for item in er.async_entries_for_config_entry(er.async_get(hass), entry_id):
        for marker in DYNAMIC_MARKERS:
            if marker in item.unique_id:
                found[marker.strip("_") + ":" + item.unique_id.split(marker, 1)[1]] = item.entity_id
    return found


async def test_averages_of_an_unpublished_bulletin_lose_their_sensors_until_published(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    scodoc_url: str,
    scodoc_simulator: ScoDocSimulator,
) -> None:
    freezer.move_to(f"{SCHOOL_DAY.isoformat()} 10:00:00+01:00")
    entry = await add_scodoc(hass, scodoc_url, query=ALICE)
    book = entry.runtime_data.data.students[ALICE].grades
    assert book is not None
    current = book.current_period(SCHOOL_DAY)
    assert current is not None
    units = {
        a.code for a in book.averages if a.kind is AverageKind.UE and a.period_id == current.id
    }
    assert units
    before = _average_sensors(hass, entry.entry_id)
    of_current = {f"period_average:{current.id}"} | {f"ue_average:{code}" for code in units}
    assert of_current <= set(before)

    # The department withdraws the current bulletin: its averages are gone at the next refresh.
    scodoc_simulator.unpublished.add(int(current.id))
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    assert set(_average_sensors(hass, entry.entry_id)) == set(before) - of_current
    for key in of_current:
        assert hass.states.get(before[key]) is None

    # Published again: the sensors come back at the next refresh, without a reload.
    scodoc_simulator.unpublished.discard(int(current.id))
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()

    after = _average_sensors(hass, entry.entry_id)
    assert set(after) == set(before)
    overall = book.overall_average(current.id)
    assert overall is not None
    assert overall.value is not None
    state = hass.states.get(after[f"period_average:{current.id}"])
    assert state is not None
    assert float(state.state) == pytest.approx(overall.value)

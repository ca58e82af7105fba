"""Absence rates move slowly: read again after six hours, or when the absences changed."""

from __future__ import annotations

from datetime import timedelta

from custom_components.schoolbag.client.lectio.const import ABSENCE_RATES_MAX_AGE
from simulator.lectio import LectioSimulator

from .conftest import DEMO_ELEVID, TODAY, MakeClient

RATES_PAGE = "fravaerelev.aspx"


class FakeClock:
    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self) -> float:
        return self.seconds


def _rates_reads(sim: LectioSimulator) -> int:
    return sum(1 for _, path in sim.requests if path.endswith(RATES_PAGE))


async def test_rates_are_kept_while_the_registered_absences_stay_the_same(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    first = await client.school_life(DEMO_ELEVID)
    assert first.absence_rates
    assert _rates_reads(sim) == 1

    clock.seconds += 30 * 60
    again = await client.school_life(DEMO_ELEVID)
    assert _rates_reads(sim) == 1
    assert again == first

    clock.seconds += ABSENCE_RATES_MAX_AGE
    await client.school_life(DEMO_ELEVID)
    assert _rates_reads(sim) == 2


async def test_a_changed_list_of_absences_reads_the_rates_again(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    first = await client.school_life(DEMO_ELEVID)
    # A week later the simulated absences fall on other days.
    sim.pin_today(TODAY + timedelta(days=7))
    clock.seconds += 30 * 60
    later = await client.school_life(DEMO_ELEVID)
    assert later.absences != first.absences
    assert _rates_reads(sim) == 2

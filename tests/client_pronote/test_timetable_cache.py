"""One timetable call per refresh: weeks that are over are kept once read (one window of
them), the others come in one call from the Monday of the first week not kept."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import aiohttp
from freezegun.api import FrozenDateTimeFactory
import pytest

from simulator.pronote import PronoteSimulator
from simulator.pronote.functions import timetable as sim_timetable
from simulator.pronote.protocol import Call

from .helpers import functions, make_client

# A Thursday in term: the week before and this week both have lessons. The server and
# the client (which decides which weeks are over) both live on that day.
TERM_THURSDAY = date(2026, 12, 3)


@pytest.fixture
def sim() -> PronoteSimulator:
    """The simulated Pronote on a fixed school day."""
    return PronoteSimulator(today=TERM_THURSDAY)


@pytest.fixture(autouse=True)
def on_the_school_day(freezer: FrozenDateTimeFactory) -> None:
    """The client decides which weeks are over on the server's day."""
    freezer.move_to(f"{TERM_THURSDAY.isoformat()} 10:00:00+01:00")


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> list[tuple[datetime, datetime]]:
    """The intervals the simulator served ``PageEmploiDuTemps`` for, in order."""
    intervals: list[tuple[datetime, datetime]] = []
    real = sim_timetable._interval

    def recording(call: Call) -> tuple[datetime, datetime]:
        interval = real(call)
        intervals.append(interval)
        return interval

    monkeypatch.setattr(sim_timetable, "_interval", recording)
    return intervals


@pytest.mark.parametrize("weeks_ahead", [1, 2, 8])
async def test_one_call_reads_every_week_then_only_those_not_over(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    served: list[tuple[datetime, datetime]],
    weeks_ahead: int,
) -> None:
    client = make_client(http_session, root)
    student = (await client.login()).students[0]
    today = sim.today
    start, end = today - timedelta(days=7), today + timedelta(weeks=weeks_ahead)

    before = len(sim.requests)
    first = await client.timetable(student.id, start, end)
    first_calls = functions(sim, before).count("PageEmploiDuTemps")
    before = len(sim.requests)
    later = await client.timetable(student.id, start, end)
    later_calls = functions(sim, before).count("PageEmploiDuTemps")

    # First from last week's Monday to the end; then, last week kept, from this Monday.
    assert (first_calls, later_calls) == (1, 1)
    monday = datetime.combine(today - timedelta(days=today.weekday()), datetime.min.time())
    after_end = datetime.combine(end + timedelta(days=1), datetime.min.time())
    assert served == [(monday - timedelta(days=7), after_end), (monday, after_end)]
    assert later == first
    assert any(lesson.start < monday.replace(tzinfo=lesson.start.tzinfo) for lesson in first)
    # A day of the kept week alone needs no call at all.
    before = len(sim.requests)
    last_week = await client.timetable(student.id, start, start)
    assert functions(sim, before).count("PageEmploiDuTemps") == 0
    assert last_week == [lesson for lesson in first if lesson.start.date() == start]
    pupil = sim.student(sim.student_ids("eleve")[0])
    assert len(first) == sum(start <= lesson.start.date() <= end for lesson in pupil.lessons)


async def test_past_weeks_stay_flat_over_the_year(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    freezer: FrozenDateTimeFactory,
) -> None:
    client = make_client(http_session, root)
    student = (await client.login()).students[0]
    held: list[int] = []
    day = TERM_THURSDAY
    for _ in range(20):
        freezer.move_to(f"{day.isoformat()} 10:00:00+01:00")
        await client.timetable(student.id, day - timedelta(days=7), day + timedelta(days=14))
        held.append(len(client._past_weeks))
        day += timedelta(days=7)
    # Only last week, the one past week a refresh asks for.
    assert max(held) == 1

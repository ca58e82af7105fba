"""Week pages are parsed once, kept as models for a few minutes, and dropped after."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bs4 import BeautifulSoup
import pytest

from custom_components.schoolbag.client.lectio import LectioClient, parsers_timetable
from custom_components.schoolbag.client.lectio.const import COPENHAGEN, WEEK_CACHE_TTL
from custom_components.schoolbag.client.lectio.week_cache import WeekCache
from custom_components.schoolbag.client.lectio.week_models import WeekModels
from simulator.lectio import LectioSimulator

from .conftest import DEMO_ELEVID, TODAY, MakeClient

# A refresh every 30 minutes, as the integration does.
REFRESH = 30 * 60.0


class FakeTime:
    """The client's monotonic clock and school wall clock, moved by the test."""

    def __init__(self, day: date) -> None:
        self.day = day
        self.seconds = 0.0

    def now(self) -> datetime:
        return datetime.combine(self.day, time(10), tzinfo=COPENHAGEN)

    def clock(self) -> float:
        return self.seconds


async def _refresh(client: LectioClient, today: date) -> None:
    """The timetable and homework a refresh reads (the past week feeds both)."""
    await client.timetable(DEMO_ELEVID, today - timedelta(days=7), today + timedelta(days=14))
    await client.homework(DEMO_ELEVID, today - timedelta(days=7), today + timedelta(days=21))


def _schedule_pages(sim: LectioSimulator, since: int) -> int:
    return sum(path.endswith("SkemaNy.aspx") for _, path in sim.requests[since:])


async def test_each_week_page_is_parsed_once(
    make_client: MakeClient, sim: LectioSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[str] = []
    real_soup = parsers_timetable.soup

    def counting_soup(page: str) -> BeautifulSoup:
        parsed.append(page)
        return real_soup(page)

    monkeypatch.setattr(parsers_timetable, "soup", counting_soup)
    fake = FakeTime(TODAY)
    client = make_client(now=fake.now, clock=fake.clock)
    before = len(sim.requests)
    await _refresh(client, TODAY)
    fetched = _schedule_pages(sim, before)
    assert fetched == 4
    assert len(parsed) == fetched
    # Within the cache's time the weeks are served as models: no request, no parsing.
    await _refresh(client, TODAY)
    assert _schedule_pages(sim, before) == fetched
    assert len(parsed) == fetched


async def test_cache_stays_flat_over_a_school_year(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    fake = FakeTime(TODAY)
    client = make_client(now=fake.now, clock=fake.clock)
    held: list[int] = []
    for _ in range(40):
        await _refresh(client, fake.day)
        held.append(len(client._weeks))
        fake.day += timedelta(days=7)
        fake.seconds += REFRESH
    # One refresh's weeks (last week to two weeks ahead), never more.
    assert max(held) == 4


def test_weeks_past_their_time_are_dropped() -> None:
    cache = WeekCache(ttl=WEEK_CACHE_TTL)
    week = WeekModels(lessons=(), homework=())
    cache.put("102026", 0.0, week)
    cache.put("112026", 10.0, week)
    assert cache.get("102026", WEEK_CACHE_TTL - 1) is week
    assert cache.get("102026", WEEK_CACHE_TTL) is None
    cache.put("122026", WEEK_CACHE_TTL + 5.0, week)
    assert len(cache) == 2
    assert cache.get("112026", WEEK_CACHE_TTL + 5.0) is week
    cache.put("132026", 2 * WEEK_CACHE_TTL + 10.0, week)
    assert len(cache) == 1

"""Week pages are parsed once and kept as models (weeks that are over: while in the window)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from bs4 import BeautifulSoup
import pytest

from custom_components.schoolbag.client.lectio import LectioClient, parsers_timetable
from custom_components.schoolbag.client.lectio.const import COPENHAGEN
from custom_components.schoolbag.client.lectio.dates import Week
from custom_components.schoolbag.client.lectio.page_ages import FAR_WEEK_CACHE_TTL, WEEK_CACHE_TTL
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


def _week(number: int) -> Week:
    return Week(date(2026, 1, 5) + timedelta(weeks=number - 2))


def test_weeks_past_their_time_are_dropped() -> None:
    cache = WeekCache(ttl=WEEK_CACHE_TTL)
    week = WeekModels(lessons=(), homework=())
    cache.put(_week(10), 0.0, week)
    cache.put(_week(11), 10.0, week)
    assert cache.get(_week(10), WEEK_CACHE_TTL - 1) is week
    assert cache.get(_week(10), WEEK_CACHE_TTL) is None
    cache.put(_week(12), WEEK_CACHE_TTL + 5.0, week)
    assert len(cache) == 2
    assert cache.get(_week(11), WEEK_CACHE_TTL + 5.0) is week
    cache.put(_week(13), 2 * WEEK_CACHE_TTL + 10.0, week)
    assert len(cache) == 1


def test_a_week_that_is_over_is_kept_until_the_window_leaves_it() -> None:
    cache = WeekCache(ttl=WEEK_CACHE_TTL)
    week = WeekModels(lessons=(), homework=())
    cache.put(_week(10), 0.0, week, over=True)
    cache.put(_week(11), 0.0, week)
    later = 100 * WEEK_CACHE_TTL
    assert cache.get(_week(10), later) is week
    assert cache.get(_week(11), later) is None
    cache.keep_from(_week(11).monday)
    assert cache.get(_week(10), later) is None
    assert len(cache) == 1


async def test_the_past_week_is_read_once_a_refresh_later(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    fake = FakeTime(TODAY)
    client = make_client(now=fake.now, clock=fake.clock)
    before = len(sim.requests)
    await _refresh(client, TODAY)
    first = _schedule_pages(sim, before)
    fake.seconds += REFRESH
    await _refresh(client, TODAY)
    # Last week is over, and the week after next starts past the seven days the change
    # events watch: only this week and the next are read again.
    second = _schedule_pages(sim, before) - first
    assert second == first - 2
    # Two hours later the far week is read again too.
    fake.seconds += FAR_WEEK_CACHE_TTL
    await _refresh(client, TODAY)
    assert _schedule_pages(sim, before) - first - second == first - 1

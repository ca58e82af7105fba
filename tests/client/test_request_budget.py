"""The request budget: a burst, a refill per hour and a cap on any 24 hours, never exceeded."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client import (
    BudgetLimits,
    RateLimitedError,
    RequestBudget,
    RequestBudgetExceededError,
)
from custom_components.schoolbag.client.http import Sender

from ..fake_time import FakeClock
from ..servers import ServeApp

LIMITS = BudgetLimits(burst=3, per_hour=6.0, per_day=5)


def _spend(budget: RequestBudget, count: int) -> None:
    for _ in range(count):
        budget.take()


def test_a_burst_then_one_request_per_refill() -> None:
    clock = FakeClock()
    budget = RequestBudget(LIMITS, clock=clock)
    _spend(budget, 3)
    with pytest.raises(RequestBudgetExceededError) as caught:
        budget.take()
    # Six an hour: the next token comes in ten minutes.
    assert caught.value.retry_after == pytest.approx(600)
    assert isinstance(caught.value, RateLimitedError)
    assert "3 requests in a row" in str(caught.value)
    clock.now += 599
    with pytest.raises(RequestBudgetExceededError):
        budget.take()
    clock.now += 1
    budget.take()
    assert budget.sent_last_day == 4


def test_the_daily_cap_holds_whatever_the_bucket_says() -> None:
    clock = FakeClock()
    budget = RequestBudget(LIMITS, clock=clock)
    _spend(budget, 3)
    clock.now += 3600  # the bucket is full again
    _spend(budget, 2)
    with pytest.raises(RequestBudgetExceededError) as caught:
        budget.take()
    assert "5 requests in 24 hours" in str(caught.value)
    # The first request of the day leaves the window 24 hours after it went.
    assert caught.value.retry_after == pytest.approx(24 * 3600 - 3600)
    clock.now += 24 * 3600 - 3600
    _spend(budget, 3)
    assert budget.sent_last_day == 5


def test_wait_is_zero_while_requests_are_left() -> None:
    clock = FakeClock()
    budget = RequestBudget(LIMITS, clock=clock)
    assert budget.wait() == 0
    _spend(budget, 3)
    assert budget.wait() == pytest.approx(600)


def test_limits_grow_with_the_children_followed() -> None:
    one, three = BudgetLimits.for_students(1), BudgetLimits.for_students(3)
    assert BudgetLimits.for_students(0) == one
    assert three.burst > one.burst
    assert three.per_day > one.per_day
    # A school day of refreshes for one child (about 350 requests) fits twice over.
    assert one.per_day >= 2 * 350


@pytest.fixture
async def counted_origin(serve_app: ServeApp) -> tuple[str, list[str]]:
    seen: list[str] = []

    async def answer(request: web.Request) -> web.Response:
        seen.append(request.path)
        return web.Response(text="ok")

    async def moved(request: web.Request) -> web.Response:
        seen.append(request.path)
        raise web.HTTPFound("/page")

    app = web.Application()
    app.router.add_get("/page", answer)
    app.router.add_get("/moved", moved)
    return await serve_app(app), seen


@pytest.fixture
async def budgeted_session() -> AsyncGenerator[tuple[aiohttp.ClientSession, RequestBudget]]:
    budget = RequestBudget(BudgetLimits(burst=4, per_hour=1.0, per_day=100), clock=FakeClock())
    async with aiohttp.ClientSession(middlewares=(budget.middleware,)) as session:
        yield session, budget


async def test_nothing_leaves_the_session_past_the_budget(
    counted_origin: tuple[str, list[str]],
    budgeted_session: tuple[aiohttp.ClientSession, RequestBudget],
) -> None:
    origin, seen = counted_origin
    session, budget = budgeted_session
    sender = Sender(session, server="Demo", timeout=5)
    # Many callers at once, as entities and actions of one account can be.
    results = await asyncio.gather(
        *(sender.send("GET", f"{origin}/page") for _ in range(10)), return_exceptions=True
    )
    refused = [result for result in results if isinstance(result, RequestBudgetExceededError)]
    assert len(refused) == 6
    assert len(seen) == 4
    assert budget.sent_last_day == 4


async def test_every_redirect_hop_is_spent(
    counted_origin: tuple[str, list[str]],
    budgeted_session: tuple[aiohttp.ClientSession, RequestBudget],
) -> None:
    origin, seen = counted_origin
    session, budget = budgeted_session
    sender = Sender(session, server="Demo", timeout=5, auto_redirect=True)
    answer = await sender.send("GET", f"{origin}/moved")
    assert answer.text == "ok"
    assert seen == ["/moved", "/page"]
    assert budget.sent_last_day == 2


def test_a_larger_burst_adds_its_extra_requests_and_a_smaller_one_caps_them() -> None:
    clock = FakeClock()
    budget = RequestBudget(LIMITS, clock=clock)
    _spend(budget, 3)
    budget.limits = BudgetLimits(burst=5, per_hour=6.0, per_day=50)
    _spend(budget, 2)
    with pytest.raises(RequestBudgetExceededError):
        budget.take()
    clock.now += 3600
    budget.limits = BudgetLimits(burst=1, per_hour=6.0, per_day=50)
    budget.take()
    with pytest.raises(RequestBudgetExceededError):
        budget.take()


async def test_requests_in_flight_at_once_stay_under_the_limit(serve_app: ServeApp) -> None:
    in_flight = [0, 0]  # now, most

    async def slow(_: web.Request) -> web.Response:
        in_flight[0] += 1
        in_flight[1] = max(in_flight[1], in_flight[0])
        await asyncio.sleep(0.02)
        in_flight[0] -= 1
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/slow", slow)
    origin = await serve_app(app)
    budget = RequestBudget(BudgetLimits(burst=50, per_hour=50.0, per_day=50), max_in_flight=2)
    async with aiohttp.ClientSession(middlewares=(budget.middleware,)) as session:
        sender = Sender(session, server="Demo", timeout=5)
        answers = await asyncio.gather(*(sender.send("GET", f"{origin}/slow") for _ in range(6)))
    assert all(answer.text == "ok" for answer in answers)
    assert in_flight[1] == 2

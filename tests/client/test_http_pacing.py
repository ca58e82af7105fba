"""The pacer: one request at a time, and a pause after each before the next."""

from __future__ import annotations

import asyncio

import pytest

from custom_components.schoolbag.client.http import Pacer

from ..fake_time import FakeClock


async def test_the_first_request_goes_at_once_and_the_next_waits_the_gap() -> None:
    time = FakeClock()
    pacer = Pacer(1.0, clock=time, sleep=time.sleep)
    async with pacer:
        time.now += 0.2  # the request takes 0.2 s
    assert time.pauses == []
    time.now += 0.3  # the caller parses the page
    async with pacer:
        pass
    assert time.pauses == [pytest.approx(0.7)]


async def test_no_wait_once_the_gap_has_passed() -> None:
    time = FakeClock()
    pacer = Pacer(1.0, clock=time, sleep=time.sleep)
    async with pacer:
        pass
    time.now += 5
    async with pacer:
        pass
    assert time.pauses == []


async def test_requests_never_overlap() -> None:
    time = FakeClock()
    pacer = Pacer(0.0, clock=time, sleep=time.sleep)
    inside = 0
    most_inside = 0

    async def request() -> None:
        nonlocal inside, most_inside
        async with pacer:
            inside += 1
            most_inside = max(most_inside, inside)
            await asyncio.sleep(0)
            inside -= 1

    await asyncio.gather(*(request() for _ in range(4)))
    assert most_inside == 1


async def test_a_cancelled_wait_lets_the_next_request_through() -> None:
    time = FakeClock()
    never = asyncio.Event()

    async def hang(seconds: float) -> None:
        await never.wait()

    pacer = Pacer(1.0, clock=time, sleep=hang)
    async with pacer:
        pass

    async def request() -> None:
        async with pacer:
            pass

    waiting = asyncio.create_task(request())
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    time.now += 1.0
    await asyncio.wait_for(request(), timeout=1)

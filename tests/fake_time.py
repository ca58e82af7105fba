"""A clock that moves only when the code under test pauses (or the test moves it)."""

from __future__ import annotations

import asyncio


class FakeTime:
    """``clock`` and ``sleep`` to inject: a pause records its length and moves the clock."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now
        self.pauses: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)

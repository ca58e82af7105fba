"""A monotonic clock that moves only when the test moves it, or when the code under test pauses."""

from __future__ import annotations

import asyncio


class FakeClock:
    """Call it for the time; ``sleep`` to inject records each pause and moves the clock by it."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now
        self.pauses: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds
        await asyncio.sleep(0)

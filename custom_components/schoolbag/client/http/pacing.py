"""One request at a time, with a pause between them, where a server asks for it.

Lectio's etiquette: scrapers that fan out, or send requests back to back, get error pages
and then blocked (docs/protocols/lectio.md §10: at most one request in flight per account,
at least a second between requests).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
import time
from types import TracebackType


class Pacer:
    """Lets one request through at a time, ``gap`` seconds after the previous one ended.

    ``async with pacer:`` around a request (its redirects included: a browser follows
    those at once).
    """

    def __init__(
        self,
        gap: float,
        *,
        clock: Callable[[], float] | None = None,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.gap = gap
        # Looked up at each call by default, so that a test's frozen clock applies.
        self._clock = clock or (lambda: time.monotonic())
        self._sleep = sleep or asyncio.sleep
        self._turn = asyncio.Lock()
        # When the previous request ended; None before the first one.
        self._ended_at: float | None = None

    async def __aenter__(self) -> None:
        await self._turn.acquire()
        try:
            if (
                self._ended_at is not None
                and (wait := self._ended_at + self.gap - self._clock()) > 0
            ):
                await self._sleep(wait)
        except BaseException:
            self._turn.release()
            raise

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._ended_at = self._clock()
        self._turn.release()

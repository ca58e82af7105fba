"""A request budget per account: a token bucket, a cap on any 24 hours, requests in flight.

The budget sees every request the account's HTTP session sends, redirects, logins and
keep-alive reads included, as an aiohttp client middleware. A request over the budget is
not sent: it raises RequestBudgetExceededError, which says when the next one may go.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
import time
from typing import Final

import aiohttp

from ..errors import RequestBudgetExceededError

DAY: Final = 24 * 3600.0
# Requests of one account awaiting their answers at once: no more than a browser opens to one
# server (6 connections), so a school sees a family at its web page, not a crowd.
MAX_IN_FLIGHT: Final = 6
HOUR: Final = 3600.0


@dataclass(frozen=True, slots=True)
class BudgetLimits:
    """How many requests an account may send: at once, per hour on average, per 24 hours."""

    burst: int
    per_hour: float
    per_day: int

    @classmethod
    def for_students(cls, students: int) -> BudgetLimits:
        """Room for the refreshes of ``students`` children, and three times that to spare.

        A refresh costs about 10 requests plus 10 per further child on the busiest platform
        (Pronote), and a school day of refreshes about 350 for one child.
        """
        burst = 40 + 20 * max(students, 1)
        return cls(burst=burst, per_hour=float(burst), per_day=12 * burst)


class RequestBudget:
    """The requests one account may still send; shared by everything that uses its session."""

    def __init__(
        self,
        limits: BudgetLimits,
        *,
        clock: Callable[[], float] | None = None,
        max_in_flight: int = MAX_IN_FLIGHT,
    ) -> None:
        # Looked up at each call by default, so that a test's frozen clock applies.
        self._clock = clock or (lambda: time.monotonic())
        self._limits = limits
        self._tokens = float(limits.burst)
        self._refilled_at = self._clock()
        # When each request of the last 24 hours went out, oldest first.
        self._sent: deque[float] = deque()
        # Requests of the account waiting for their answer at once, at most.
        self._in_flight = asyncio.Semaphore(max_in_flight)

    @property
    def limits(self) -> BudgetLimits:
        """The limits in force."""
        return self._limits

    @limits.setter
    def limits(self, limits: BudgetLimits) -> None:
        """New limits (more children followed): a larger burst adds its extra requests now."""
        self._refill(self._clock())
        self._tokens = min(
            float(limits.burst), self._tokens + max(limits.burst - self._limits.burst, 0)
        )
        self._limits = limits

    @property
    def sent_last_day(self) -> int:
        """Requests sent in the last 24 hours."""
        self._forget_older_than_a_day(self._clock())
        return len(self._sent)

    def wait(self) -> float:
        """Seconds before the next request may go (0 when it may go now)."""
        now = self._clock()
        self._refill(now)
        self._forget_older_than_a_day(now)
        waits = [0.0]
        if self._tokens < 1:
            waits.append((1 - self._tokens) * HOUR / self.limits.per_hour)
        if len(self._sent) >= self.limits.per_day:
            waits.append(self._sent[len(self._sent) - self.limits.per_day] + DAY - now)
        return max(waits)

    def take(self) -> None:
        """Spend one request, or raise RequestBudgetExceededError when none is left."""
        if (wait := self.wait()) > 0:
            daily = len(self._sent) >= self.limits.per_day
            spent = (
                f"{self.limits.per_day} requests in 24 hours"
                if daily
                else f"{self.limits.burst} requests in a row"
            )
            raise RequestBudgetExceededError(
                f"this account's request budget is used ({spent})", retry_after=wait
            )
        self._tokens -= 1
        self._sent.append(self._clock())

    async def middleware(
        self, request: aiohttp.ClientRequest, handler: aiohttp.ClientHandlerType
    ) -> aiohttp.ClientResponse:
        """The aiohttp client middleware: nothing leaves the session past the budget.

        A request waits for its turn when ``max_in_flight`` others await their answers.
        """
        async with self._in_flight:
            self.take()
            return await handler(request)

    def _refill(self, now: float) -> None:
        earned = (now - self._refilled_at) * self.limits.per_hour / HOUR
        self._tokens = min(float(self.limits.burst), self._tokens + earned)
        self._refilled_at = now

    def _forget_older_than_a_day(self, now: float) -> None:
        while self._sent and self._sent[0] <= now - DAY:
            self._sent.popleft()

"""After a failed refresh, try again soon, then less and less often.

A school that was down for a moment comes back on the dashboard within minutes, not at the
next half-hour; a school that stays down is asked no more often than the usual interval.
"""

from __future__ import annotations

from datetime import timedelta
import random

FIRST_RETRY = timedelta(minutes=1)
# Spreads the retries of many homes that saw the same outage end.
JITTER = 0.2
# Past this many doublings the delay is the interval anyway (30 minutes > 2**5 minutes).
MAX_DOUBLINGS = 10


class RefreshBackoff:
    """The delays before the refreshes that follow consecutive failures."""

    def __init__(self, interval: timedelta) -> None:
        """``interval`` is the usual refresh interval, and the longest delay."""
        self.interval = interval
        self._failures = 0

    def after_failure(self) -> timedelta:
        """1, 2, 4, 8… minutes (a little less, at random), never more than the interval."""
        delay = min(FIRST_RETRY * (1 << self._failures), self.interval)
        self._failures = min(self._failures + 1, MAX_DOUBLINGS)
        return delay * (1 - random.uniform(0, JITTER))

    def reset(self) -> None:
        """A refresh succeeded: the next failure starts again from the first retry."""
        self._failures = 0

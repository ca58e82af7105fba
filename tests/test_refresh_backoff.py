"""Retries after failed refreshes: soon at first, then less often, never past the interval."""

from __future__ import annotations

from datetime import timedelta

from custom_components.schoolbag.refresh_backoff import JITTER, RefreshBackoff

INTERVAL = timedelta(minutes=30)


def _within_jitter(delay: timedelta, expected: timedelta) -> bool:
    return expected * (1 - JITTER) <= delay <= expected


def test_delays_double_from_one_minute_up_to_the_interval() -> None:
    backoff = RefreshBackoff(INTERVAL)
    expected = [1, 2, 4, 8, 16, 30, 30, 30]
    delays = [backoff.after_failure() for _ in expected]
    assert all(
        _within_jitter(delay, timedelta(minutes=minutes))
        for delay, minutes in zip(delays, expected, strict=True)
    )


def test_a_success_starts_again_from_the_first_retry() -> None:
    backoff = RefreshBackoff(INTERVAL)
    for _ in range(4):
        backoff.after_failure()
    backoff.reset()
    assert _within_jitter(backoff.after_failure(), timedelta(minutes=1))


def test_many_failures_stay_at_the_interval() -> None:
    backoff = RefreshBackoff(INTERVAL)
    delays = [backoff.after_failure() for _ in range(200)]
    assert _within_jitter(delays[-1], INTERVAL)

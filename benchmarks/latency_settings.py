"""What latency.py hands to latency_play.py (no Home Assistant import: pytest loads it first)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from benchmarks.day_calendar import MONDAY, PLATFORMS

# The environment variables carrying the settings and the figures' file.
LATENCY_MS = "SCHOOLBAG_LATENCY_MS"
REFRESHES = "SCHOOLBAG_LATENCY_REFRESHES"
CROWD = "SCHOOLBAG_LATENCY_CROWD"
OUT = "SCHOOLBAG_LATENCY_OUT"

# Accounts are added on a Tuesday morning of the day benchmark's school week, then refreshed
# at the integration's school-hours interval.
DAY = MONDAY + timedelta(days=1)
# 09:00 in Paris and Copenhagen; the clock is frozen there before Home Assistant starts.
ADDED = datetime.combine(DAY, time(8, 0), UTC)
INTERVAL = timedelta(minutes=30)

# The ten accounts of one event loop: mixed platforms, or ten of one.
CROWD_SIZE = 10
MIXED = tuple(PLATFORMS[index % len(PLATFORMS)] for index in range(CROWD_SIZE))


def crowd(name: str) -> tuple[str, ...]:
    """The platforms of the ten accounts: ``mixed`` or a platform's name."""
    return MIXED if name == "mixed" else (name,) * CROWD_SIZE

"""The school year the year benchmark plays (no Home Assistant import: pytest loads it first)."""

from __future__ import annotations

from datetime import date, time, timedelta

# Monday 1 September 2025 to Friday 3 July 2026: 44 school weeks.
FIRST_MONDAY = date(2025, 9, 1)
WEEKS = 44
# The sampled part of every other week (the timetable's window of three weeks around each
# refresh still covers every week): Tuesday from 06:00 to 09:00, local time.
WEEK_STEP = 2
SAMPLED_WEEKDAY = 1
SAMPLE_START = time(6, 0)
SAMPLE_END = time(9, 0)
# Where year_play.py writes its figures for year.py; how many weeks it plays (for short runs).
OUT = "SCHOOLBAG_YEAR_OUT"
WEEKS_VARIABLE = "SCHOOLBAG_YEAR_WEEKS"


def sampled_days(weeks: int) -> list[date]:
    """The sampled days of the first ``weeks`` school weeks."""
    return [
        FIRST_MONDAY + timedelta(weeks=week, days=SAMPLED_WEEKDAY)
        for week in range(0, weeks, WEEK_STEP)
    ]

"""Requests per school day: the headline politeness benchmark (issue 13).

Plays one school week and a holiday on a fake clock against the simulators, for the four
platforms, with the integration's real coordinator and default options (day_play.py, run in
Home Assistant's test harness), then prints one line per platform:

    day <platform>: schoolbag <R> requests, <L> logins per school day; reference <R2>
    requests, <L2> logins (<reference name>)

followed by the weekend-day and holiday figures, the ratio to the reference and the oldest
data seen between 07:00 and 19:00 on school days.

    .venv/bin/python -m benchmarks.day [--platform pronote]
"""

from __future__ import annotations

import argparse
from datetime import timedelta
import json
import os
from pathlib import Path
import statistics
import sys
import tempfile
from typing import Any

import pytest

# Nothing of Home Assistant may be imported before pytest loads its plugin.
from benchmarks.day_calendar import HOLIDAY_MONDAY, MONDAY, OUT_VARIABLE, PLATFORMS, SATURDAY

# The school days after the one the account was added on, the weekend, a holiday.
SCHOOL_DAYS = [(MONDAY + timedelta(days=offset)).isoformat() for offset in range(1, 5)]
WEEKEND = [SATURDAY.isoformat(), (SATURDAY + timedelta(days=1)).isoformat()]
HOLIDAY = (HOLIDAY_MONDAY + timedelta(days=1)).isoformat()
GOAL = 1 / 3


def _per_day(days: dict[str, list[int]], chosen: list[str]) -> tuple[int, int]:
    """Mean requests and logins of the ``chosen`` days."""
    return (
        round(statistics.mean(days[day][0] for day in chosen)),
        round(statistics.mean(days[day][1] for day in chosen)),
    )


def _lines(platform: str, figures: dict[str, Any]) -> list[str]:
    week, holiday = figures["week"], figures["holiday"]
    ours, theirs = week["schoolbag"]["days"], week["reference"]
    school, reference_school = _per_day(ours, SCHOOL_DAYS), _per_day(theirs, SCHOOL_DAYS[:1])
    weekend, reference_weekend = _per_day(ours, WEEKEND), _per_day(theirs, WEEKEND[:1])
    holiday_day = _per_day(holiday["schoolbag"]["days"], [HOLIDAY])
    reference_holiday = _per_day(holiday["reference"], [HOLIDAY])
    ratio = school[0] / reference_school[0]
    verdict = "meets" if ratio <= GOAL else "misses"
    hours = week["schoolbag"]["hours"]
    return [
        f"day {platform}: schoolbag {school[0]} requests, {school[1]} logins per school day; "
        f"reference {reference_school[0]} requests, {reference_school[1]} logins "
        f"({week['name']})",
        f"  weekend day: schoolbag {weekend[0]} requests, {weekend[1]} logins; "
        f"reference {reference_weekend[0]} requests, {reference_weekend[1]} logins",
        f"  holiday day: schoolbag {holiday_day[0]} requests, {holiday_day[1]} logins; "
        f"reference {reference_holiday[0]} requests, {reference_holiday[1]} logins",
        f"  school day: {ratio:.2f} of the reference ({verdict} the 1/3 goal); data at most "
        f"{week['schoolbag']['oldest_minutes']:.0f} min old from {hours}",
    ]


def main() -> int:
    """Play the week in Home Assistant's test harness, then print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", choices=PLATFORMS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "figures.json"
        os.environ[OUT_VARIABLE] = str(out)
        arguments = ["-q", "-p", "no:cacheprovider", "-p", "tests.conftest"]
        if args.platform:
            arguments += ["-k", args.platform]
        code = pytest.main([*arguments, str(Path(__file__).with_name("day_play.py"))])
        figures = json.loads(out.read_text()) if out.exists() else {}
    for platform in PLATFORMS:
        if platform in figures:
            print("\n".join(_lines(platform, figures[platform])))
    return int(code)


if __name__ == "__main__":
    sys.exit(main())

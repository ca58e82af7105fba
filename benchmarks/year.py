"""Memory over a school year, one account per platform (issue 16).

Plays a sampled day of every school week from September to July on a fake clock, with the
integration's real coordinator refreshing as its schedule decides (year_play.py, in Home
Assistant's test harness), and prints the Python memory held at the end of each month
(tracemalloc, after a full garbage collection, without the simulator's allocations), then per
platform:

    year <platform>: memory first month <kB> kB, last month <kB> kB, growth <kB> kB

    .venv/bin/python -m benchmarks.year [--platform lectio] [--weeks 44]
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

# Nothing of Home Assistant may be imported before pytest loads its plugin.
from benchmarks.day_calendar import PLATFORMS
from benchmarks.probes import run_play
from benchmarks.year_calendar import (
    OUT,
    SAMPLE_END,
    SAMPLE_START,
    WEEKS,
    WEEKS_VARIABLE,
    sampled_days,
)


def _lines(platform: str, figures: dict[str, Any]) -> list[str]:
    months: list[dict[str, Any]] = figures["months"]
    lines = [
        f"  {platform} {month['month']}: {month['kib']} kB held, of which the integration's "
        f"own allocations {month['integration_kib']} kB (the data shown: {month['data_kib']} kB "
        f"of JSON); {month['refreshes']} refreshes, "
        f"{month['failed_days']} sampled days ending on a failed refresh so far"
        for month in months
    ]
    first, last = months[0], months[-1]
    lines.append(
        f"year {platform}: memory first month {first['kib']} kB, last month {last['kib']} kB, "
        f"growth {last['kib'] - first['kib']} kB (integration's own: "
        f"{last['integration_kib'] - first['integration_kib']} kB; the data shown as JSON: "
        f"{last['data_kib'] - first['data_kib']} kB)"
    )
    lines.extend(f"  grew most: {line}" for line in figures["growth"])
    return lines


def main() -> int:
    """Play the year in Home Assistant's test harness, then print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", choices=PLATFORMS)
    parser.add_argument("--weeks", type=int, default=WEEKS, choices=range(1, WEEKS + 1))
    args = parser.parse_args()
    # Two platforms at a time, each in its own process (and its own tracemalloc).
    arguments = ["-k", args.platform] if args.platform else ["-n", "2"]
    code, figures = run_play("year_play.py", OUT, {WEEKS_VARIABLE: str(args.weeks)}, arguments)
    days = sampled_days(args.weeks)
    weekday = days[0].strftime("%A")
    print(
        f"sampled: every other week of {args.weeks} school weeks, {len(days)} {weekday}s from "
        f"{days[0]} to {days[-1]}, each from {SAMPLE_START:%H:%M} to {SAMPLE_END:%H:%M} at the "
        "integration's own schedule; the simulator moves to each sampled week"
    )
    for platform in PLATFORMS:
        if platform in figures:
            print("\n".join(_lines(platform, figures[platform])))
    return code


if __name__ == "__main__":
    sys.exit(main())

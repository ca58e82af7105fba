"""Refresh wall times at a given latency per request, on the four platforms (issue 16).

Runs the integration's real coordinator (latency_play.py, in Home Assistant's test harness)
against the simulators, each delaying every answer by ``--latency-ms``, and prints per
platform:

    latency <platform>: later refresh <ms> ms, <n> requests

(the mean of the later refreshes, the session kept), then the first refresh, the ten accounts
refreshed at once in one event loop (wall time, worst callback, memory) and the reference
clients measured at the same latency.

    .venv/bin/python -m benchmarks.latency [--latency-ms 200] [--refreshes 5] [--crowd mixed]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from typing import Any

# Nothing of Home Assistant may be imported before pytest loads its plugin.
from benchmarks.day_calendar import PLATFORMS
from benchmarks.latency_settings import CROWD, LATENCY_MS, OUT, REFRESHES
from benchmarks.probes import run_play


def _requests(counts: list[int]) -> str:
    """``10`` when every later refresh made 10 requests, else their mean (``10.5``)."""
    if min(counts) == max(counts):
        return str(counts[0])
    return f"{statistics.mean(counts):.1f}"


def _platform_lines(platform: str, figures: dict[str, Any], *, paths: bool) -> list[str]:
    lines = [
        f"latency {platform}: later refresh {figures['later_ms']:.0f} ms, "
        f"{_requests(figures['later_requests'])} requests",
        f"  first refresh (login and data): {figures['first_ms']:.0f} ms, "
        f"{figures['first_requests']} requests; later refreshes' requests "
        f"{', '.join(map(str, figures['later_requests']))}; keep-alive requests before them "
        f"{', '.join(map(str, figures['idle_requests']))}; in later refreshes the longest "
        f"callback took {figures['worst_callback_ms']:.0f} ms of CPU ("
        f"{figures['worst_gc_ms']:.0f} ms of it garbage collection; without it, at most "
        f"{figures['worst_without_gc_ms']:.0f} ms), the loop answered at "
        f"worst {figures['worst_lag_ms']:.0f} ms late",
    ]
    if paths:
        lines.append(f"  the last later refresh asked for: {'; '.join(figures['last_requests'])}")
        lines.append(f"  the longest callback ran {figures['worst_callback']}")
    return lines


def _crowd_lines(figures: dict[str, Any], *, paths: bool) -> list[str]:
    platforms = figures["platforms"]
    kinds = ", ".join(f"{platforms.count(p)} {p}" for p in PLATFORMS if p in platforms)
    lines = [
        f"10 accounts ({kinds}) refreshed at once in one event loop: "
        f"{figures['round_ms']:.0f} ms wall time, longest callback "
        f"{figures['worst_callback_ms']:.0f} ms of CPU ({figures['worst_gc_ms']:.0f} ms of it "
        f"garbage collection; without it, at most {figures['worst_without_gc_ms']:.0f} ms; "
        f"loop at worst "
        f"{figures['worst_lag_ms']:.0f} ms late), memory {figures['held_kib']} KiB held after "
        f"a round, peak {figures['peak_kib']} KiB (tracemalloc, from before the setup)",
    ]
    if figures["failed"]:
        lines.append(f"  failed refreshes: {', '.join(figures['failed'])}")
    if paths:
        lines.append(f"  the longest callback ran {figures['worst_callback']}")
    return lines


def main() -> int:
    """Play the refreshes in Home Assistant's test harness, then the reference clients."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=float, default=200.0)
    parser.add_argument("--refreshes", type=int, default=5, help="later refreshes measured")
    parser.add_argument("--crowd", choices=("mixed", *PLATFORMS), default="mixed")
    parser.add_argument("--platform", choices=PLATFORMS, help="one platform, no crowd")
    parser.add_argument("--no-reference", action="store_true")
    parser.add_argument(
        "--show-requests", action="store_true", help="list the last later refresh's requests"
    )
    args = parser.parse_args()
    settings = {
        LATENCY_MS: str(args.latency_ms),
        REFRESHES: str(args.refreshes),
        CROWD: args.crowd,
    }
    arguments = ["-k", args.platform] if args.platform else []
    code, figures = run_play("latency_play.py", OUT, settings, arguments)
    print(f"{args.latency_ms:.0f} ms latency per request, {args.refreshes} later refreshes")
    for platform in PLATFORMS:
        if platform in figures:
            print("\n".join(_platform_lines(platform, figures[platform], paths=args.show_requests)))
    if "crowd" in figures:
        print("\n".join(_crowd_lines(figures["crowd"], paths=args.show_requests)))
    if not args.no_reference:
        # Home Assistant is loaded by now: the reference clients may import the integration.
        from benchmarks.latency_reference import reference_lines  # noqa: PLC0415

        print("\n".join(reference_lines(args.latency_ms, args.refreshes)))
    return code


if __name__ == "__main__":
    sys.exit(main())

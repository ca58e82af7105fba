"""Requests, wall time and memory per refresh: Schoolbag's client vs pronotepy.

Both read the same data of the demo student from the simulated Pronote with
injected latency: timetable (3 weeks), homework (3 weeks ahead), grades and
averages of the current period, school life of the year (absences, delays,
punishments) and discussions. Schoolbag logs in once and keeps its session, as
the Home Assistant coordinator does; unmodified pronotepy logs in on every
refresh, as existing integrations do. Page loads count as requests.

    .venv/bin/python -m benchmarks.pronote_refresh [--refreshes 20] [--latency-ms 50]
"""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from importlib.metadata import version
import time

import aiohttp

from benchmarks.common import Result, SimulatorThread, measured, parse_args, print_table
from custom_components.schoolbag.client import Credentials
from custom_components.schoolbag.client.pronote import PronoteClient
from simulator.pronote import PronoteSimulator

USERNAME, PASSWORD = "demonstration", "pronotevs"
SPACE = "/pronote/eleve.html"


async def schoolbag_run(url: str, simulator: PronoteSimulator, refreshes: int) -> Result:
    """Log in on the first refresh, keep the session for the next ones."""
    today = date.today()
    counts: list[int] = []
    seconds: list[float] = []
    async with aiohttp.ClientSession() as session:
        client = PronoteClient(session, Credentials(USERNAME, PASSWORD), url=url)
        with measured() as peak:
            for _ in range(refreshes):
                before = len(simulator.requests)
                started = time.perf_counter()
                # What the coordinator does: login() is free while the session lives.
                account = await client.login()
                for student in account.students:
                    await client.timetable(
                        student.id, today - timedelta(days=7), today + timedelta(days=14)
                    )
                    await client.homework(student.id, today, today + timedelta(days=21))
                    await client.grades(student.id)
                    await client.school_life(student.id)
                    await client.mailbox(student.id)
                seconds.append(time.perf_counter() - started)
                counts.append(len(simulator.requests) - before)
            peak_kib = peak()
    return Result("schoolbag (session kept)", counts, seconds, peak_kib)


def pronotepy_run(url: str, simulator: PronoteSimulator, refreshes: int) -> Result:
    """Log in on every refresh, then read the same data (synchronous, in this thread)."""
    import pronotepy  # noqa: PLC0415

    today = date.today()
    counts: list[int] = []
    seconds: list[float] = []
    with measured() as peak:
        for _ in range(refreshes):
            before = len(simulator.requests)
            started = time.perf_counter()
            client = pronotepy.Client(url, USERNAME, PASSWORD)
            try:
                client.lessons(today - timedelta(days=7), today + timedelta(days=14))
                client.homework(today, today + timedelta(days=21))
                period = client.current_period
                _ = period.grades, period.averages
                # Schoolbag reads the school life of the whole year: the longest period.
                year = max(client.periods, key=lambda p: p.end - p.start)
                _ = year.absences, year.delays, year.punishments
                _ = sum(discussion.unread for discussion in client.discussions())
            finally:
                client.communication.session.close()
            seconds.append(time.perf_counter() - started)
            counts.append(len(simulator.requests) - before)
        peak_kib = peak()
    return Result(f"pronotepy {version('pronotepy')} (login each time)", counts, seconds, peak_kib)


def main() -> None:
    """Run both clients and print a table."""
    args = parse_args(__doc__.splitlines()[0])

    results = []
    for runner in ("schoolbag", "pronotepy"):
        simulator = PronoteSimulator()
        simulator.faults.latency = args.latency_ms / 1000
        with SimulatorThread(pronote=simulator) as origin:
            url = f"{origin}{SPACE}"
            if runner == "schoolbag":
                results.append(asyncio.run(schoolbag_run(url, simulator, args.refreshes)))
            else:
                results.append(pronotepy_run(url, simulator, args.refreshes))

    print_table(results, args.refreshes, args.latency_ms)
    ours, theirs = results
    print(
        f"steady-state requests per refresh, schoolbag / pronotepy: "
        f"{ours.steady_requests:.1f} / {theirs.steady_requests:.1f} "
        f"= {ours.steady_requests / theirs.steady_requests:.2f}"
    )


if __name__ == "__main__":
    main()

"""Requests, wall time and memory per refresh on Lectio or ScoDoc: session kept vs login each time.

No reference client exists for these platforms, so the comparison is with our own client
built anew for every refresh, which is what an integration that logs in each time does.
Each refresh reads what the Home Assistant coordinator reads for the platform's
capabilities (timetable today-7..+14, homework ..+21, grades, school life, messages), from
the simulated server with injected latency.

    .venv/bin/python -m benchmarks.session_refresh lectio [--refreshes 20] [--latency-ms 50]
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from datetime import date, timedelta
import time

import aiohttp

from benchmarks.common import Result, SimulatorThread, measured, print_table
from custom_components.schoolbag.client import Credentials, LectioClient, SchoolClient, ScoDocClient
from custom_components.schoolbag.client.models import Capability
from simulator.lectio import LectioSimulator
from simulator.scodoc import ScoDocSimulator

type ClientMaker = Callable[[aiohttp.ClientSession], SchoolClient]


async def refresh(client: SchoolClient) -> None:
    """What the coordinator reads in one refresh (login() is free while a session lives)."""
    today = date.today()
    capabilities = client.capabilities
    account = await client.login()
    for student in account.students:
        if Capability.TIMETABLE in capabilities:
            await client.timetable(
                student.id, today - timedelta(days=7), today + timedelta(days=14)
            )
        if Capability.HOMEWORK in capabilities:
            await client.homework(student.id, today - timedelta(days=7), today + timedelta(days=21))
        if Capability.GRADES in capabilities:
            await client.grades(student.id)
        if Capability.SCHOOL_LIFE in capabilities:
            await client.school_life(student.id)
        if Capability.MESSAGES in capabilities:
            await client.mailbox(student.id)


async def run(
    make: ClientMaker, requests: Callable[[], int], refreshes: int, *, keep: bool
) -> Result:
    """``refreshes`` refreshes with one client (``keep``) or a new client each time."""
    counts: list[int] = []
    seconds: list[float] = []

    async def timed(client: SchoolClient) -> None:
        before = requests()
        started = time.perf_counter()
        await refresh(client)
        seconds.append(time.perf_counter() - started)
        counts.append(requests() - before)

    with measured() as peak:
        if keep:
            async with _new_http() as http:
                client = make(http)
                for _ in range(refreshes):
                    await timed(client)
        else:
            for _ in range(refreshes):
                # A new cookie jar for each new client: nothing of the last login survives.
                async with _new_http() as http:
                    await timed(make(http))
        peak_kib = peak()
    name = "schoolbag (session kept)" if keep else "schoolbag (login each time)"
    return Result(name, counts, seconds, peak_kib)


def _new_http() -> aiohttp.ClientSession:
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


def lectio_maker(origin: str) -> ClientMaker:
    """The demo student of the simulated Lectio, password login."""
    return lambda http: LectioClient(
        http, Credentials("demo", "demo"), school_id="680", base_url=origin
    )


def scodoc_maker(origin: str) -> ClientMaker:
    """The demo API account following the two demo students."""
    return lambda http: ScoDocClient(
        http,
        Credentials("demo", "demo"),
        base_url=f"{origin}/ScoDoc",
        department="INFO",
        student_ids=("31024587", "31029911"),
    )


def main() -> None:
    """Run both ways on the chosen platform and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("platform", choices=("lectio", "scodoc"))
    parser.add_argument("--refreshes", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    args = parser.parse_args()
    results = []
    for keep in (True, False):
        simulator: LectioSimulator | ScoDocSimulator
        if args.platform == "lectio":
            simulator = LectioSimulator()
            thread, maker = SimulatorThread(lectio=simulator), lectio_maker
        else:
            simulator = ScoDocSimulator()
            thread, maker = SimulatorThread(scodoc=simulator), scodoc_maker
        simulator.faults.latency = args.latency_ms / 1000
        with thread as origin:
            requests = simulator.requests.__len__
            results.append(asyncio.run(run(maker(origin), requests, args.refreshes, keep=keep)))
    print_table(results, args.refreshes, args.latency_ms)
    kept, fresh = results
    print(
        f"steady-state requests per refresh, kept / login each time: "
        f"{kept.steady_requests:.1f} / {fresh.steady_requests:.1f} "
        f"= {kept.steady_requests / fresh.steady_requests:.2f}"
    )


if __name__ == "__main__":
    main()

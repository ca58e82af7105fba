"""Requests, wall time and memory per refresh: Schoolbag's client vs pydirecte.

Both read the same data of the demo student from the simulated EcoleDirecte
with injected latency: timetable (3 weeks), homework (list and each day's
details), grades, school life and messages. Schoolbag keeps its session;
pydirecte logs in on every refresh, as existing integrations do.

    .venv/bin/python -m benchmarks.ecoledirecte_refresh [--refreshes 20] [--latency-ms 50]
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
import statistics
import threading
import time
import tracemalloc
from typing import Any
import uuid

import aiohttp
from aiohttp import web

from custom_components.schoolbag.client import Credentials, DoubleAuthRequired
from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator

USERNAME, PASSWORD = "demo.eleve", "demo"
STUDENT_ID = 2345
REAL_BASE = "https://api.ecoledirecte.com/v3"


@dataclass
class Result:
    """Per-refresh measurements of one client."""

    name: str
    requests: list[int]
    seconds: list[float]
    peak_kib: float

    def line(self) -> str:
        """One table row."""
        steady = self.requests[1:] or self.requests
        return (
            f"{self.name:<34} {self.requests[0]:>8} {statistics.mean(steady):>10.1f} "
            f"{statistics.mean(self.seconds) * 1000:>9.0f} "
            f"{statistics.median(self.seconds) * 1000:>9.0f} {self.peak_kib:>10.0f}"
        )


class SimulatorThread:
    """The simulated server on its own event loop, so synchronous clients can call it."""

    def __init__(self, simulator: EcoleDirecteSimulator) -> None:
        self.simulator = simulator
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        runner = web.AppRunner(build_app(ecoledirecte=self.simulator), access_log=None)
        self.loop.run_until_complete(runner.setup())
        site = web.TCPSite(runner, "127.0.0.1", 0)
        self.loop.run_until_complete(site.start())
        self.port = runner.addresses[0][1]
        self._ready.set()
        self.loop.run_forever()
        self.loop.run_until_complete(runner.cleanup())

    def __enter__(self) -> str:
        self._thread.start()
        self._ready.wait()
        return f"http://127.0.0.1:{self.port}/v3"

    def __exit__(self, *_: object) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join()


@contextmanager
def measured() -> Iterator[Callable[[], float]]:
    """Track peak Python memory (KiB) of what runs inside."""
    tracemalloc.start()
    try:
        yield lambda: tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


async def schoolbag_run(base_url: str, simulator: EcoleDirecteSimulator, refreshes: int) -> Result:
    """Log in once (answering the QCM), then refresh ``refreshes`` times."""
    today = date.today()
    counts: list[int] = []
    seconds: list[float] = []
    async with aiohttp.ClientSession() as session:
        client = EcoleDirecteClient(session, Credentials(USERNAME, PASSWORD), base_url=base_url)
        try:
            await client.login()
        except DoubleAuthRequired:
            await client.answer_challenge(simulator.qcm_answer(USERNAME))
        # Like a restart with the stored trust: the measured runs start logged out.
        client = EcoleDirecteClient(
            session, Credentials(USERNAME, PASSWORD, client.trust), base_url=base_url
        )
        student = str(STUDENT_ID)
        with measured() as peak:
            for _ in range(refreshes):
                before = len(simulator.requests)
                started = time.perf_counter()
                await client.login()
                await client.timetable(
                    student, today - timedelta(days=7), today + timedelta(days=14)
                )
                await client.homework(student, today, today + timedelta(days=21))
                await client.grades(student)
                await client.school_life(student)
                await client.mailbox(student)
                seconds.append(time.perf_counter() - started)
                counts.append(len(simulator.requests) - before)
            peak_kib = peak()
    return Result("schoolbag (session kept)", counts, seconds, peak_kib)


def pydirecte_run(base_url: str, simulator: EcoleDirecteSimulator, refreshes: int) -> Result:
    """Log in on every refresh (double-auth proof kept), then read the same data."""
    import pydirecte  # noqa: PLC0415
    from pydirecte import index  # noqa: PLC0415

    real_post = index.requests.post

    def post(url: str, *args: Any, **kwargs: Any) -> Any:
        return real_post(url.replace(REAL_BASE, base_url), *args, **kwargs)

    index.requests.post = post  # only the base URL changes
    try:
        device = str(uuid.uuid4())
        session = pydirecte.Session(username=USERNAME, device_uuid=device)
        try:
            pydirecte.login(session, PASSWORD)
        except pydirecte.DoubleAuthRequired:
            challenge = pydirecte.init_double_auth(session)
            answer = next(a for a in challenge.answers if a == simulator.qcm_answer(USERNAME))
            pydirecte.check_double_auth(session, answer)
        proof = session.double_auth
        today = datetime.now()
        counts: list[int] = []
        seconds: list[float] = []
        with measured() as peak:
            for _ in range(refreshes):
                before = len(simulator.requests)
                started = time.perf_counter()
                session = pydirecte.Session(
                    username=USERNAME, device_uuid=device, double_auth=proof
                )
                account = pydirecte.login(session, PASSWORD)[0]
                pydirecte.student_timetable(
                    session, account, today - timedelta(days=7), today + timedelta(days=14)
                )
                coming = pydirecte.student_coming_homeworks(session, account)
                for day in sorted({item["date"].strftime("%Y-%m-%d") for item in coming}):
                    pydirecte.student_homeworks(session, account, day)
                pydirecte.student_grades(session, account)
                pydirecte.student_attendance(session, account)
                pydirecte.student_received_messages(session, account)
                seconds.append(time.perf_counter() - started)
                counts.append(len(simulator.requests) - before)
            peak_kib = peak()
    finally:
        index.requests.post = real_post
    return Result("pydirecte 1.0.3 (login each time)", counts, seconds, peak_kib)


def main() -> None:
    """Run both clients and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refreshes", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    args = parser.parse_args()

    results = []
    for runner in ("schoolbag", "pydirecte"):
        simulator = EcoleDirecteSimulator()
        simulator.faults.latency = args.latency_ms / 1000
        with SimulatorThread(simulator) as base_url:
            if runner == "schoolbag":
                results.append(asyncio.run(schoolbag_run(base_url, simulator, args.refreshes)))
            else:
                results.append(pydirecte_run(base_url, simulator, args.refreshes))

    print(f"{args.refreshes} refreshes, {args.latency_ms:.0f} ms latency per request")
    print(
        f"{'client':<34} {'req 1st':>8} {'req/later':>10} {'mean ms':>9} "
        f"{'median ms':>9} {'peak KiB':>10}"
    )
    for result in results:
        print(result.line())


if __name__ == "__main__":
    main()

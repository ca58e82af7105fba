"""Requests, wall time and memory per refresh: Schoolbag's client vs pydirecte.

Both read the same data of the demo student from the simulated EcoleDirecte
with injected latency: timetable (3 weeks), homework (list and each day's
details), grades, school life and messages. Schoolbag keeps its session;
pydirecte logs in on every refresh, as existing integrations do.

    .venv/bin/python -m benchmarks.ecoledirecte_refresh [--refreshes 20] [--latency-ms 50]
"""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta
import time
from typing import Any
import uuid

import aiohttp

from benchmarks.common import Result, SimulatorThread, measured, parse_args, print_table
from custom_components.schoolbag.client import Credentials, DoubleAuthRequiredError
from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from simulator.ecoledirecte import EcoleDirecteSimulator

USERNAME, PASSWORD = "demo.eleve", "demo"
STUDENT_ID = 2345
REAL_BASE = "https://api.ecoledirecte.com/v3"


async def schoolbag_run(base_url: str, simulator: EcoleDirecteSimulator, refreshes: int) -> Result:
    """Log in once (answering the QCM), then refresh ``refreshes`` times."""
    today = date.today()
    counts: list[int] = []
    seconds: list[float] = []
    async with aiohttp.ClientSession() as session:
        client = EcoleDirecteClient(session, Credentials(USERNAME, PASSWORD), base_url=base_url)
        try:
            await client.login()
        except DoubleAuthRequiredError:
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
    args = parse_args(__doc__.splitlines()[0])

    results = []
    for runner in ("schoolbag", "pydirecte"):
        simulator = EcoleDirecteSimulator()
        simulator.faults.latency = args.latency_ms / 1000
        with SimulatorThread(ecoledirecte=simulator) as origin:
            base_url = f"{origin}/v3"
            if runner == "schoolbag":
                results.append(asyncio.run(schoolbag_run(base_url, simulator, args.refreshes)))
            else:
                results.append(pydirecte_run(base_url, simulator, args.refreshes))

    print_table(results, args.refreshes, args.latency_ms)


if __name__ == "__main__":
    main()

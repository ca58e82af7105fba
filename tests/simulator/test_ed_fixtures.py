"""Fixture invariants across the school year, the body codec and the command line."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
import json
import os
from pathlib import Path
import signal
import sys
import urllib.request

import pytest

from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.ecoledirecte.codec import BodyFormatError, parse_body
from simulator.ecoledirecte.dates import school_year_label
from simulator.ecoledirecte.fixtures.grades import render_notes
from simulator.ecoledirecte.fixtures.homework import render_upcoming

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "today",
    [
        date(2026, 9, 1),  # first day of the year (Tuesday)
        date(2026, 11, 28),  # Saturday
        date(2027, 1, 17),  # Sunday, second trimester
        date(2027, 3, 1),  # first day of the third trimester
        date(2027, 8, 31),  # last day of the year
    ],
)
def test_fixture_invariants(today: date) -> None:
    sim = EcoleDirecteSimulator(today=today)
    assert sim.today == today
    for student in sim.world.students.values():
        notes = render_notes(sim.world, student)
        periods = notes["periodes"]
        start, end = periods[-1]["dateDebut"], periods[-1]["dateFin"]
        assert start <= today.isoformat() <= end
        current = [p for p in periods[:3] if p["dateDebut"] <= today.isoformat() <= p["dateFin"]]
        assert len(current) == 1
        assert current[0]["ensembleMatieres"]["moyenneGenerale"]
        assert periods[-1]["ensembleMatieres"]["moyenneGenerale"]
        for grade in notes["notes"]:
            assert start <= grade["date"] <= today.isoformat()
            assert grade["date"] <= grade["dateSaisie"] <= today.isoformat()
        assert len(render_upcoming(student, today)) >= 5
        week = today - timedelta(days=today.weekday())
        this_week = [les for les in student.lessons if les.start.date() < week + timedelta(7)]
        assert sum(les.cancelled for les in this_week) == 1
        assert sum(les.modified for les in this_week) == 1
        assert all(e.day <= today for e in student.absences + student.sanctions)
    assert sim.world.year_label == school_year_label(today)


def test_same_day_same_data() -> None:
    first = EcoleDirecteSimulator(today=date(2026, 11, 24))
    second = EcoleDirecteSimulator(today=date(2026, 11, 24))
    for student_id in first.world.students:
        assert render_notes(first.world, first.student(student_id)) == render_notes(
            second.world, second.student(student_id)
        )


def test_python_api_errors() -> None:
    sim = EcoleDirecteSimulator()
    with pytest.raises(KeyError):
        sim.homework_done(2345, 1)
    with pytest.raises(KeyError):
        sim.qcm_answer("ghost")
    assert sim.qcm_answer("DEMO.PARENT") == "mars"
    new_subject = sim.add_homework(2345, sim.today, "Latin", "<p>Rosa, rosae</p>")
    assert sim.student(2345).homework[-1].id == new_subject
    assert sim.student(2345).homework[-1].subject.code == "LATIN"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('data={"a":1}', {"a": 1}),
        ("data=%7B%22a%22%3A%22x%2By%22%7D", {"a": "x+y"}),
        ("data={'a': 'b'}", {"a": "b"}),
        ('{"a":1}', {"a": 1}),
        ("", None),
        ("data=", None),
    ],
)
def test_parse_body(raw: str, expected: object) -> None:
    assert parse_body(raw) == expected


@pytest.mark.parametrize("raw", ["data=a&data=b", "data=[1,2]", "data={"])
def test_parse_body_rejects(raw: str) -> None:
    with pytest.raises(BodyFormatError):
        parse_body(raw)


async def test_command_line_serves_and_stops(socket_enabled: None) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "simulator",
        "--port",
        "0",
        "--latency-ms",
        "1",
        cwd=REPO_ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = (await asyncio.wait_for(process.stdout.readline(), 20)).decode()
        assert "http://127.0.0.1:" in line
        base = line.split("http://", 1)[1].split()[0]

        def fetch() -> dict[str, object]:
            with urllib.request.urlopen(f"http://{base}/_sim/ecoledirecte", timeout=5) as reply:
                result: dict[str, object] = json.load(reply)
                return result

        status = await asyncio.to_thread(fetch)
        assert status["faults"] == {
            "latency": 0.001,
            "next_codes": [],
            "next_http_status": [],
            "malformed_next": 0,
            "ip_flagged": False,
            "strict_2fa_token": False,
        }
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 10) == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()

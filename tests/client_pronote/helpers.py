"""Helpers for the end-to-end tests against the simulated Pronote server."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import aiohttp

from custom_components.schoolbag.client.models import Homework, Student
from custom_components.schoolbag.client.pronote import PronoteClient
from custom_components.schoolbag.client.protocol import Credentials
from simulator.pronote import PronoteSimulator

USERNAME = "demonstration"
PASSWORD = "pronotevs"


def make_client(
    session: aiohttp.ClientSession,
    root: str,
    space: str = "eleve",
    *,
    username: str = USERNAME,
    password: str = PASSWORD,
    trust: Mapping[str, str] | None = None,
    **kwargs: Any,
) -> PronoteClient:
    """A client for the demo account of a space of the simulator."""
    return PronoteClient(
        session,
        Credentials(username, password, trust=trust or {}),
        url=f"{root}/{space}.html",
        **kwargs,
    )


def functions(sim: PronoteSimulator, since: int = 0) -> list[str]:
    """Function names (``page`` for page loads) the simulator saw since index ``since``."""
    return [name for _, name in sim.requests[since:]]


def sim_student_id(sim: PronoteSimulator, space: str, student: Student) -> str:
    """The simulator's resource id of a student the client returned (matched by name)."""
    for candidate in sim.student_ids(space):
        if sim.student(candidate).name == f"{student.last_name} {student.first_name}":
            return candidate
    raise AssertionError(f"unknown student {student}")


def sim_homework_id(sim: PronoteSimulator, student_id: str, homework: Homework) -> str:
    """The simulator's id of a homework item the client returned."""
    for work in sim.student(student_id).homework:
        if (
            work.due == homework.due
            and work.subject.label == homework.subject
            and (work.html == homework.html)
        ):
            return work.id
    raise AssertionError(f"unknown homework {homework}")


def assert_no_secret(err: BaseException, *secrets: str | None) -> None:
    """Neither the message nor the repr of an error contains a secret."""
    shown = f"{err!s} {err!r} {err.args!r}"
    for secret in secrets:
        if secret:
            assert secret not in shown

"""Modules a school switched off (and features EcoleDirecte lacks) answer empty, unasked."""

from __future__ import annotations

from datetime import date

import aiohttp
import pytest

from custom_components.schoolbag.client.models import GradeBook, Mailbox, SchoolLife
from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import make_client, paths

STUDENT = "2400"  # simple.eleve: a pupil account, no QCM
START, END = date(2026, 3, 2), date(2026, 3, 8)
MODULES = ("NOTES", "CAHIER_DE_TEXTES", "EDT", "VIE_SCOLAIRE", "MESSAGERIE", "SITUATION_FINANCIERE")


def _switch_off(sim: EcoleDirecteSimulator, *codes: str) -> None:
    for module in sim.student(int(STUDENT)).modules:
        if module["code"] in codes:
            module["enable"] = False


@pytest.fixture
def sim() -> EcoleDirecteSimulator:
    """A simulator pinned to a fixed day."""
    return EcoleDirecteSimulator(today=date(2026, 3, 4))


async def test_switched_off_modules_answer_empty_without_a_request(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    """Grades, homework, timetable, school life, messages and wallets are not even asked."""
    _switch_off(sim, *MODULES)
    client = make_client(http_session, sim_url, "simple.eleve")
    await client.login()
    before = len(sim.requests)
    assert await client.grades(STUDENT) == GradeBook()
    assert await client.homework(STUDENT, START, END) == []
    assert await client.timetable(STUDENT, START, END) == []
    assert await client.school_life(STUDENT) == SchoolLife()
    assert await client.mailbox(STUDENT) == Mailbox(unread=0)
    assert await client.wallets() == []
    assert paths(sim, before) == []


async def test_modules_still_on_are_read(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    """Switching one module off leaves the others working."""
    _switch_off(sim, "NOTES")
    client = make_client(http_session, sim_url, "simple.eleve")
    await client.login()
    before = len(sim.requests)
    assert await client.grades(STUDENT) == GradeBook()
    assert (await client.school_life(STUDENT)) != SchoolLife()
    assert paths(sim, before) == [f"eleves/{STUDENT}/viescolaire.awp"]


async def test_menus_and_news_are_empty_without_a_request(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    """Menus (PDF files only) and school news are not read from EcoleDirecte."""
    client = make_client(http_session, sim_url, "simple.eleve")
    await client.login()
    before = len(sim.requests)
    assert await client.menus(STUDENT, START, END) == []
    assert await client.information(STUDENT) == []
    assert paths(sim, before) == []

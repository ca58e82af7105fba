"""Lectio pages are parsed in a worker thread, never in the event loop's own thread: the
login pages, every page of a refresh and the list of schools."""

from __future__ import annotations

from datetime import timedelta
import threading
from typing import Any

import aiohttp
from bs4 import BeautifulSoup
import pytest

from custom_components.schoolbag.client.errors import InvalidCredentialsError
from custom_components.schoolbag.client.lectio import search_schools
from simulator.lectio import LectioSimulator

from .conftest import DEMO_ELEVID, MITID_SCHOOL, TODAY, MakeClient


@pytest.fixture
def parsed_in(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The thread of every page BeautifulSoup parses from now on."""
    threads: list[int] = []
    real_init = BeautifulSoup.__init__

    def recording_init(self: BeautifulSoup, *args: Any, **kwargs: Any) -> None:
        threads.append(threading.get_ident())
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(BeautifulSoup, "__init__", recording_init)
    return threads


async def test_a_login_and_every_page_of_a_refresh_are_parsed_off_the_loop(
    make_client: MakeClient, parsed_in: list[int]
) -> None:
    client = make_client()
    await client.login()
    # The login form and the front page it leads to.
    assert len(parsed_in) >= 2
    await client.timetable(DEMO_ELEVID, TODAY - timedelta(days=7), TODAY + timedelta(days=14))
    await client.homework(DEMO_ELEVID, TODAY - timedelta(days=7), TODAY + timedelta(days=21))
    await client.grades(DEMO_ELEVID)
    await client.school_life(DEMO_ELEVID)
    await client.mailbox(DEMO_ELEVID)

    # Schedule weeks, homework, assignments, grades, two absence pages, messages, front page.
    assert len(parsed_in) >= 11
    assert threading.get_ident() not in parsed_in


async def test_a_cookie_login_and_a_refused_password_are_parsed_off_the_loop(
    make_client: MakeClient, sim: LectioSimulator, parsed_in: list[int]
) -> None:
    cookie = make_client("", sim.issue_autologin_key(), school_id=MITID_SCHOOL, login_mode="cookie")
    await cookie.login()
    with pytest.raises(InvalidCredentialsError):
        await make_client(password="wrong").login()
    assert len(parsed_in) >= 3
    assert threading.get_ident() not in parsed_in


async def test_the_school_list_is_parsed_off_the_loop(
    http_session: aiohttp.ClientSession, origin: str, parsed_in: list[int]
) -> None:
    assert await search_schools(http_session, "gymnasium", base_url=origin)
    assert parsed_in
    assert threading.get_ident() not in parsed_in

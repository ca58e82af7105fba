"""Lectio pages are parsed in a worker thread, never in the event loop's own thread."""

from __future__ import annotations

from datetime import timedelta
import threading
from typing import Any

from bs4 import BeautifulSoup
import pytest

from .conftest import DEMO_ELEVID, TODAY, MakeClient


async def test_every_page_of_a_refresh_is_parsed_off_the_loop(
    make_client: MakeClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_client()
    await client.login()
    loop_thread = threading.get_ident()
    parsed_in: list[int] = []
    real_init = BeautifulSoup.__init__

    def recording_init(self: BeautifulSoup, *args: Any, **kwargs: Any) -> None:
        parsed_in.append(threading.get_ident())
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(BeautifulSoup, "__init__", recording_init)
    await client.timetable(DEMO_ELEVID, TODAY - timedelta(days=7), TODAY + timedelta(days=14))
    await client.homework(DEMO_ELEVID, TODAY - timedelta(days=7), TODAY + timedelta(days=21))
    await client.grades(DEMO_ELEVID)
    await client.school_life(DEMO_ELEVID)
    await client.mailbox(DEMO_ELEVID)

    # Schedule weeks, homework, assignments, grades, two absence pages, messages, front page.
    assert len(parsed_in) >= 9
    assert loop_thread not in parsed_in

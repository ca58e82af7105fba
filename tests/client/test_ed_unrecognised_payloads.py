"""EcoleDirecte parsers never read a payload they do not recognise as "nothing".

Each payload is recognised by the keys the real one always carries; a dict without them
(another endpoint's answer, a changed API) raises ProtocolChangedError. ``null`` data (code 210,
"nothing to return") and the marker keys with empty lists are the only empty answers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.client.ecoledirecte.parsers_grades import parse_grades
from custom_components.schoolbag.client.ecoledirecte.parsers_homework import (
    parse_homework_day,
    parse_homework_index,
)
from custom_components.schoolbag.client.ecoledirecte.parsers_messages import parse_mailbox
from custom_components.schoolbag.client.ecoledirecte.parsers_money import parse_wallets
from custom_components.schoolbag.client.ecoledirecte.parsers_school_life import (
    parse_school_life,
)
from custom_components.schoolbag.client.errors import ProtocolChangedError, ServerUnavailableError
from custom_components.schoolbag.client.models import GradeBook, Mailbox, SchoolLife
from custom_components.schoolbag.client.protocol import Credentials

from .fake_server import FakeServer, envelope

DAY = date(2026, 3, 25)
PARSERS: dict[str, Callable[[object], object]] = {
    "grades": parse_grades,
    "homework list": parse_homework_index,
    "homework day": lambda data: parse_homework_day(data, DAY),
    "messages": parse_mailbox,
    "wallets": parse_wallets,
    "school life": parse_school_life,
}
EMPTY: dict[str, object] = {
    "grades": {"periodes": [], "notes": []},
    "homework list": {},
    "homework day": {"date": "2026-03-25", "matieres": []},
    "messages": {"messages": {"received": []}},
    "wallets": {"comptes": []},
    "school life": {"absencesRetards": [], "sanctionsEncouragements": []},
}
# Another answer with data: it names none of the expected keys.
UNKNOWN = {"postits": [], "evenements": [], "foStat": "x"}


@pytest.mark.parametrize("name", [name for name in PARSERS if name != "homework list"])
def test_empty_dict_is_protocol_changed(name: str) -> None:
    with pytest.raises(ProtocolChangedError, match=name):
        PARSERS[name]({})


def test_empty_homework_list_says_there_is_no_homework() -> None:
    """The list is keyed by due date: ``{}`` has no date, so nothing is due."""
    assert parse_homework_index({}) == {}


@pytest.mark.parametrize("name", list(PARSERS))
def test_dict_with_unknown_keys_is_protocol_changed(name: str) -> None:
    with pytest.raises(ProtocolChangedError, match=name):
        PARSERS[name](UNKNOWN)


@pytest.mark.parametrize("name", list(PARSERS))
def test_payload_that_says_there_is_nothing_is_empty(name: str) -> None:
    assert PARSERS[name](EMPTY[name]) == PARSERS[name](None)


def test_null_data_of_code_210_is_empty() -> None:
    assert parse_grades(None) == GradeBook()
    assert parse_school_life(None) == SchoolLife()
    assert parse_mailbox(None) == Mailbox(unread=0)
    assert parse_wallets(None) == []
    assert parse_homework_index(None) == {}
    assert parse_homework_day(None, DAY) == []


async def test_code_200_without_data_on_a_read_is_protocol_changed(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    """Only code 210 says there is nothing; code 200 with ``data: null`` is not understood."""
    client = EcoleDirecteClient(http_session, Credentials("jdupont", "secret"), base_url=fake_url)
    await client.login()
    fake.handlers["eleves/2345/notes.awp"] = lambda _: envelope(200, None)
    with pytest.raises(ProtocolChangedError, match=r"notes\.awp"):
        await client.grades("2345")
    fake.handlers["eleves/2345/notes.awp"] = lambda _: envelope(210, None)
    assert (await client.grades("2345")).grades == ()


async def test_html_answer_without_x_code_is_server_unavailable(
    http_session: aiohttp.ClientSession, fake: FakeServer, fake_url: str
) -> None:
    client = EcoleDirecteClient(http_session, Credentials("jdupont", "secret"), base_url=fake_url)
    await client.login()
    fake.handlers["eleves/2345/viescolaire.awp"] = lambda _: web.Response(
        text="<html><body>Maintenance</body></html>", content_type="text/html"
    )
    with pytest.raises(ServerUnavailableError):
        await client.school_life("2345")

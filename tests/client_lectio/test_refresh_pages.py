"""A Lectio refresh reads only the pages whose data may have changed (protocol §10).

The schedule weeks and the front page are read at each refresh; the absence reasons every
other; the assignments after hours; the homework overview and the message list when the
schedule or the front page shows a change, else after hours.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta

from custom_components.schoolbag.client.lectio import LectioClient
from custom_components.schoolbag.client.lectio.page_ages import (
    ASSIGNMENTS_MAX_AGE,
    HOMEWORK_OVERVIEW_MAX_AGE,
    MESSAGES_MAX_AGE,
    REGISTERED_ABSENCES_MAX_AGE,
)
from custom_components.schoolbag.client.models import Mailbox
from simulator.lectio import LectioSimulator
from simulator.lectio.fixtures.messages import Message

from ..fake_time import FakeClock
from .conftest import DEMO_ELEVID, TODAY, MakeClient

HALF_HOUR = 30 * 60.0
OVERVIEW = "material_lektieoversigt.aspx"
MESSAGE_LIST = "beskeder2.aspx"


async def _refresh(client: LectioClient) -> Mailbox:
    """What the coordinator asks of a Lectio account, in its order."""
    await client.timetable(DEMO_ELEVID, TODAY - timedelta(days=7), TODAY + timedelta(days=14))
    await client.homework(DEMO_ELEVID, TODAY - timedelta(days=7), TODAY + timedelta(days=21))
    await client.grades(DEMO_ELEVID)
    await client.school_life(DEMO_ELEVID)
    return await client.mailbox(DEMO_ELEVID)


def _pages(sim: LectioSimulator, since: int) -> Counter[str]:
    return Counter(path.rsplit("/", 1)[1] for _, path in sim.requests[since:])


async def _later_refresh(
    client: LectioClient, sim: LectioSimulator, clock: FakeClock, seconds: float
) -> Counter[str]:
    clock.now += seconds
    before = len(sim.requests)
    await _refresh(client)
    return _pages(sim, before)


async def test_a_refresh_half_an_hour_later_reads_the_schedule_and_the_front_page(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    first = await _refresh(client)

    pages = await _later_refresh(client, sim, clock, HALF_HOUR)
    # This week and next: the days the change events watch.
    assert pages == Counter({"SkemaNy.aspx": 2, "forside.aspx": 1})
    assert await client.mailbox(DEMO_ELEVID) == first


async def test_the_other_pages_are_read_again_after_their_age(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    await _refresh(client)

    pages = await _later_refresh(client, sim, clock, REGISTERED_ABSENCES_MAX_AGE)
    assert pages["fravaerelev_fravaersaarsager.aspx"] == 1
    assert pages["OpgaverElev.aspx"] == pages[OVERVIEW] == pages[MESSAGE_LIST] == 0

    ages = (ASSIGNMENTS_MAX_AGE, HOMEWORK_OVERVIEW_MAX_AGE, MESSAGES_MAX_AGE)
    pages = await _later_refresh(client, sim, clock, max(ages))
    assert pages["OpgaverElev.aspx"] == pages[OVERVIEW] == pages[MESSAGE_LIST] == 1


async def test_changed_homework_on_the_schedule_reads_the_overview_again(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    first = await client.homework(DEMO_ELEVID, TODAY, TODAY + timedelta(days=6))
    await _refresh(client)

    # The school's schedule moves on a week while the client's day stays: the lessons of
    # the coming days carry other homework.
    sim.pin_today(TODAY + timedelta(days=7))
    pages = await _later_refresh(client, sim, clock, HALF_HOUR)
    assert pages[OVERVIEW] == 1
    assert await client.homework(DEMO_ELEVID, TODAY, TODAY + timedelta(days=6)) != first


async def test_a_new_message_on_the_front_page_reads_the_list_again(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    clock = FakeClock()
    client = make_client(clock=clock)
    first = await _refresh(client)

    # Read elsewhere already: the unread counter stays, the latest subjects change.
    sim.deliver(
        Message(
            "50000000009",
            "Forældremøde",
            "Karen Eksempel (KE)",
            "Karen Eksempel (KE)",
            (("2b", "2b"),),
            datetime.combine(TODAY, time(9, 0)),
            unread=False,
            body="Mødet er torsdag.",
        )
    )
    pages = await _later_refresh(client, sim, clock, HALF_HOUR)
    assert pages[MESSAGE_LIST] == 1
    mailbox = await client.mailbox(DEMO_ELEVID)
    assert mailbox.unread == first.unread
    assert [m.subject for m in mailbox.messages] == [
        "Forældremøde",
        *(m.subject for m in first.messages),
    ]

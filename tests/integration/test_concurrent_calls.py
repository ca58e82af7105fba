"""Clients whose session allows it read their students and data kinds at once.

ScoDoc's calls share only a bearer token; EcoleDirecte's share a token its answers keep,
until a server renews it with every answer: then they go one at a time. Either way within
the account's limit of requests in flight.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant

from custom_components.schoolbag.client.http.budget import MAX_IN_FLIGHT
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.scodoc import ScoDocSimulator

from .conftest import add_account, login_requests
from .test_scodoc import ALICE, HUGO, add_scodoc


async def test_two_students_are_read_at_once(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    entry = await add_scodoc(hass, scodoc_url)
    coordinator = entry.runtime_data
    scodoc_simulator.faults.latency = 0.05
    scodoc_simulator.most_in_flight = 0

    await coordinator.async_refresh()

    assert coordinator.last_update_success
    assert set(coordinator.data.students) == {ALICE, HUGO}
    assert 2 <= scodoc_simulator.most_in_flight <= MAX_IN_FLIGHT


async def test_a_failure_while_both_are_read_keeps_the_last_data(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    entry = await add_scodoc(hass, scodoc_url)
    coordinator = entry.runtime_data
    kept = coordinator.data
    scodoc_simulator.faults.latency = 0.02
    # Both students' first requests find the school changed: neither can be read.
    scodoc_simulator.faults.next_errors.extend(["wrong_shape", "wrong_shape"])

    await coordinator.async_refresh()

    assert not coordinator.last_update_success
    assert coordinator.data is kept
    assert scodoc_simulator.most_in_flight >= 2


async def test_scodoc_attendance_names_modules_of_the_bulletin_read_beside_it(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    scodoc_simulator.faults.latency = 0.02
    # The bulletin answers after the attendance it names the modules of.
    scodoc_simulator.faults.slow_routes["/bulletin"] = 0.1
    entry = await add_scodoc(hass, scodoc_url)

    # The first refresh reads each bulletin and attendance together, with no title known.
    for data in entry.runtime_data.data.students.values():
        assert data.school_life is not None
        assert data.grades is not None
        labels = {absence.label for absence in data.school_life.absences}
        modules = {grade.subject for grade in data.grades.grades}
        # Without the bulletin's titles, records would be labelled "Absence" only.
        assert labels & modules


async def test_ecoledirecte_data_kinds_are_read_at_once(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator)
    coordinator = entry.runtime_data
    kept = coordinator.data
    ed_simulator.faults.latency = 0.05
    ed_simulator.most_in_flight = 0
    logins = login_requests(ed_simulator)

    await coordinator.async_refresh()

    assert coordinator.last_update_success
    assert coordinator.data.students == kept.students
    # The wallets, then the timetable, homework, grades, school life and messages together.
    assert 5 <= ed_simulator.most_in_flight <= MAX_IN_FLIGHT
    assert login_requests(ed_simulator) == logins


async def test_ecoledirecte_goes_one_call_at_a_time_once_answers_renew_the_token(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    entry = await add_account(hass, ed_url, ed_simulator)
    coordinator = entry.runtime_data
    kept = coordinator.data
    ed_simulator.rotate_tokens = True
    ed_simulator.faults.latency = 0.02
    logins = login_requests(ed_simulator)

    # Calls sent beside the first answer carry the token it replaced: they are sent again.
    await coordinator.async_refresh()
    assert coordinator.last_update_success
    assert coordinator.data.students == kept.students

    ed_simulator.most_in_flight = 0
    before = len(ed_simulator.requests)
    await coordinator.async_refresh()

    assert coordinator.last_update_success
    assert coordinator.data.students == kept.students
    assert ed_simulator.most_in_flight == 1
    assert len(ed_simulator.requests) - before == 6
    assert login_requests(ed_simulator) == logins

"""Core-style snapshots of every entity platform and of the diagnostics, on a pinned school day.

Each test adds accounts through the real config flow against the simulated schools, with:

- time frozen at ``FROZEN_NOW`` (Thursday 3 December 2026, 08:00 in Paris, a day in term)
  from before Home Assistant and the simulators start (``freeze_time`` marker);
- every simulator's "today" pinned to that day;
- Home Assistant in the school's time zone (Europe/Paris, Europe/Copenhagen for Lectio);
- the simulators' ``http://127.0.0.1:<port>`` origin replaced by ``SIMULATOR_ORIGIN``.

So the snapshots are the same on any date, in any time zone and across runs.

After an intended change of entities, attributes or diagnostics, regenerate and review::

    .venv/bin/python -m pytest -p no:cacheprovider tests/integration/test_snapshots.py \
        --snapshot-update
    git diff tests/integration/snapshots/test_snapshots.ambr
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from unittest.mock import PropertyMock, patch

from homeassistant.config_entries import (
    SOURCE_USER,
    ConfigEntry,
    ConfigEntryState,
    ConfigFlowResult,
)
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import snapshot_platform
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion
from syrupy.types import PropertyMatcher, PropertyPath, SerializableData

from custom_components.schoolbag.const import DOMAIN
from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.lectio import LectioSimulator
from simulator.pronote import PronoteSimulator
from simulator.scodoc import ScoDocSimulator

from ..servers import ServeApp
from .conftest import (
    STUDENT as ECOLEDIRECTE_STUDENT,
    add_account as add_ecoledirecte_account,
)

FROZEN_NOW = "2026-12-03 07:00:00+00:00"
SCHOOL_DAY = date(2026, 12, 3)
SIMULATOR_ORIGIN = "http://127.0.0.1:<port>"
PARIS = "Europe/Paris"
COPENHAGEN = "Europe/Copenhagen"

ECOLEDIRECTE_STUDENT_ID = 2345  # the student of ECOLEDIRECTE_STUDENT
PRONOTE_PARENT = ("demonstration", "pronotevs")
LECTIO_SCHOOL, LECTIO_STUDENT = "680", ("demo", "demo")
SCODOC_USER, SCODOC_DEPARTMENT, SCODOC_STUDENTS = ("demo", "demo"), "INFO", "31024587, 31029911"

pytestmark = pytest.mark.freeze_time(FROZEN_NOW)


@dataclass(frozen=True)
class Schools:
    """The four simulated platforms, all pinned to SCHOOL_DAY, served at ``origin``."""

    origin: str
    ecoledirecte: EcoleDirecteSimulator
    pronote: PronoteSimulator
    lectio: LectioSimulator
    scodoc: ScoDocSimulator


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """EcoleDirecte with its demo data built for SCHOOL_DAY."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


@pytest.fixture
def pronote_simulator() -> PronoteSimulator:
    """Pronote with its demo data built for SCHOOL_DAY."""
    return PronoteSimulator(today=SCHOOL_DAY)


@pytest.fixture
def lectio_simulator() -> LectioSimulator:
    """Lectio with its demo data built for SCHOOL_DAY."""
    return LectioSimulator(today=SCHOOL_DAY)


@pytest.fixture
def scodoc_simulator() -> ScoDocSimulator:
    """ScoDoc with its demo data built for SCHOOL_DAY."""
    return ScoDocSimulator(today=SCHOOL_DAY)


@pytest.fixture
async def schools(
    serve_app: ServeApp,
    ed_simulator: EcoleDirecteSimulator,
    pronote_simulator: PronoteSimulator,
    lectio_simulator: LectioSimulator,
    scodoc_simulator: ScoDocSimulator,
) -> Schools:
    """Serve the pinned simulators on 127.0.0.1 for the test."""
    origin = await serve_app(
        build_app(
            ecoledirecte=ed_simulator,
            pronote=pronote_simulator,
            scodoc=scodoc_simulator,
            lectio=lectio_simulator,
        )
    )
    pronote_simulator.base_url = origin
    return Schools(origin, ed_simulator, pronote_simulator, lectio_simulator, scodoc_simulator)


def origin_as_placeholder(origin: str) -> PropertyMatcher:
    """A syrupy matcher writing SIMULATOR_ORIGIN for the random-port origin in any string."""

    def replace(*, data: SerializableData, path: PropertyPath) -> SerializableData:
        if isinstance(data, str) and origin in data:
            return data.replace(origin, SIMULATOR_ORIGIN)
        return data

    return replace


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion, schools: Schools) -> SnapshotAssertion:
    """Home Assistant's snapshot extension, without the simulators' random port."""
    return snapshot.with_defaults(matcher=origin_as_placeholder(schools.origin))


@pytest.fixture
def entity_registry_enabled_by_default() -> Generator[None]:
    """Create entities that are disabled by default as enabled (as core's fixture does)."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        return_value=True,
        new_callable=PropertyMock,
    ):
        yield


@contextmanager
def only_platform(platform: Platform) -> Iterator[None]:
    """Load a single entity platform, as snapshot_platform requires."""
    with patch("custom_components.schoolbag.PLATFORMS", [platform]):
        yield


# -- accounts, added through the real config flow ---------------------------------------------


async def _created(hass: HomeAssistant, result: ConfigFlowResult) -> ConfigEntry:
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    assert entry.state is ConfigEntryState.LOADED
    return entry


async def _choose_platform(hass: HomeAssistant, platform: str) -> ConfigFlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": platform}
    )


def offered_values(result: ConfigFlowResult, field: str) -> list[str]:
    """Every value offered by a select field of the shown form."""
    schema = result["data_schema"]
    assert schema is not None
    for marker, selector in schema.schema.items():
        if str(marker) == field:
            return [option["value"] for option in selector.config["options"]]
    raise AssertionError(f"no field {field} in form {result['step_id']}")


async def add_ecoledirecte_student(hass: HomeAssistant, schools: Schools) -> ConfigEntry:
    """An EcoleDirecte student account, through the security question."""
    return await add_ecoledirecte_account(
        hass, f"{schools.origin}/v3", schools.ecoledirecte, ECOLEDIRECTE_STUDENT
    )


async def add_pronote_parent(hass: HomeAssistant, schools: Schools) -> ConfigEntry:
    """A Pronote parent account following both children."""
    result = await _choose_platform(hass, "pronote")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "pronote_password"}
    )
    username, password = PRONOTE_PARENT
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "server_url": f"{schools.origin}/pronote/parent.html",
            "username": username,
            "password": password,
            "device_name": "Maison",
        },
    )
    assert result["step_id"] == "students", result
    children = offered_values(result, "students")
    assert len(children) == 2
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"students": children}
    )
    return await _created(hass, result)


async def add_lectio_student(hass: HomeAssistant, schools: Schools) -> ConfigEntry:
    """A Lectio student account of the demo school, with a password."""
    result = await _choose_platform(hass, "lectio")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"school": LECTIO_SCHOOL, "advanced": {"server_url": schools.origin}}
    )
    assert result["step_id"] == "lectio_login", result
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "lectio_password"}
    )
    username, password = LECTIO_STUDENT
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": username, "password": password}
    )
    return await _created(hass, result)


async def add_scodoc_students(hass: HomeAssistant, schools: Schools) -> ConfigEntry:
    """A ScoDoc API account following two students of the INFO department."""
    result = await _choose_platform(hass, "scodoc")
    username, password = SCODOC_USER
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"server_url": f"{schools.origin}/ScoDoc", "username": username, "password": password},
    )
    assert result["step_id"] == "scodoc_department", result
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"department": SCODOC_DEPARTMENT}
    )
    assert result["step_id"] == "scodoc_students", result
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"student_query": SCODOC_STUDENTS}
    )
    assert result["step_id"] == "scodoc_pick", result
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"students": offered_values(result, "students")}
    )
    return await _created(hass, result)


@dataclass(frozen=True)
class Account:
    """How to add one kind of account, and the time zone of its school."""

    add: Callable[[HomeAssistant, Schools], Awaitable[ConfigEntry]]
    time_zone: str
    has_homework: bool = True


ACCOUNTS = {
    "ecoledirecte_student": Account(add_ecoledirecte_student, PARIS),
    "pronote_parent": Account(add_pronote_parent, PARIS),
    "lectio_student": Account(add_lectio_student, COPENHAGEN),
    "scodoc_students": Account(add_scodoc_students, PARIS, has_homework=False),
}
WITH_HOMEWORK = [name for name, account in ACCOUNTS.items() if account.has_homework]


async def add_in_school_time_zone(
    hass: HomeAssistant, schools: Schools, account_name: str
) -> ConfigEntry:
    """Set Home Assistant to the school's time zone, then add the account."""
    account = ACCOUNTS[account_name]
    await hass.config.async_set_time_zone(account.time_zone)
    return await account.add(hass, schools)


def entity_ids(entity_registry: er.EntityRegistry, entry: ConfigEntry) -> list[str]:
    """The entry's entity ids, sorted."""
    return sorted(
        entity.entity_id
        for entity in er.async_entries_for_config_entry(entity_registry, entry.entry_id)
    )


async def snapshot_entities(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    entry: ConfigEntry,
) -> None:
    """Core's snapshot_platform, plus the list of entity ids.

    The list makes the test itself fail when an entity disappears (snapshot_platform
    alone only leaves an unused snapshot behind).
    """
    assert entity_ids(entity_registry, entry) == snapshot(name="entity_ids")
    await snapshot_platform(hass, entity_registry, snapshot, entry.entry_id)


# -- entity platforms -------------------------------------------------------------------------


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("account_name", list(ACCOUNTS))
async def test_sensors(
    hass: HomeAssistant,
    schools: Schools,
    entity_registry: er.EntityRegistry,
    device_registry: dr.DeviceRegistry,
    snapshot: SnapshotAssertion,
    account_name: str,
) -> None:
    """Every sensor's registry entry and state, and the students' devices."""
    with only_platform(Platform.SENSOR):
        entry = await add_in_school_time_zone(hass, schools, account_name)
        await snapshot_entities(hass, entity_registry, snapshot, entry)
        devices = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
        assert sorted(devices, key=lambda device: device.name or "") == snapshot(name="devices")
        await hass.async_block_till_done()


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("account_name", list(ACCOUNTS))
async def test_calendars(
    hass: HomeAssistant,
    schools: Schools,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    account_name: str,
) -> None:
    """Every calendar's registry entry and state, and this week's events."""
    with only_platform(Platform.CALENDAR):
        entry = await add_in_school_time_zone(hass, schools, account_name)
        await snapshot_entities(hass, entity_registry, snapshot, entry)
        monday = SCHOOL_DAY - timedelta(days=SCHOOL_DAY.weekday())
        events = await hass.services.async_call(
            "calendar",
            "get_events",
            {
                "start_date_time": dt_util.start_of_local_day(monday),
                "end_date_time": dt_util.start_of_local_day(monday + timedelta(days=7)),
            },
            target={"entity_id": entity_ids(entity_registry, entry)},
            blocking=True,
            return_response=True,
        )
        assert events == snapshot(name="events_this_week")
        await hass.async_block_till_done()


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("account_name", WITH_HOMEWORK)
async def test_todo_lists(
    hass: HomeAssistant,
    schools: Schools,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    account_name: str,
) -> None:
    """Every homework list's registry entry and state, and its items."""
    with only_platform(Platform.TODO):
        entry = await add_in_school_time_zone(hass, schools, account_name)
        await snapshot_entities(hass, entity_registry, snapshot, entry)
        items = await hass.services.async_call(
            "todo",
            "get_items",
            {},
            target={"entity_id": entity_ids(entity_registry, entry)},
            blocking=True,
            return_response=True,
        )
        assert items == snapshot(name="items")
        await hass.async_block_till_done()


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("account_name", list(ACCOUNTS))
async def test_events(
    hass: HomeAssistant,
    schools: Schools,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
    account_name: str,
) -> None:
    """Every school-news event entity's registry entry and state at setup (nothing fired)."""
    with only_platform(Platform.EVENT):
        entry = await add_in_school_time_zone(hass, schools, account_name)
        await snapshot_entities(hass, entity_registry, snapshot, entry)
        await hass.async_block_till_done()


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_event_after_a_new_grade(
    hass: HomeAssistant,
    schools: Schools,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """The school-news event's state once a new EcoleDirecte grade has fired it."""
    with only_platform(Platform.EVENT):
        entry = await add_in_school_time_zone(hass, schools, "ecoledirecte_student")
        schools.ecoledirecte.add_grade(ECOLEDIRECTE_STUDENT_ID, "MATHEMATIQUES", "17,5")
        await entry.runtime_data.async_refresh()
        await hass.async_block_till_done()
        await snapshot_entities(hass, entity_registry, snapshot, entry)
        await hass.async_block_till_done()


# -- diagnostics ------------------------------------------------------------------------------


def string_values(data: Any) -> Iterator[str]:
    """Every string in nested dicts and lists."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from string_values(value)
    elif isinstance(data, list):
        for value in data:
            yield from string_values(value)


def secrets_of(entry: ConfigEntry) -> set[str]:
    """The credentials and saved trust (tokens, cookies) of an entry."""
    trust = entry.data.get("trust") or {}
    secrets = {entry.data["username"], entry.data["password"], *string_values(trust)}
    return {secret for secret in secrets if secret}


@pytest.mark.parametrize("account_name", list(ACCOUNTS))
async def test_diagnostics(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    schools: Schools,
    snapshot: SnapshotAssertion,
    account_name: str,
) -> None:
    """The diagnostics of each platform's account, secrets redacted."""
    entry = await add_in_school_time_zone(hass, schools, account_name)
    diagnostics: dict[str, Any] = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert diagnostics == snapshot
    # Also checked outside the snapshot, so that --snapshot-update cannot accept a leak.
    leaked = set(string_values(diagnostics)) & secrets_of(entry)
    assert not leaked
    await hass.async_block_till_done()

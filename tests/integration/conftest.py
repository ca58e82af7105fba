"""Fixtures: a simulated EcoleDirecte on 127.0.0.1 and accounts added through the real flow."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import (
    SOURCE_REAUTH,
    SOURCE_RECONFIGURE,
    SOURCE_USER,
    ConfigEntry,
)
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.helpers import entity_registry as er
import pytest

from custom_components.schoolbag.const import DOMAIN
from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.lectio import LectioSimulator
from simulator.pronote import PronoteSimulator
from simulator.scodoc import ScoDocSimulator

from ..servers import ServeApp

PARIS = ZoneInfo("Europe/Paris")
STUDENT = ("demo.eleve", "demo")
PARENT = ("demo.parent", "demo")
NO_QCM_STUDENT = ("simple.eleve", "motdepasse+&%")


@pytest.fixture
async def hass_paris(hass: HomeAssistant) -> HomeAssistant:
    """Home Assistant set to the schools' time zone and French."""
    await hass.config.async_set_time_zone("Europe/Paris")
    return hass


# A Tuesday in term time: tests of the refresh pace run then, whatever the day CI runs.
SCHOOL_DAY = date(2026, 3, 10)


@pytest.fixture
async def school_morning(hass_paris: HomeAssistant, freezer: FrozenDateTimeFactory) -> date:
    """10:00 in Paris on ``SCHOOL_DAY``: the schedule refreshes at its school-hours pace.

    Build the simulators with ``today=SCHOOL_DAY`` so their lessons fall on it.
    """
    freezer.move_to(datetime.combine(SCHOOL_DAY, time(10), PARIS))
    return SCHOOL_DAY


@pytest.fixture
def ed_simulator() -> EcoleDirecteSimulator:
    """Fresh simulated EcoleDirecte state for each test."""
    return EcoleDirecteSimulator()


@pytest.fixture
async def ed_url(serve_app: ServeApp, ed_simulator: EcoleDirecteSimulator) -> str:
    """Serve the simulator on 127.0.0.1 and return its API base URL."""
    return f"{await serve_app(build_app(ecoledirecte=ed_simulator))}/v3"


@pytest.fixture
def pronote_simulator() -> PronoteSimulator:
    """Fresh simulated Pronote state for each test."""
    return PronoteSimulator()


@pytest.fixture
async def pronote_origin(serve_app: ServeApp, pronote_simulator: PronoteSimulator) -> str:
    """Serve the Pronote simulator on 127.0.0.1 and return its origin."""
    pronote_simulator.base_url = await serve_app(build_app(pronote=pronote_simulator))
    return pronote_simulator.base_url


@pytest.fixture
def scodoc_simulator() -> ScoDocSimulator:
    """Fresh simulated ScoDoc state for each test."""
    return ScoDocSimulator()


@pytest.fixture
async def scodoc_url(serve_app: ServeApp, scodoc_simulator: ScoDocSimulator) -> str:
    """Serve the ScoDoc simulator on 127.0.0.1 and return its ``/ScoDoc`` address."""
    return f"{await serve_app(build_app(scodoc=scodoc_simulator))}/ScoDoc"


@pytest.fixture
def lectio_simulator() -> LectioSimulator:
    """Fresh simulated Lectio state for each test."""
    return LectioSimulator()


@pytest.fixture
async def lectio_origin(serve_app: ServeApp, lectio_simulator: LectioSimulator) -> str:
    """Serve the Lectio simulator on 127.0.0.1 and return its origin (the Lectio base URL)."""
    return await serve_app(build_app(lectio=lectio_simulator))


def select_options(result: FlowResult, field: str) -> dict[str, str]:
    """The value -> label choices of a select field in a shown form."""
    schema = result["data_schema"]
    assert schema is not None
    for marker, selector in schema.schema.items():
        if str(marker) == field:
            return {option["value"]: option["label"] for option in selector.config["options"]}
    raise AssertionError(f"no field {field} in form {result['step_id']}")


async def start_login(hass: HomeAssistant, url: str, username: str, password: str) -> FlowResult:
    """Run the user flow up to the answer of the credentials step."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "ecoledirecte"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "ecoledirecte"
    return await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {"username": username, "password": password, "advanced": {"server_url": url}},
    )


def answer_value(result: FlowResult, answer_text: str) -> str:
    """The option value whose label is the expected answer."""
    options = select_options(result, "answer")
    matches = [value for value, label in options.items() if label == answer_text]
    assert matches, f"{answer_text!r} not among {sorted(options.values())}"
    return matches[0]


async def add_account(
    hass: HomeAssistant,
    url: str,
    simulator: EcoleDirecteSimulator,
    credentials: tuple[str, str] = STUDENT,
    students: list[str] | None = None,
) -> ConfigEntry:
    """Add an account through the real config flow and wait for its setup."""
    username, password = credentials
    result = await start_login(hass, url, username, password)
    if result.get("step_id") == "challenge":
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"answer": answer_value(result, simulator.qcm_answer(username))}
        )
    if result.get("step_id") == "students":
        chosen: list[str] = students or list(select_options(result, "students"))
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"students": chosen}
        )
    assert result["type"] is FlowResultType.CREATE_ENTRY, result
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    return entry


def login_requests(simulator: EcoleDirecteSimulator) -> int:
    """Requests to login.awp (GTK handshakes and logins) the simulator has seen."""
    return sum(1 for path, _ in simulator.requests if path.lower().endswith("/login.awp"))


def entity_id_for(hass: HomeAssistant, platform: str, unique_suffix: str) -> str:
    """Find an entity id by the end of its unique id."""
    registry = er.async_get(hass)
    matches = [
        entry.entity_id
        for entry in registry.entities.values()
        if entry.platform == DOMAIN
        and entry.domain == platform
        and entry.unique_id.endswith(unique_suffix)
    ]
    assert len(matches) == 1, (unique_suffix, matches)
    return matches[0]


async def enable_entity(hass: HomeAssistant, entry: ConfigEntry, entity_id: str) -> None:
    """Turn on an entity that is disabled by default, as a user would, and reload."""
    registry = er.async_get(hass)
    assert registry.async_get(entity_id).disabled_by is er.RegistryEntryDisabler.INTEGRATION
    registry.async_update_entity(entity_id, disabled_by=None)
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()


def attributes(hass: HomeAssistant, entity_id: str) -> dict[str, Any]:
    """The attributes of an entity's current state."""
    state = hass.states.get(entity_id)
    assert state is not None
    return dict(state.attributes)


async def start_reauth(hass: HomeAssistant, entry: ConfigEntry) -> FlowResult:
    """Start a reauth flow the way Home Assistant does for an entry."""
    return await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_REAUTH, "entry_id": entry.entry_id},
        data=entry.data,
    )


async def start_reauth_after_password_change(hass: HomeAssistant, entry: ConfigEntry) -> FlowResult:
    """Start a reauth flow once the password stored in the entry no longer works."""
    hass.config_entries.async_update_entry(
        entry, data={**entry.data, "password": "an-old-password"}
    )
    return await start_reauth(hass, entry)


async def start_reconfigure(hass: HomeAssistant, entry: ConfigEntry) -> FlowResult:
    """Start a reconfigure flow the way the UI does."""
    return await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id},
    )


def paris(moment: datetime) -> datetime:
    """A simulator wall-clock time (naive, Paris) as an aware datetime."""
    return moment.replace(tzinfo=PARIS)

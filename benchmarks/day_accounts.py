"""The demo accounts of the day benchmark, added through the real config flow."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from aiohttp import web
from homeassistant.config_entries import SOURCE_USER, ConfigEntry, ConfigFlowResult
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from custom_components.schoolbag.const import DOMAIN
from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.lectio import LectioSimulator
from simulator.pronote import PronoteSimulator
from simulator.scodoc import ScoDocSimulator

type Answer = Callable[[ConfigFlowResult], dict[str, Any]]
type Simulator = EcoleDirecteSimulator | PronoteSimulator | LectioSimulator | ScoDocSimulator


@dataclass(frozen=True)
class Reference:
    """The client families use today, as the benchmark plays it."""

    name: str
    interval: timedelta


@dataclass(frozen=True)
class Account:
    """One platform's demo account: its simulator, its answers to the flow, its reference."""

    platform: str
    zone: str
    reference: Reference
    # The simulator of a school week around ``today``, or of a week in the holidays.
    simulator: Callable[[date, bool], Simulator]
    # The config flow's answers by step id, from the simulator's origin and the simulator.
    answers: Callable[[str, Any], Mapping[str, Answer]]


def _choice(result: ConfigFlowResult, field: str, label: str | None = None) -> str | list[str]:
    """The value of the option labelled ``label`` of a select field (all values without one)."""
    schema = result["data_schema"]
    assert schema is not None
    for marker, selector in schema.schema.items():
        if str(marker) == field:
            options = selector.config["options"]
            if label is None:
                return [str(option["value"]) for option in options]
            return next(str(option["value"]) for option in options if option["label"] == label)
    raise KeyError(field)


def _ecoledirecte(origin: str, sim: EcoleDirecteSimulator) -> Mapping[str, Answer]:
    user = "demo.eleve"
    return {
        "user": lambda _: {"next_step_id": "ecoledirecte"},
        "ecoledirecte": lambda _: {
            "username": user,
            "password": "demo",
            "advanced": {"server_url": f"{origin}/v3"},
        },
        "challenge": lambda result: {"answer": _choice(result, "answer", sim.qcm_answer(user))},
    }


def _pronote(origin: str, sim: PronoteSimulator) -> Mapping[str, Answer]:
    sim.base_url = origin
    return {
        "user": lambda _: {"next_step_id": "pronote"},
        "pronote": lambda _: {"next_step_id": "pronote_password"},
        "pronote_password": lambda _: {
            "server_url": f"{origin}/pronote/eleve.html",
            "username": "demonstration",
            "password": "pronotevs",
            "device_name": "Home Assistant",
        },
    }


def _lectio(origin: str, _sim: LectioSimulator) -> Mapping[str, Answer]:
    return {
        "user": lambda _: {"next_step_id": "lectio"},
        "lectio": lambda _: {"school": "680", "advanced": {"server_url": origin}},
        "lectio_login": lambda _: {"next_step_id": "lectio_password"},
        "lectio_password": lambda _: {"username": "demo", "password": "demo"},
    }


def _scodoc(origin: str, _sim: ScoDocSimulator) -> Mapping[str, Answer]:
    return {
        "user": lambda _: {"next_step_id": "scodoc"},
        "scodoc": lambda _: {
            "server_url": f"{origin}/ScoDoc",
            "username": "demo",
            "password": "demo",
        },
        "scodoc_department": lambda _: {"department": "INFO"},
        "scodoc_students": lambda _: {"student_query": "31024587, 31029911"},
        "scodoc_pick": lambda result: {"students": _choice(result, "students")},
    }


EVERY_30_MINUTES = timedelta(minutes=30)


def _week_off(today: date) -> frozenset[date]:
    """The school week of ``today``, Monday to Sunday, as holidays."""
    monday = today - timedelta(days=today.weekday())
    return frozenset(monday + timedelta(days=offset) for offset in range(7))


ACCOUNTS = {
    account.platform: account
    for account in (
        Account(
            "pronote",
            "Europe/Paris",
            Reference(
                "hass-pronote: a login at each refresh every 15 minutes", timedelta(minutes=15)
            ),
            lambda today, off: PronoteSimulator(
                today=today, holidays=_week_off(today) if off else ()
            ),
            _pronote,
        ),
        Account(
            "ecoledirecte",
            "Europe/Paris",
            Reference("hass-ecoledirecte: a new client every 30 minutes", EVERY_30_MINUTES),
            lambda today, off: EcoleDirecteSimulator(
                today=today, holidays=_week_off(today) if off else ()
            ),
            _ecoledirecte,
        ),
        Account(
            "lectio",
            "Europe/Copenhagen",
            Reference("our client logging in every 30 minutes", EVERY_30_MINUTES),
            lambda today, off: LectioSimulator(
                today=today, holidays=_week_off(today) if off else ()
            ),
            _lectio,
        ),
        Account(
            "scodoc",
            "Europe/Paris",
            Reference("our client logging in every 30 minutes", EVERY_30_MINUTES),
            # ScoDoc has no timetable: its holidays show once the last semester is over.
            lambda today, off: ScoDocSimulator(today=today, year_over=off),
            _scodoc,
        ),
    )
}


def simulator_app(sim: Simulator) -> web.Application:
    """The aiohttp application serving ``sim``."""
    if isinstance(sim, EcoleDirecteSimulator):
        return build_app(ecoledirecte=sim)
    if isinstance(sim, PronoteSimulator):
        return build_app(pronote=sim)
    if isinstance(sim, LectioSimulator):
        return build_app(lectio=sim)
    return build_app(scodoc=sim)


async def add_entry(hass: HomeAssistant, answers: Mapping[str, Answer]) -> ConfigEntry:
    """Run the config flow with ``answers`` and wait for the entry's setup."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    while result["type"] is not FlowResultType.CREATE_ENTRY:
        step = str(result.get("step_id"))
        if step not in answers or result.get("errors"):
            raise RuntimeError(f"the flow stopped at {step}: {result.get('errors')}")
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], answers[step](result)
        )
    await hass.async_block_till_done()
    entry: ConfigEntry = result["result"]
    return entry

"""The ``record_capture`` action: one login and one refresh, recorded with no secret left.

Run with ``SCHOOLBAG_WRITE_CAPTURES=<dir>`` (``scripts/record-captures``), the recordings
are also copied to ``<dir>/<platform>/simulator.json``: the captures ``tests/replay``
serves back to the client.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
import json
import os
from pathlib import Path
import re
import shutil
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest

from custom_components.schoolbag.client.capture import CaptureRecorder, loads
from custom_components.schoolbag.client.capture.rules import COOKIE_HEADERS, SECRET_HEADERS
from custom_components.schoolbag.client.http.recording import Exchange
from custom_components.schoolbag.const import DOMAIN
from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.lectio import LectioSimulator
from simulator.pronote import PronoteSimulator
from simulator.scodoc import ScoDocSimulator

from ..servers import ServeApp
from .conftest import NO_QCM_STUDENT, PARENT, SCHOOL_DAY, add_account
from .test_lectio import _password_entry as lectio_entry
from .test_pronote import PASSWORD as PRONOTE_PASSWORD, _created, _password_login
from .test_pronote_more import _qr_entry
from .test_scodoc import add_scodoc

type AddEntry = Callable[[HomeAssistant, ServeApp], Awaitable[tuple[ConfigEntry, list[str]]]]


async def _ecoledirecte(hass: HomeAssistant, serve_app: ServeApp) -> tuple[ConfigEntry, list[str]]:
    sim = EcoleDirecteSimulator(today=SCHOOL_DAY)
    url = f"{await serve_app(build_app(ecoledirecte=sim))}/v3"
    entry = await add_account(hass, url, sim, NO_QCM_STUDENT)
    return entry, list(NO_QCM_STUDENT)


async def _ecoledirecte_parent(
    hass: HomeAssistant, serve_app: ServeApp
) -> tuple[ConfigEntry, list[str]]:
    sim = EcoleDirecteSimulator(today=SCHOOL_DAY)
    url = f"{await serve_app(build_app(ecoledirecte=sim))}/v3"
    entry = await add_account(hass, url, sim, PARENT)
    return entry, list(PARENT)


async def _pronote(hass: HomeAssistant, serve_app: ServeApp) -> tuple[ConfigEntry, list[str]]:
    sim = PronoteSimulator(today=SCHOOL_DAY)
    # Plain payloads: encrypted ones cannot be read once their keys are redacted.
    sim.encrypt = sim.compress = False
    sim.base_url = await serve_app(build_app(pronote=sim))
    entry = await _created(hass, await _password_login(hass, f"{sim.base_url}/pronote/eleve.html"))
    return entry, [PRONOTE_PASSWORD, "demonstration"]


async def _lectio(hass: HomeAssistant, serve_app: ServeApp) -> tuple[ConfigEntry, list[str]]:
    origin = await serve_app(build_app(lectio=LectioSimulator(today=SCHOOL_DAY)))
    return await lectio_entry(hass, origin), []


async def _scodoc(hass: HomeAssistant, serve_app: ServeApp) -> tuple[ConfigEntry, list[str]]:
    url = f"{await serve_app(build_app(scodoc=ScoDocSimulator(today=SCHOOL_DAY)))}/ScoDoc"
    return await add_scodoc(hass, url), []


PLATFORMS: dict[str, AddEntry] = {
    "ecoledirecte": _ecoledirecte,
    "ecoledirecte-parent": _ecoledirecte_parent,
    "pronote": _pronote,
    "lectio": _lectio,
    "scodoc": _scodoc,
}


class _Spy:
    """The raw exchanges, seen beside the recorder: what the simulator really issued."""

    def __init__(self) -> None:
        self.raw: list[Exchange] = []

    def issued_secrets(self) -> set[str]:
        found: set[str] = set()
        for exchange in self.raw:
            for name, value in (*exchange.request_headers, *exchange.response_headers):
                lowered = name.lower()
                if lowered in SECRET_HEADERS:
                    found.add(value.partition(" ")[2] or value)
                elif lowered in COOKIE_HEADERS:
                    for part in (
                        value.split(";")[:1] if lowered == "set-cookie" else value.split(";")
                    ):
                        cookie = part.partition("=")[2].strip().strip('"')
                        if len(cookie) >= 6:
                            found.add(cookie)
            # Pronote keeps its session in the body: the session number and order numbers.
            try:
                body = json.loads(exchange.request_body or b"")
            except ValueError:
                continue
            if isinstance(body, dict):
                found |= {str(body[key]) for key in ("session", "no") if body.get(key)}
        return found


async def _record(
    hass: HomeAssistant, entry: ConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, Any], str, _Spy]:
    spy = _Spy()
    original = CaptureRecorder.record

    def record(self: CaptureRecorder, exchange: Exchange) -> None:
        spy.raw.append(exchange)
        original(self, exchange)

    monkeypatch.setattr(CaptureRecorder, "record", record)
    response = await hass.services.async_call(
        DOMAIN,
        "record_capture",
        {"config_entry": entry.entry_id},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    path = Path(str(response["path"]))
    assert path.parent == Path(hass.config.path("schoolbag_captures"))
    text = await hass.async_add_executor_job(path.read_text, "utf-8")
    return response, text, spy


def _whole(value: str) -> str:
    """``value`` as a whole number or a whole word, as a reader would spot it."""
    edge = r"\d" if value.isdigit() else r"\w"
    return rf"(?<!{edge}){re.escape(value)}(?!{edge})"


def _around(text: str, found: re.Match[str] | None) -> str:
    if found is None:
        return ""
    return text[max(found.start() - 150, 0) : found.end() + 80]


def _people(entry: ConfigEntry) -> set[str]:
    account = entry.runtime_data.account
    values = {account.display_name, account.id}
    for student in account.students:
        values |= {student.full_name, student.first_name, student.last_name, student.id}
    return {value for value in values if value and len(value) >= 3}


@pytest.mark.parametrize("platform", list(PLATFORMS))
async def test_capture_keeps_no_secret_of_the_session(
    hass: HomeAssistant,
    school_morning: object,
    serve_app: ServeApp,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    platform: str,
) -> None:
    hass.config.config_dir = str(tmp_path)
    entry, secrets = await PLATFORMS[platform](hass, serve_app)
    response, text, spy = await _record(hass, entry, monkeypatch)
    capture = loads(text)

    assert response["error"] is None
    assert response["exchanges"] == len(capture["exchanges"]) == len(spy.raw) > 2
    assert capture["platform"] == platform.partition("-")[0]
    issued = spy.issued_secrets()
    assert issued, "the simulator issued no token or cookie?"
    stored = {str(v) for k, v in entry.data.items() if k in ("password", "username", "cookie")}
    stored |= {str(v) for v in entry.data.get("trust", {}).values() if len(str(v)) >= 3}
    for value in {*secrets, *stored, *issued, *_people(entry)}:
        for form in (value, json.dumps(value)[1:-1]):
            found = re.search(_whole(form), text)
            assert found is None, (
                f"{form!r} survived in the {platform} capture: {_around(text, found)}"
            )

    if target := os.environ.get("SCHOOLBAG_WRITE_CAPTURES"):
        folder = Path(target) / platform.partition("-")[0]
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(response["path"], folder / f"simulator-{platform}.json")


async def test_capture_of_an_unknown_entry_is_refused(hass: HomeAssistant) -> None:
    with pytest.raises(ServiceValidationError):
        await hass.services.async_call(
            DOMAIN, "record_capture", {"config_entry": "nope"}, blocking=True, return_response=True
        )


async def test_a_refused_login_is_captured_with_its_error(
    hass: HomeAssistant,
    school_morning: object,
    serve_app: ServeApp,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    hass.config.config_dir = str(tmp_path)
    entry, _ = await _ecoledirecte(hass, serve_app)
    hass.config_entries.async_update_entry(entry, data={**entry.data, "password": "wrong"})

    response, text, _ = await _record(hass, entry, monkeypatch)

    assert response["error"] == "InvalidCredentialsError"
    capture = loads(text)
    assert capture["exchanges"]
    assert "wrong" not in text
    assert any("InvalidCredentialsError" in note for note in capture["notes"])


async def test_a_token_the_capture_login_rotated_is_kept(
    hass: HomeAssistant,
    serve_app: ServeApp,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    hass.config.config_dir = str(tmp_path)
    simulator = PronoteSimulator()
    simulator.base_url = await serve_app(build_app(pronote=simulator))
    entry = await _qr_entry(hass, simulator)
    token = entry.data["trust"]

    response, text, _ = await _record(hass, entry, monkeypatch)
    await hass.async_block_till_done()

    assert response["error"] is None
    # The QR-code token rotates at each login: the entry keeps the new one, not in the file.
    assert entry.data["trust"] != token
    for value in entry.data["trust"].values():
        if len(str(value)) >= 6:
            assert str(value) not in text

"""Every capture under ``captures/`` served back to the real client: its models still hold.

A user's capture becomes a regression test by dropping it into
``captures/<platform>/``: the generic test below replays it; add checks of its models.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import aiohttp
from freezegun.api import FrozenDateTimeFactory
import pytest

from custom_components.schoolbag.client.models import Student
from custom_components.schoolbag.client.pronote import auth, crypto
from custom_components.schoolbag.client.pronote.challenge import ChallengeAnswer
from custom_components.schoolbag.data import StudentData

from ..servers import ServeApp
from .harness import CAPTURES, ReplayServer, load, replay_client, replay_refresh

ALL = sorted(CAPTURES.glob("*/*.json"))


def _pronote_keys_are_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The login challenge and session key were redacted: skip solving them.

    Only captures of plain-payload instances replay (encrypted payloads need the key).
    """
    real = crypto.AesKey.decrypt_hex

    def decrypt_hex(self: crypto.AesKey, text: str) -> str:
        try:
            return real(self, text)
        except crypto.CryptoError:
            return "0"

    def solve(challenge: str, key: crypto.AesKey, *, direct_only: bool = False) -> ChallengeAnswer:
        return ChallengeAnswer("00", legacy=False)

    monkeypatch.setattr(auth, "solve_challenge", solve)
    monkeypatch.setattr(crypto.AesKey, "decrypt_hex", decrypt_hex)


async def _replay(
    path: Path, serve_app: ServeApp, freezer: FrozenDateTimeFactory, monkeypatch: pytest.MonkeyPatch
) -> tuple[dict[str, Any], ReplayServer, list[Student], list[StudentData]]:
    capture = load(path)
    if capture["platform"] == "pronote":
        _pronote_keys_are_redacted(monkeypatch)
    freezer.move_to(datetime.fromisoformat(capture["recorded_at"]))
    server = ReplayServer(capture)
    origin = await serve_app(server.app())
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        client = replay_client(capture, origin, session)
        students, data = await replay_refresh(capture, client)
    return capture, server, students, data


def test_every_platform_ships_a_capture() -> None:
    assert {path.parent.name for path in ALL} >= {"ecoledirecte", "pronote", "lectio", "scodoc"}


@pytest.mark.parametrize("path", ALL, ids=lambda path: path.stem)
async def test_capture_replays_to_the_same_models(
    path: Path,
    serve_app: ServeApp,
    freezer: FrozenDateTimeFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    capture, server, students, data = await _replay(path, serve_app, freezer, monkeypatch)
    assert server.unmatched == []
    assert students
    assert len(server.used) == sum(1 for item in capture["exchanges"] if item["response"])
    for student in students:
        # Names come back as the capture's placeholders, never as real names.
        assert student.last_name.upper().startswith("NAME"), student
    platform = path.parent.name
    first = data[0]
    if platform in ("ecoledirecte", "pronote", "lectio"):
        assert first.lessons
        assert first.homework
    assert first.grades is not None
    assert first.grades.grades or first.grades.averages

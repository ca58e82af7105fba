"""Serve the simulators from a background thread so the synchronous reference clients can call them.

pydirecte (EcoleDirecte) and pronotepy (Pronote) use ``requests``; the aiohttp app runs its
own event loop in a thread that is stopped and joined at teardown.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Generator
import threading
from typing import Any

from aiohttp import web
import pytest
import requests

from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.pronote import PronoteSimulator

REAL_BASE = "https://api.ecoledirecte.com/v3"


class ThreadedSimulator:
    """An aiohttp server on 127.0.0.1 running its own event loop in a thread."""

    def __init__(
        self, sim: EcoleDirecteSimulator | None = None, *, pronote: PronoteSimulator | None = None
    ) -> None:
        self.sim = sim if sim is not None else EcoleDirecteSimulator()
        self.pronote = pronote if pronote is not None else PronoteSimulator()
        self.origin = ""
        self.base_url = ""
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="school-simulators")

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            loop.run_until_complete(self._serve())
        except BaseException as err:  # reported to the test thread
            self._error = err
            self._ready.set()
        finally:
            loop.close()

    async def _serve(self) -> None:
        app = build_app(ecoledirecte=self.sim, pronote=self.pronote)
        runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        self.origin = f"http://127.0.0.1:{port}"
        self.base_url = f"{self.origin}/v3"
        self.pronote.base_url = self.origin
        self._stop = asyncio.Event()
        self._ready.set()
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()

    def start(self) -> None:
        self._thread.start()
        assert self._ready.wait(10), "simulator thread did not start"
        if self._error is not None:
            raise self._error

    def stop(self) -> None:
        if self._loop is not None and self._stop is not None and not self._loop.is_closed():
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)
        assert not self._thread.is_alive()


@pytest.fixture
def ed_sim() -> EcoleDirecteSimulator:
    """Fresh simulator state (no values pydirecte cannot decode)."""
    return EcoleDirecteSimulator()


@pytest.fixture
def ed_server(socket_enabled: None, ed_sim: EcoleDirecteSimulator) -> Generator[ThreadedSimulator]:
    """The simulator served on a real TCP port; stopped and joined at teardown."""
    server = ThreadedSimulator(ed_sim)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def pydirecte_on_simulator(
    ed_server: ThreadedSimulator, monkeypatch: pytest.MonkeyPatch
) -> Generator[ThreadedSimulator]:
    """Point pydirecte's hard-coded base URL at the simulator; nothing else is patched.

    pydirecte calls the module-level ``requests.post`` (also for the GTK pre-call, which
    ignores its ``fetcher`` hook), so the wrapper only rewrites the URL prefix. A session
    that ignores proxy environment variables keeps the traffic on 127.0.0.1.
    """
    import pydirecte.index

    http = requests.Session()
    http.trust_env = False

    def post(url: str, *args: Any, **kwargs: Any) -> requests.Response:
        return http.post(url.replace(REAL_BASE, ed_server.base_url, 1), *args, **kwargs)

    patched: Callable[..., requests.Response] = post
    monkeypatch.setattr(pydirecte.index.requests, "post", patched)
    yield ed_server
    http.close()


@pytest.fixture
def pronote_sim() -> PronoteSimulator:
    """Fresh Pronote simulator state (default settings: 2025 envelope, no-alea challenge)."""
    return PronoteSimulator()


@pytest.fixture
def pronote_server(
    socket_enabled: None, pronote_sim: PronoteSimulator, monkeypatch: pytest.MonkeyPatch
) -> Generator[ThreadedSimulator]:
    """The Pronote simulator on a real TCP port for pronotepy (its own requests sessions).

    pronotepy builds its ``requests.Session`` itself, so proxy variables are removed from
    the environment instead to keep the traffic on 127.0.0.1.
    """
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    server = ThreadedSimulator(pronote=pronote_sim)
    server.start()
    yield server
    server.stop()

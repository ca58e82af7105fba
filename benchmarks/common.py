"""Shared pieces of the refresh benchmarks: simulator thread, measurements and the table."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
import statistics
import threading
import tracemalloc

from aiohttp import web

from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.lectio import LectioSimulator
from simulator.pronote import PronoteSimulator
from simulator.scodoc import ScoDocSimulator

NAME_WIDTH = 34


@dataclass
class Result:
    """Per-refresh measurements of one client."""

    name: str
    requests: list[int]
    seconds: list[float]
    peak_kib: float

    @property
    def steady_requests(self) -> float:
        """Mean requests of the refreshes after the first (or of the only one)."""
        return statistics.mean(self.requests[1:] or self.requests)

    def line(self) -> str:
        """One table row."""
        return (
            f"{self.name:<{NAME_WIDTH}} {self.requests[0]:>8} {self.steady_requests:>10.1f} "
            f"{statistics.mean(self.seconds) * 1000:>9.0f} "
            f"{statistics.median(self.seconds) * 1000:>9.0f} {self.peak_kib:>10.0f}"
        )


def parse_args(description: str) -> argparse.Namespace:
    """``--refreshes`` (default 20) and ``--latency-ms`` (default 50)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--refreshes", type=int, default=20)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    args = parser.parse_args()
    if args.refreshes < 1:
        parser.error("--refreshes must be at least 1")
    return args


def print_table(results: Sequence[Result], refreshes: int, latency_ms: float) -> None:
    """Print the header and one row per client."""
    print(f"{refreshes} refreshes, {latency_ms:.0f} ms latency per request")
    print(
        f"{'client':<{NAME_WIDTH}} {'req 1st':>8} {'req/later':>10} {'mean ms':>9} "
        f"{'median ms':>9} {'peak KiB':>10}"
    )
    for result in results:
        print(result.line())


class SimulatorThread:
    """The simulated servers on their own event loop, so synchronous clients can call them.

    Entering starts the server on a free port of 127.0.0.1 and returns its origin
    (``http://127.0.0.1:<port>``); a Pronote simulator also gets it as ``base_url`` for
    the links it generates. Leaving stops the loop and joins the thread.
    """

    def __init__(
        self,
        *,
        ecoledirecte: EcoleDirecteSimulator | None = None,
        pronote: PronoteSimulator | None = None,
        lectio: LectioSimulator | None = None,
        scodoc: ScoDocSimulator | None = None,
    ) -> None:
        self.ecoledirecte = ecoledirecte
        self.pronote = pronote
        self.lectio = lectio
        self.scodoc = scodoc
        self.loop = asyncio.new_event_loop()
        self.origin = ""
        self._error: BaseException | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="simulator", daemon=True)

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            app = build_app(
                ecoledirecte=self.ecoledirecte,
                pronote=self.pronote,
                lectio=self.lectio,
                scodoc=self.scodoc,
            )
            runner = web.AppRunner(app, handle_signals=False, access_log=None)
            self.loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, "127.0.0.1", 0)
            self.loop.run_until_complete(site.start())
        except BaseException as err:  # reported to the thread that entered
            self._error = err
            self._ready.set()
            self.loop.close()
            return
        self.origin = f"http://127.0.0.1:{runner.addresses[0][1]}"
        if self.pronote is not None:
            self.pronote.base_url = self.origin
        self._ready.set()
        try:
            self.loop.run_forever()
            self.loop.run_until_complete(runner.cleanup())
        finally:
            self.loop.close()

    def __enter__(self) -> str:
        self._thread.start()
        self._ready.wait()
        if self._error is not None:
            self._thread.join()
            raise RuntimeError("the simulator did not start") from self._error
        return self.origin

    def __exit__(self, *_: object) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join()


@contextmanager
def measured() -> Iterator[Callable[[], float]]:
    """Track peak Python memory (KiB) of what runs inside.

    tracemalloc sees every thread, so the simulator's own allocations are included.
    """
    tracemalloc.start()
    try:
        yield lambda: tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()

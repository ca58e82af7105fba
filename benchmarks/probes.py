"""Measurements shared by the latency and year benchmarks (no Home Assistant import)."""

from __future__ import annotations

import asyncio
from contextlib import suppress
import gc
import json
import os
from pathlib import Path
import tempfile
import threading
import time
import tracemalloc
from types import TracebackType
from typing import Any

from aiohttp import web
import pytest

# How often the loop-lag probe asks to wake up.
PROBE_PERIOD = 0.001


class LoopLag:
    """The worst overshoot of a 1 ms sleep while the block runs: the longest callback.

    ``async with LoopLag() as lag: ...`` then ``lag.worst`` (seconds). A callback that holds
    the loop for 40 ms delays the probe's wake-up by about 40 ms.
    """

    def __init__(self) -> None:
        self.worst = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _probe(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            due = loop.time() + PROBE_PERIOD
            await asyncio.sleep(PROBE_PERIOD)
            self.worst = max(self.worst, loop.time() - due)

    async def __aenter__(self) -> LoopLag:
        self._task = asyncio.get_running_loop().create_task(self._probe())
        await asyncio.sleep(0)
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        assert self._task is not None
        self._task.cancel()
        with suppress(asyncio.CancelledError):
            await self._task


def _described(handle: asyncio.Handle) -> str:
    """The coroutines a task's step ran through, innermost last, where they are suspended now."""
    task = getattr(getattr(handle, "_callback", None), "__self__", None)
    if not isinstance(task, asyncio.Task):
        return repr(handle)
    places: list[str] = []
    coro: Any = task.get_coro()
    while coro is not None and hasattr(coro, "cr_frame"):
        frame = coro.cr_frame
        if frame is not None:
            places.append(f"{coro.__qualname__} ({frame.f_code.co_filename}:{frame.f_lineno})")
        coro = coro.cr_await
    return " > ".join(places) or repr(handle)


class CallbackTime:
    """The most CPU time one callback of this thread's event loop took while the block ran.

    ``async with CallbackTime() as cost: ...`` then ``cost.worst`` (seconds), of which
    ``cost.worst_gc`` went to garbage collections it happened to trigger, and
    ``cost.worst_without_gc``, the most any callback took besides garbage collection.
    Unlike the lag of a probe, it leaves out the time the loop waited for the GIL while
    another thread (the simulated schools) ran, and callbacks of other threads' loops.
    """

    def __init__(self) -> None:
        self.worst = 0.0
        self.worst_gc = 0.0
        self.worst_without_gc = 0.0
        # Where that callback resumed and where it stopped, to find it.
        self.worst_callback = ""
        self._original = asyncio.events.Handle._run
        self._thread = threading.get_ident()
        self._gc_spent = 0.0
        self._gc_started = 0.0

    def _on_gc(self, phase: str, info: dict[str, Any]) -> None:
        if threading.get_ident() != self._thread:
            return
        if phase == "start":
            self._gc_started = time.thread_time()
        else:
            self._gc_spent += time.thread_time() - self._gc_started

    async def __aenter__(self) -> CallbackTime:
        self._thread = threading.get_ident()
        original = self._original

        def timed(handle: asyncio.Handle) -> None:
            if threading.get_ident() != self._thread:
                original(handle)
                return
            resumed_at = _described(handle)
            self._gc_spent = 0.0
            started = time.thread_time()
            try:
                original(handle)
            finally:
                spent = time.thread_time() - started
                self.worst_without_gc = max(self.worst_without_gc, spent - self._gc_spent)
                if spent > self.worst:
                    self.worst, self.worst_gc = spent, self._gc_spent
                    self.worst_callback = f"from {resumed_at} to {_described(handle)}"

        asyncio.events.Handle._run = timed  # type: ignore[method-assign,assignment]
        gc.callbacks.append(self._on_gc)
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        gc.callbacks.remove(self._on_gc)
        asyncio.events.Handle._run = self._original  # type: ignore[method-assign]


def traced_kib(*, excluded: tuple[str, ...] = (), only: str | None = None) -> float:
    """Python memory traced by tracemalloc now (KiB), after a full garbage collection.

    ``excluded`` leaves out what was allocated in files matching those patterns (such as the
    simulators'); ``only`` keeps just what was allocated in files matching one pattern.
    """
    gc.collect()
    snapshot = tracemalloc.take_snapshot()
    filters: list[tracemalloc.Filter | tracemalloc.DomainFilter] = [
        tracemalloc.Filter(False, p) for p in excluded
    ]
    if only is not None:
        filters.append(tracemalloc.Filter(True, only))
    snapshot = snapshot.filter_traces(filters)
    return sum(stat.size for stat in snapshot.statistics("filename")) / 1024


def save_figures(variable: str, key: str, figures: Any) -> None:
    """Save ``figures`` as ``<key>.json`` in the folder named by the environment ``variable``.

    One file a key: plays running in parallel (pytest-xdist) never write the same file.
    """
    (Path(os.environ[variable]) / f"{key}.json").write_text(json.dumps(figures, indent=2))


def run_play(
    play: str, variable: str, settings: dict[str, str], arguments: list[str]
) -> tuple[int, dict[str, Any]]:
    """Run the pytest module ``play`` (benchmarks/<play>) in Home Assistant's test harness.

    ``settings`` go to the play through the environment; the play saves its figures with
    :func:`save_figures` under ``variable``. Returns pytest's exit code and the figures.
    """
    with tempfile.TemporaryDirectory() as folder:
        os.environ.update({**settings, variable: folder})
        # No logging plugin: it would keep every log record of a year in memory.
        base = ["-q", "-p", "no:cacheprovider", "-p", "no:logging", "-p", "tests.conftest"]
        code = pytest.main([*base, *arguments, str(Path(__file__).with_name(play))])
        figures = {path.stem: json.loads(path.read_text()) for path in Path(folder).glob("*.json")}
    return int(code), figures


class _RealTimeLoop(asyncio.SelectorEventLoop):
    """An event loop on the machine's clock, whatever a test froze.

    freezegun serves real or frozen time depending on the calling frames (threads are on its
    ignore list), so a loop in another thread could schedule on one clock and wait on the
    other.
    """

    def time(self) -> float:
        # freezegun leaves clock_gettime alone (its own real_monotonic may be patched too).
        return time.clock_gettime(time.CLOCK_MONOTONIC)


class ThreadedServers:
    """Simulated schools served on 127.0.0.1 by an event loop in a thread of their own.

    The loop a benchmark measures then runs only the integration: rendering the simulators'
    pages never shows as a long callback of Home Assistant's loop.
    """

    def __init__(self) -> None:
        self._loop = _RealTimeLoop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="simulated schools", daemon=True
        )
        self._thread.start()
        self._runners: list[web.AppRunner] = []

    async def serve(self, app: web.Application) -> str:
        """Serve ``app`` on a free port; its origin."""

        async def start() -> str:
            runner = web.AppRunner(app)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            self._runners.append(runner)
            _, port = runner.addresses[0][:2]
            return f"http://127.0.0.1:{port}"

        return await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(start(), self._loop))

    def close(self) -> None:
        """Stop every server and the thread."""

        async def stop() -> None:
            for runner in self._runners:
                await runner.cleanup()

        asyncio.run_coroutine_threadsafe(stop(), self._loop).result(timeout=30)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=30)
        self._loop.close()

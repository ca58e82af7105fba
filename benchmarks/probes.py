"""Measurements shared by the latency and year benchmarks (no Home Assistant import)."""

from __future__ import annotations

import asyncio
from contextlib import suppress
import gc
import json
import os
from pathlib import Path
import tempfile
import tracemalloc
from types import TracebackType
from typing import Any

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

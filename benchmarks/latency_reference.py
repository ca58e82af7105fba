"""The reference clients at the latency benchmark's latency: pronotepy and pydirecte.

Both log in on every refresh, as the existing integrations do (see pronote_refresh.py and
ecoledirecte_refresh.py, whose runs these are).
"""

from __future__ import annotations

import statistics

from benchmarks.common import Result, SimulatorThread
from benchmarks.ecoledirecte_refresh import pydirecte_run
from benchmarks.pronote_refresh import SPACE, pronotepy_run
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.pronote import PronoteSimulator


def _line(platform: str, result: Result) -> str:
    return (
        f"reference {platform}: {result.name}: refresh "
        f"{statistics.mean(result.seconds) * 1000:.0f} ms, "
        f"{result.steady_requests:.0f} requests"
    )


def reference_lines(latency_ms: float, refreshes: int) -> list[str]:
    """One line per reference client: mean wall time and requests of a refresh."""
    pronote = PronoteSimulator()
    pronote.faults.latency = latency_ms / 1000
    with SimulatorThread(pronote=pronote) as origin:
        pronotepy = pronotepy_run(f"{origin}{SPACE}", pronote, refreshes)
    ecoledirecte = EcoleDirecteSimulator()
    ecoledirecte.faults.latency = latency_ms / 1000
    with SimulatorThread(ecoledirecte=ecoledirecte) as origin:
        pydirecte = pydirecte_run(f"{origin}/v3", ecoledirecte, refreshes)
    return [_line("pronote", pronotepy), _line("ecoledirecte", pydirecte)]

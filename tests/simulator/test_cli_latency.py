"""``python -m simulator --latency-ms N`` delays the answers of all four platforms."""

from __future__ import annotations

import time

import aiohttp

from simulator.__main__ import build_simulators, parse_args

from ..servers import ServeApp

LATENCY_MS = 120
# Pages any visitor may ask, one per platform (answers or errors: both are delayed).
PATHS = {
    "ecoledirecte": "/v3/login.awp",
    "pronote": "/pronote/eleve.html",
    "lectio": "/lectio/login_list.aspx",
    "scodoc": "/ScoDoc/api/departements",
}


def test_latency_reaches_every_platform() -> None:
    simulators = build_simulators(parse_args(["--latency-ms", str(LATENCY_MS)]))
    assert {
        "ecoledirecte": simulators.ecoledirecte.faults.latency,
        "pronote": simulators.pronote.faults.latency,
        "lectio": simulators.lectio.faults.latency,
        "scodoc": simulators.scodoc.faults.latency,
    } == dict.fromkeys(PATHS, LATENCY_MS / 1000)


async def test_every_platform_answers_late(
    serve_app: ServeApp, http_session: aiohttp.ClientSession
) -> None:
    simulators = build_simulators(parse_args(["--latency-ms", str(LATENCY_MS)]))
    origin = await serve_app(simulators.app())
    elapsed: dict[str, float] = {}
    for platform, path in PATHS.items():
        started = time.perf_counter()
        async with http_session.get(f"{origin}{path}", allow_redirects=False) as response:
            await response.read()
        elapsed[platform] = time.perf_counter() - started
    assert all(seconds >= LATENCY_MS / 1000 for seconds in elapsed.values()), elapsed

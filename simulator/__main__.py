"""Run the simulated servers: ``python -m simulator [--host H] [--port P] [--latency-ms N]``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal

from aiohttp import web

from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m simulator", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8800, help="TCP port, 0 = any free (8800)")
    parser.add_argument("--latency-ms", type=int, default=0, help="delay added to responses")
    parser.add_argument(
        "--strict-2fa", action="store_true", help="EcoleDirecte late-2025 2FA-Token mode"
    )
    parser.add_argument(
        "--realistic-extras",
        action="store_true",
        help="add enum values unknown to pydirecte (Encouragement, Absence timeline item)",
    )
    return parser.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    """Serve until SIGINT or SIGTERM."""
    sim = EcoleDirecteSimulator(realistic_extras=args.realistic_extras)
    sim.faults.latency = max(0, args.latency_ms) / 1000
    sim.faults.strict_2fa_token = args.strict_2fa
    runner = web.AppRunner(build_app(ecoledirecte=sim), handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, args.host, args.port)
    await site.start()
    port = runner.addresses[0][1] if runner.addresses else args.port
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    print(f"Schoolbag simulator ready on http://{args.host}:{port} (EcoleDirecte /v3)", flush=True)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    asyncio.run(serve(parse_args(argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Run the simulated servers: ``python -m simulator [--host H] [--port P] [--latency-ms N]``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from dataclasses import dataclass
import signal

from aiohttp import web

from simulator.app import build_app
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.lectio import LectioSimulator
from simulator.pronote import PronoteSimulator
from simulator.pronote.fixtures.logins import ENT_DEMO, PASSWORD_DEMO, QR_DEMO, DemoLogin
from simulator.scodoc import ScoDocSimulator


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
    parser.add_argument(
        "--pronote-envelope",
        choices=("2025", "legacy"),
        default="2025",
        help="Pronote envelope field names (2025)",
    )
    parser.add_argument(
        "--pronote-challenge",
        choices=("no_alea", "alea"),
        default="no_alea",
        help="Pronote login challenge variant (no_alea)",
    )
    parser.add_argument(
        "--pronote-2fa", action="store_true", help="require the Pronote PIN for 'demonstration'"
    )
    return parser.parse_args(argv)


def _pupil(login: DemoLogin) -> str:
    return f"{login.pupil.last_name} {login.pupil.first_name}"


def pronote_lines(base: str, pronote: PronoteSimulator) -> list[str]:
    """How to log in to the Pronote demo, one line per login mode (each shows its own pupil)."""
    control = f"{base}/_sim/pronote"
    minutes = round(pronote.qr_ttl / 60)
    return [
        f"Pronote: {base}/pronote/eleve.html ({_pupil(PASSWORD_DEMO)}) and "
        f"{base}/pronote/parent.html ({PASSWORD_DEMO.parent.label}): "
        f"{PASSWORD_DEMO.username} / {PASSWORD_DEMO.password}, "
        f"PIN {pronote.pin(PASSWORD_DEMO.username)}; control {control}",
        f"Pronote QR code ({_pupil(QR_DEMO)}): curl -X POST '{control}/qr?format=text' prints "
        f"the QR code text, and its PIN below it (single use, valid {minutes} minutes)",
        f"Pronote ENT ({_pupil(ENT_DEMO)}): curl -X POST '{control}/mode?ent_family=educonnect' "
        f"(or cas, open_ent_ng, keycloak...; none turns it off), then {base}/pronote/eleve.html "
        f"with {ENT_DEMO.username} / {ENT_DEMO.password}",
    ]


def startup_lines(base: str, pronote: PronoteSimulator) -> list[str]:
    """The start-up message: where each simulated platform is and how to log in."""
    return [
        f"Schoolbag simulator ready on {base} (EcoleDirecte /v3)",
        *pronote_lines(base, pronote),
        f"ScoDoc: {base}/ScoDoc (demo / demo, department INFO, NIPs 31024587 and 31029911); "
        f"control {base}/_sim/scodoc",
        f"Lectio: {base}/lectio/680/login.aspx (demo / demo); MitID-only school "
        f"{base}/lectio/681/ (POST {base}/_sim/lectio/autologin for a cookie); "
        f"control {base}/_sim/lectio",
    ]


@dataclass(frozen=True, slots=True)
class Simulators:
    """The four simulated platforms ``python -m simulator`` serves."""

    ecoledirecte: EcoleDirecteSimulator
    pronote: PronoteSimulator
    lectio: LectioSimulator
    scodoc: ScoDocSimulator

    def app(self) -> web.Application:
        """The application serving all four."""
        return build_app(
            ecoledirecte=self.ecoledirecte,
            pronote=self.pronote,
            scodoc=self.scodoc,
            lectio=self.lectio,
        )


def build_simulators(args: argparse.Namespace) -> Simulators:
    """The simulators set up as the command line asks; ``--latency-ms`` delays all four."""
    latency = max(0, args.latency_ms) / 1000
    sim = EcoleDirecteSimulator(realistic_extras=args.realistic_extras)
    sim.faults.latency = latency
    sim.faults.strict_2fa_token = args.strict_2fa
    pronote = PronoteSimulator()
    pronote.faults.latency = latency
    pronote.envelope_scheme = args.pronote_envelope
    pronote.challenge_variant = args.pronote_challenge
    pronote.set_2fa_required("demonstration", args.pronote_2fa)
    lectio = LectioSimulator()
    lectio.faults.latency = latency
    scodoc = ScoDocSimulator()
    scodoc.faults.latency = latency
    return Simulators(ecoledirecte=sim, pronote=pronote, lectio=lectio, scodoc=scodoc)


async def serve(args: argparse.Namespace) -> None:
    """Serve until SIGINT or SIGTERM."""
    simulators = build_simulators(args)
    runner = web.AppRunner(simulators.app(), handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, args.host, args.port)
    await site.start()
    port = runner.addresses[0][1] if runner.addresses else args.port
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    for line in startup_lines(f"http://{args.host}:{port}", simulators.pronote):
        print(line, flush=True)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    asyncio.run(serve(parse_args(argv)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

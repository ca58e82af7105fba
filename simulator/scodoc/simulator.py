"""The :class:`ScoDocSimulator`: state holder, settings and Python test API."""

from __future__ import annotations

from datetime import date, datetime
import time
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web

from simulator.scodoc.faults import Faults
from simulator.scodoc.fixtures import World, load_world
from simulator.scodoc.routes import handle_scodoc
from simulator.scodoc.tokens import DEFAULT_TOKEN_TTL, TokenStore

PARIS = ZoneInfo("Europe/Paris")
VERSIONS = ("9.6", "9.5")


class ScoDocSimulator:
    """A simulated ScoDoc 9 instance under ``/ScoDoc`` (``/ScoDoc/api`` and ``/ScoDoc/<DEPT>/api``).

    Accounts (password ``demo``): ``demo`` reads every department, ``infoonly`` reads INFO
    only (403 on the global root), ``noperm`` reads nothing (403 everywhere).

    Department ``INFO``: Alice VERNEUIL (NIP ``31024587``, BUT semesters 2 and 3; the same NIP
    also exists in ``RT``) and Hugo LAMBERT (NIP stored as ``31029911.0``, a classic LP
    bulletin). Dates are relative to today (Europe/Paris) so the current semesters always
    contain it; pass ``today`` to pin it. With ``year_over`` (kept by :meth:`reset`) the
    school year is over instead: every date moves back so that the last semester ended two
    weeks before today (the summer holidays); bulletins, evaluations and attendance move
    with their semesters and stay readable, and no semester is current.

    Settings (restored by :meth:`reset`): ``version`` (``"9.6"``; ``"9.5"`` has no assiduité
    routes and no ``date_debut`` on evaluations), ``tokens.ttl`` (3600 s), ``unpublished``
    (formsemestre ids whose bulletins are not published).
    """

    def __init__(self, *, today: date | None = None, year_over: bool = False) -> None:
        self._pinned_today = today
        self.year_over = year_over
        self.faults = Faults()
        self.requests: list[tuple[str, str]] = []
        # Requests being answered now, and the most ever at once (clients that overlap calls).
        self.in_flight = 0
        self.most_in_flight = 0
        self.reset()

    def reset(self) -> None:
        """Forget tokens, faults and changes; rebuild today's data."""
        self.faults.reset()
        self.requests.clear()
        self.version = VERSIONS[0]
        self.unpublished: set[int] = set()
        self.tokens = TokenStore(self.clock, DEFAULT_TOKEN_TTL)
        self.world: World = load_world(self._today(), year_over=self.year_over)

    @staticmethod
    def clock() -> float:
        return time.monotonic()

    def _today(self) -> date:
        return self._pinned_today or datetime.now(PARIS).date()

    @property
    def today(self) -> date:
        """The date the demo data is relative to."""
        return self.world.today

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """The aiohttp handler for every ``/ScoDoc/...`` path."""
        return await handle_scodoc(self, request)

    # -- test API ------------------------------------------------------------------------------

    def expire_tokens(self, username: str | None = None) -> int:
        """Expire the live tokens (of one user, or all): the next API call gets 401."""
        return self.tokens.expire(username)

    def rotate_token(self, username: str) -> None:
        """Simulate another client of the login renewing the shared token."""
        self.tokens.rotate(username)

    def set_grade(self, etudid: int, evaluation_id: int, value: str) -> None:
        """Enter (or change) a grade in the student's bulletins, e.g. ``"15.50"`` or ``"ABS"``.

        Raises KeyError when the student has no bulletin holding that evaluation.
        """
        for (_, student), bulletin in self.world.bulletins.items():
            if student != etudid:
                continue
            for evaluation in _evaluations(bulletin):
                if int(evaluation.get("id", evaluation.get("evaluation_id", -1))) == evaluation_id:
                    if "evaluation_id" in evaluation:
                        evaluation["note"] = value
                        evaluation.pop("incomplete", None)
                    else:
                        evaluation["note"] = {**(evaluation.get("note") or {}), "value": value}
                    return
        raise KeyError(evaluation_id)


def _evaluations(bulletin: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for section in ("ressources", "saes"):
        modules = bulletin.get(section)
        if isinstance(modules, dict):
            for module in modules.values():
                found.extend(module.get("evaluations") or [])
    ues = bulletin.get("ue")
    if isinstance(ues, list):
        for ue in ues:
            for module in ue.get("module") or []:
                found.extend(module.get("evaluation") or [])
    return found

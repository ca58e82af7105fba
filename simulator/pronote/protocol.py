"""What a function handler receives (:class:`Call`) and the function registry types."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from simulator.pronote.errors import ACCESS_DENIED, PronoteError
from simulator.pronote.fixtures.models import Account, Period, Student, World
from simulator.pronote.session import Phase, Session

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

Json = dict[str, Any]


@dataclass
class Call:
    """One decoded ``appelfonction`` request."""

    sim: PronoteSimulator
    session: Session
    function: str
    data: Json
    signature: Json
    fault: str | None = None  # a one-shot fault consumed by this call (e.g. bad_challenge)

    @property
    def world(self) -> World:
        return self.sim.world

    @property
    def account(self) -> Account:
        if self.session.account is None:
            raise PronoteError(ACCESS_DENIED)
        return self.session.account

    @property
    def onglet(self) -> int | None:
        value = self.signature.get("onglet")
        return value if isinstance(value, int) else None

    def student(self) -> Student:
        """The pupil a tab call is about.

        Student accounts: themselves. Parent accounts: ``Signature.membre``, else
        ``Signature.ressource``, else ``data.ressource``/``data.Ressource``, else the first
        child. A resource that is not one of the account's pupils is refused (Erreur 3).
        """
        account = self.account
        wanted: str | None = None
        for holder, key in (
            (self.signature, "membre"),
            (self.signature, "ressource"),
            (self.data, "ressource"),
            (self.data, "Ressource"),
        ):
            value = holder.get(key)
            if isinstance(value, dict) and isinstance(value.get("N"), str):
                candidate = value["N"]
                if candidate == account.resource_id and account.is_parent:
                    continue  # the parent's own resource: no pupil chosen there
                wanted = candidate
                break
        if wanted is None:
            wanted = account.student_ids[0]
        if wanted not in account.student_ids:
            raise PronoteError(ACCESS_DENIED, "Accès refusé : ressource inconnue")
        return self.world.students[wanted]

    def period(self, *keys: str) -> Period:
        """The period named by ``data[key].N`` for the first present key (Erreur 22 if unknown)."""
        for key in keys:
            value = self.data.get(key)
            if isinstance(value, dict) and "N" in value:
                period = self.world.year.period(str(value["N"]))
                if period is None:
                    raise PronoteError(22)
                return period
        return self.world.year.current_trimester(self.world.today)


Handler = Callable[[Call], Json]


@dataclass(frozen=True)
class Function:
    """A function name served by ``appelfonction``.

    ``phases``: session phases in which it may be called. ``tabs``: the ``onglet`` values
    accepted in its signature (empty: any or none). ``students_only``: refused (signature
    level) for parent accounts.
    """

    name: str
    handler: Handler
    phases: frozenset[Phase] = frozenset({Phase.AUTHENTICATED})
    tabs: frozenset[int] = field(default_factory=frozenset)
    students_only: bool = False
    legacy_only: bool = False

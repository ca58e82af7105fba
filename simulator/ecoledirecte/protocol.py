"""The request context handed to endpoint handlers and the reply they return."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from aiohttp import web

from simulator.ecoledirecte.codec import JsonObject

if TYPE_CHECKING:
    from simulator.ecoledirecte.fixtures.models import Account, Student, User
    from simulator.ecoledirecte.simulator import EcoleDirecteSimulator
    from simulator.ecoledirecte.state import Session


@dataclass
class Reply:
    """What a handler answers; turned into an HTTP response by the router.

    ``token=None`` means "the session's current token on success, ``""`` otherwise".
    ``raw`` switches from the JSON envelope to a binary download.
    """

    code: int = 200
    data: Any = None
    message: str | None = None
    token: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    cookies: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None
    content_type: str = "application/pdf"
    filename: str = ""


@dataclass
class Call:
    """One ``/v3`` request being served."""

    sim: EcoleDirecteSimulator
    request: web.Request
    verbe: str
    params: dict[str, str]
    body: JsonObject | None
    session: Session | None = None
    forced_qcm: bool = False

    @property
    def data(self) -> JsonObject:
        """The parsed ``data=`` object (``{}`` for an empty body)."""
        return self.body or {}

    def header(self, name: str) -> str:
        """A request header (case-insensitive), stripped; ``""`` when absent."""
        return self.request.headers.get(name, "").strip()

    def query(self, name: str) -> str:
        return self.request.query.get(name, "")

    @property
    def token(self) -> str:
        return self.header("X-Token")

    @property
    def user(self) -> User:
        assert self.session is not None
        return self.sim.world.users[self.session.username]

    @property
    def account(self) -> Account:
        assert self.session is not None
        accounts = self.user.accounts
        return accounts[min(self.session.account_index, len(accounts) - 1)]

    def students(self) -> list[Student]:
        """Pupils reachable with the current token (own account or children)."""
        return [self.sim.world.students[sid] for sid in self.account.student_ids]

    def student(self) -> Student:
        """The pupil addressed by the ``{id}`` path segment (scope already checked)."""
        return self.sim.world.students[int(self.params["id"])]

"""Server-side Pronote sessions: the ``h`` number, key/IV stages, order numbers, login state."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
import enum
import secrets

from simulator.pronote.crypto import CipherState
from simulator.pronote.fixtures.models import Account
from simulator.pronote.spaces import Space

PRUNE_AFTER = 2 * 3600.0


class Phase(enum.Enum):
    """Where a session stands in the login sequence (Pronote protocol §3)."""

    NEW = "new"  # page loaded, FonctionParametres expected
    READY = "ready"  # IV exchanged, Identification expected
    IDENTIFIED = "identified"  # challenge issued, Authentification expected
    SECURING = "securing"  # logged in, double authentication steps pending
    AUTHENTICATED = "authenticated"


class LoginMode(enum.Enum):
    """Which secret the challenge key is derived from."""

    PASSWORD = "password"
    QR_CODE = "qr_code"
    TOKEN = "token"
    ENT = "ent"


@dataclass
class Challenge:
    """An issued challenge and what a correct answer decrypts to."""

    account: Account | None
    mode: LoginMode
    key: bytes
    text: str  # what was sent (hex for the alea variant, opaque hex for no_alea)
    plain: str  # the legacy answer (alea removed); equals ``text`` for no_alea
    wants_token: bool  # demandeConnexionAppliMobile or enConnexionAppliMobile
    solvable: bool = True


@dataclass
class Session:
    """One ``h``: created by a page load, alive until idle expiry or a fatal error."""

    h: str
    space: Space
    path: str
    last_seen: float
    cipher: CipherState = field(default_factory=CipherState)
    expected_order: int = 1
    phase: Phase = Phase.NEW
    navigator: str = ""
    device_uuid: str = ""
    challenge: Challenge | None = None
    account: Account | None = None
    mode: LoginMode = LoginMode.PASSWORD
    pending_actions: set[int] = field(default_factory=set)
    pin_verified: bool = False
    ent_login: str = ""
    ent_secret: str = ""
    next_cipher: CipherState | None = None
    dead_code: int = 0  # Erreur code answered once the session is dead (10 or 11)

    @property
    def number(self) -> int:
        return int(self.h)


class SessionStore:
    """Sessions by ``h``, with idle expiry."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._sessions: dict[str, Session] = {}

    def create(self, space: Space, path: str) -> Session:
        """A fresh session with a random 7-digit ``h`` (sessions idle for 2 h are dropped)."""
        now = self._clock()
        for h, old in list(self._sessions.items()):
            if now - old.last_seen > PRUNE_AFTER:
                del self._sessions[h]
        while True:
            h = str(secrets.randbelow(9_000_000) + 1_000_000)
            if h not in self._sessions:
                break
        session = Session(h=h, space=space, path=path, last_seen=self._clock())
        self._sessions[h] = session
        return session

    def get(self, h: str, ttl: float) -> Session | None:
        """The session ``h`` (possibly dead); idle sessions die with code 10."""
        session = self._sessions.get(h)
        if session is None:
            return None
        if not session.dead_code and self._clock() - session.last_seen > ttl:
            session.dead_code = 10
        return session

    def touch(self, session: Session) -> None:
        session.last_seen = self._clock()

    def expire_all(self) -> None:
        """Every current session now answers Erreur 10."""
        for session in self._sessions.values():
            session.dead_code = session.dead_code or 10

    def count(self, *, alive: bool = True) -> int:
        return sum(1 for s in self._sessions.values() if not alive or not s.dead_code)

    def __iter__(self) -> Iterator[Session]:
        return iter(list(self._sessions.values()))

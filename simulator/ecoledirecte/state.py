"""Server-side authentication state: sessions, GTK cookies, device trust, access tokens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import enum
import hashlib
import hmac
import secrets

from simulator.ecoledirecte.codec import b64encode_text

TOKEN_BYTES = 192  # token_urlsafe(192) yields 256 characters


def new_token() -> str:
    """Return a random opaque session token (256 URL-safe characters)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


class TokenStatus(enum.Enum):
    """Outcome of a token lookup."""

    VALID = "valid"
    UNKNOWN = "unknown"
    EXPIRED = "expired"


@dataclass
class Session:
    """One logged-in (or double-auth pending) session, addressed by its current token."""

    token: str
    username: str
    temporary: bool
    uuid: str
    user_agent: str
    last_used: float
    account_index: int = 0
    expired: bool = False
    two_fa_token: str = ""


class SessionStore:
    """Tokens to sessions, with idle expiry."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._by_token: dict[str, Session] = {}

    def mint(self, username: str, *, temporary: bool, uuid: str, user_agent: str) -> Session:
        session = Session(
            token=new_token(),
            username=username,
            temporary=temporary,
            uuid=uuid,
            user_agent=user_agent,
            last_used=self._clock(),
        )
        self._by_token[session.token] = session
        return session

    def lookup(self, token: str, ttl: float) -> tuple[TokenStatus, Session | None]:
        """Find the session of ``token``; expire it when idle for more than ``ttl`` seconds."""
        session = self._by_token.get(token) if token else None
        if session is None:
            return TokenStatus.UNKNOWN, None
        if not session.expired and self._clock() - session.last_used > ttl:
            session.expired = True
        if session.expired:
            return TokenStatus.EXPIRED, session
        return TokenStatus.VALID, session

    def touch(self, session: Session) -> None:
        session.last_used = self._clock()

    def rotate(self, session: Session) -> str:
        """Give ``session`` a new token; the previous one becomes unknown (code 520)."""
        self._by_token.pop(session.token, None)
        session.token = new_token()
        self._by_token[session.token] = session
        return session.token

    def invalidate(self, token: str) -> None:
        self._by_token.pop(token, None)

    def expire(self, token: str) -> None:
        session = self._by_token.get(token)
        if session is not None:
            session.expired = True

    def expire_all(self) -> None:
        for session in self._by_token.values():
            session.expired = True

    def count(self) -> int:
        return len(self._by_token)


class GtkStore:
    """Single-use GTK values handed out by ``login.awp?gtk=1``."""

    def __init__(self, clock: Callable[[], float], ttl: float) -> None:
        self._clock = clock
        self.ttl = ttl
        self._issued: dict[str, float] = {}

    def issue(self) -> str:
        now = self._clock()
        self._issued = {k: t for k, t in self._issued.items() if now - t <= self.ttl}
        value = secrets.token_urlsafe(48)
        self._issued[value] = now
        return value

    def consume(self, value: str) -> bool:
        """Return ``True`` once for a GTK that was issued less than ``ttl`` seconds ago."""
        issued = self._issued.pop(value, None) if value else None
        return issued is not None and self._clock() - issued <= self.ttl


class TrustStore:
    """Device trust established by the QCM: valid ``cn``/``cv`` pairs per user.

    A pair is stable for a (user, device ``uuid``) until :meth:`revoke` bumps the user's epoch.
    In strict 2FA-Token mode a freshly issued pair stays *pending* until a login echoes the
    ``2fa-token`` of the flow that produced it.
    """

    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)
        self._epoch: dict[str, int] = {}
        self._trusted: dict[str, set[tuple[str, str]]] = {}
        self._pending: dict[tuple[str, str], str] = {}

    def pair_for(self, username: str, uuid: str) -> tuple[str, str]:
        epoch = self._epoch.get(username, 0)
        digest = hmac.new(
            self._secret, f"{username}|{uuid}|{epoch}".encode(), hashlib.sha256
        ).hexdigest()
        cn = b64encode_text(str(10_000_000 + int(digest[:8], 16) % 90_000_000))
        cv = b64encode_text(digest[8:56])
        return cn, cv

    def grant(self, username: str, uuid: str, two_fa_token: str = "") -> tuple[str, str]:
        pair = self.pair_for(username, uuid)
        self._trusted.setdefault(username, set()).add(pair)
        if two_fa_token:
            self._pending[pair] = two_fa_token
        return pair

    def is_trusted(self, username: str, pair: tuple[str, str]) -> bool:
        return pair in self._trusted.get(username, set())

    def pending_token(self, pair: tuple[str, str]) -> str:
        return self._pending.get(pair, "")

    def confirm(self, pair: tuple[str, str]) -> None:
        self._pending.pop(pair, None)

    def revoke(self, username: str) -> None:
        self._epoch[username] = self._epoch.get(username, 0) + 1
        for pair in self._trusted.pop(username, set()):
            self._pending.pop(pair, None)


class AccessTokenStore:
    """Long-lived ``accessToken`` values (per user and device) used for password-less renewal."""

    def __init__(self) -> None:
        self._tokens: dict[tuple[str, str], str] = {}

    def issue(self, username: str, uuid: str) -> str:
        key = (username, uuid)
        if key not in self._tokens:
            self._tokens[key] = secrets.token_hex(18)
        return self._tokens[key]

    def check(self, username: str, uuid: str, token: str) -> bool:
        expected = self._tokens.get((username, uuid))
        return bool(token) and expected is not None and hmac.compare_digest(expected, token)

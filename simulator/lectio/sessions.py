"""Server sessions (``ASP.NET_SessionId``) and long-lived auto-login keys (``autologinkeyV2``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
import secrets

from simulator.lectio.fixtures.people import Student

DEFAULT_SESSION_TTL = 20 * 60.0


def _token(size: int = 18) -> str:
    return secrets.token_hex(size)


@dataclass
class Session:
    """An anonymous (login page) or logged-in session of one school."""

    id: str
    school_id: str
    last_seen: float
    student: Student | None = None
    viewstate: str = ""
    event_validation: str = ""
    # Request times of the last second, for the optional rate limiter.
    recent: list[float] = field(default_factory=list)

    def new_form_state(self) -> tuple[str, str]:
        """Issue fresh ``__VIEWSTATEX``/``__EVENTVALIDATION`` values (each page load)."""
        self.viewstate = "/wEP" + secrets.token_urlsafe(48)
        self.event_validation = "/wEW" + secrets.token_urlsafe(24)
        return self.viewstate, self.event_validation


class SessionStore:
    """Sessions by id, dropped after ``ttl`` seconds of inactivity."""

    def __init__(self, clock: Callable[[], float], ttl: float = DEFAULT_SESSION_TTL) -> None:
        self._clock = clock
        self.ttl = ttl
        self._sessions: dict[str, Session] = {}

    def count(self) -> int:
        return len(self._sessions)

    def create(self, school_id: str, student: Student | None = None) -> Session:
        session = Session(_token(12), school_id, self._clock(), student)
        self._sessions[session.id] = session
        return session

    def get(self, session_id: str | None, school_id: str) -> Session | None:
        """The live session of this school, touched; None when unknown or idle too long."""
        session = self._sessions.get(session_id or "")
        if session is None or session.school_id != school_id:
            return None
        now = self._clock()
        if now - session.last_seen > self.ttl:
            del self._sessions[session.id]
            return None
        session.last_seen = now
        return session

    def rotate(self, session: Session, student: Student) -> Session:
        """Replace a session by a new logged-in one (the id changes at login)."""
        self._sessions.pop(session.id, None)
        return self.create(session.school_id, student)

    def end(self, session: Session) -> None:
        """Forget one session (the server dropped it)."""
        self._sessions.pop(session.id, None)

    def expire_all(self) -> None:
        self._sessions.clear()


class AutologinKeys:
    """``autologinkeyV2`` values and the student each one logs in."""

    def __init__(self) -> None:
        self._keys: dict[str, Student] = {}

    def count(self) -> int:
        return len(self._keys)

    def issue(self, student: Student) -> str:
        key = _token(24)
        self._keys[key] = student
        return key

    def student(self, key: str | None) -> Student | None:
        return self._keys.get(key or "")

    def revoke(self, key: str) -> None:
        self._keys.pop(key, None)

    def revoke_all(self) -> None:
        self._keys.clear()

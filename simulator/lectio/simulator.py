"""The :class:`LectioSimulator`: state, settings and Python test API."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
import time as monotonic_time
from typing import Any

from aiohttp import web

from simulator.lectio.faults import Faults
from simulator.lectio.fixtures.calendar import copenhagen_now
from simulator.lectio.fixtures.messages import Message
from simulator.lectio.fixtures.people import (
    DEMO_USERNAME,
    MITID_SCHOOL_ID,
    STUDENTS,
    Student,
    student_by_username,
)
from simulator.lectio.sessions import DEFAULT_SESSION_TTL, AutologinKeys, SessionStore

DEFAULT_MAX_FAILED_LOGINS = 5
DEFAULT_LOCKOUT = 15 * 60.0


class LectioSimulator:
    """A simulated www.lectio.dk serving ``/lectio/...`` with demo data and a test API.

    Schools (Lectio protocol §11): ``680`` Eksempel Gymnasium & HF (``demo``/``demo``: Freja
    Eksempel Hansen, 2b), ``681`` Nordby Gymnasium (MitID only: Magnus Ørsted Nielsen, reachable
    with an ``autologinkeyV2`` from :meth:`issue_autologin_key`) and ``682`` (no users).

    Settings (plain attributes, restored by :meth:`reset`):

    * ``legacy_tooltips`` (False): bricks carry ``data-additionalinfo`` instead of
      ``data-tooltip``.
    * ``malformed_schedule`` (False): ``SkemaNy.aspx`` has no ``s2skema`` table.
    * ``rotate_keys`` (True): renewing a session from an auto-login key issues a new key on
      every second renewal; ``blank_key_cookie`` (True): the other renewals send an empty
      ``autologinkeyV2=`` cookie. ``strict_key_rotation`` (False): a rotated key stops working.
    * ``sessions.ttl`` (1200 s idle), ``max_failed_logins`` (5), ``lockout_seconds`` (900).

    Data is dated relative to today in Europe/Copenhagen; pass ``today`` to pin it.
    ``holidays`` (kept by :meth:`reset`) are days off: ``SkemaNy.aspx`` still draws their
    columns, with no brick in them (lessons and events touching them are left out); the
    homework, activity and absence pages are unchanged.
    """

    def __init__(self, *, today: date | None = None, holidays: Iterable[date] = ()) -> None:
        self._pinned_today = today
        self.holidays = frozenset(holidays)
        self.faults = Faults()
        self.requests: list[tuple[str, str]] = []
        self.reset()

    def reset(self) -> None:
        """Forget sessions, keys, lockouts, faults and the messages delivered by tests."""
        self.legacy_tooltips = False
        self.malformed_schedule = False
        self.rotate_keys = True
        self.blank_key_cookie = True
        self.strict_key_rotation = False
        self.max_failed_logins = DEFAULT_MAX_FAILED_LOGINS
        self.lockout_seconds = DEFAULT_LOCKOUT
        self.faults.reset()
        self.requests.clear()
        self.sessions = SessionStore(self.clock, DEFAULT_SESSION_TTL)
        self.keys = AutologinKeys()
        self.failed_logins: dict[str, int] = {}
        self.locked_until: dict[str, float] = {}
        self.renewals = 0
        self.logins = 0
        self.delivered: list[Message] = []

    def clock(self) -> float:
        return monotonic_time.monotonic()

    def now(self) -> datetime:
        """The demo's wall clock (naive, Copenhagen)."""
        if self._pinned_today is not None:
            return datetime.combine(self._pinned_today, time(10, 0))
        return copenhagen_now()

    # -- test API ----------------------------------------------------------------------------

    def pin_today(self, day: date) -> None:
        """Move the demo to ``day``: its data is dated relative to it."""
        self._pinned_today = day

    def deliver(self, message: Message) -> None:
        """Put ``message`` above the demo's messages, as newly arrived."""
        self.delivered.insert(0, message)

    def expire_sessions(self) -> None:
        """End every server session (auto-login keys stay valid)."""
        self.sessions.expire_all()

    def revoke_autologin_keys(self) -> None:
        """Make every ``autologinkeyV2`` worthless (as when it expires after weeks)."""
        self.keys.revoke_all()

    def issue_autologin_key(
        self, username: str = "magnus", school_id: str = MITID_SCHOOL_ID
    ) -> str:
        """A valid ``autologinkeyV2`` value, as a browser keeps after a MitID login."""
        student = student_by_username(school_id, username)
        if student is None:
            raise KeyError(username)
        return self.keys.issue(student)

    def student(self, elevid: str) -> Student:
        found = next((s for s in STUDENTS if s.elevid == elevid), None)
        if found is None:
            raise KeyError(elevid)
        return found

    def status(self) -> dict[str, Any]:
        return {
            "today": self.now().date().isoformat(),
            "schools": {"demo": "680", "mitid": MITID_SCHOOL_ID},
            "demo_login": {"username": DEMO_USERNAME, "password": DEMO_USERNAME},
            "sessions": self.sessions.count(),
            "autologin_keys": self.keys.count(),
            "logins": self.logins,
            "renewals": self.renewals,
            "requests": len(self.requests),
        }

    async def handle(self, request: web.Request) -> web.StreamResponse:
        from simulator.lectio.routes import handle_lectio  # noqa: PLC0415 - import cycle

        return await handle_lectio(self, request)

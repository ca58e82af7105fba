"""The interface every school platform client implements."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from . import models


@dataclass(frozen=True, slots=True)
class Credentials:
    """What a client needs to log in.

    ``trust`` holds provider-specific values that spare a new
    double-authentication (for EcoleDirecte the QCM ``cn``/``cv`` pair). The
    client updates it after a challenge; callers persist ``client.trust``.
    """

    username: str
    password: str
    trust: Mapping[str, str] = field(default_factory=dict)

    def __repr__(self) -> str:
        """Keep secrets out of logs and tracebacks."""
        return f"Credentials(username={self.username!r}, password=***, trust=***)"


class SchoolClient(Protocol):
    """An async client for one account on one school platform.

    A client keeps its server session between calls and logs in again by
    itself when the session expires, using the stored credentials and trust
    (never asking a new double-authentication question unless the server does).
    """

    platform: models.SchoolPlatform
    capabilities: frozenset[models.Capability]
    # How often to call ``keep_alive`` between refreshes; None when the platform needs no ping.
    keep_alive_interval: timedelta | None
    # Whether the caller may await several data calls at once (the client still holds back
    # those its session cannot take together); otherwise it serialises its calls anyway.
    concurrent_calls: bool

    @property
    def account(self) -> models.Account | None:
        """The logged-in account, or None before the first login."""

    @property
    def trust(self) -> dict[str, str]:
        """Values to persist so later logins skip the double-authentication."""

    @property
    def request_count(self) -> int:
        """HTTP requests sent so far, logins and keep-alive pings included."""

    @property
    def login_count(self) -> int:
        """Logins tried so far: one for each session the client had to open."""

    async def login(self) -> models.Account:
        """Log in (or reuse the current session) and return the account.

        Raises DoubleAuthRequiredError when the server asks a question: answer it
        with ``answer_challenge``.
        """

    async def answer_challenge(self, answer: str) -> models.Account:
        """Answer the pending double-authentication question and log in."""

    async def keep_alive(self) -> bool:
        """Keep an idle session open; return whether one is open. Never logs in or raises."""

    def keep_alive_pays(self, idle: timedelta) -> bool:
        """Whether keeping a session open for ``idle`` costs fewer requests than a new login."""

    async def timetable(self, student_id: str, start: date, end: date) -> list[models.Lesson]:
        """Lessons from ``start`` to ``end`` inclusive, sorted by start."""

    async def homework(self, student_id: str, start: date, end: date) -> list[models.Homework]:
        """Homework due from ``start`` to ``end`` inclusive, sorted by due date."""

    async def set_homework_done(self, student_id: str, homework_id: str, done: bool) -> None:
        """Mark homework done (or not done) on the school server."""

    async def grades(self, student_id: str, period_id: str | None = None) -> models.GradeBook:
        """Periods of the school year with grades and averages.

        Platforms that answer period by period return the current period's
        grades unless ``period_id`` names another one; others return them all.
        """

    async def school_life(self, student_id: str) -> models.SchoolLife:
        """Absences, delays and punishments."""

    async def mailbox(self, student_id: str) -> models.Mailbox:
        """Received messages and the unread count."""

    async def canteen(self, student_id: str) -> models.Canteen | None:
        """Canteen regime and reservations, None when the school has none."""

    async def wallets(self) -> list[models.Wallet]:
        """Prepaid account balances of the whole account."""

    async def menus(self, student_id: str, start: date, end: date) -> list[models.MenuDay]:
        """Canteen menus from ``start`` to ``end`` inclusive (empty without Capability.MENUS)."""

    async def information(self, student_id: str) -> list[models.Information]:
        """School news and surveys (empty without Capability.INFORMATION)."""

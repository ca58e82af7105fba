"""Typed errors raised by every school client.

Messages never contain secrets: no password, token, cookie or answer.
"""

from __future__ import annotations

from .models import Challenge


class SchoolError(Exception):
    """Base class of every error a school client raises."""


class InvalidCredentialsError(SchoolError):
    """The server refused the username or password."""


class DoubleAuthRequiredError(SchoolError):
    """The server asks a double-authentication question before login."""

    def __init__(self, challenge: Challenge) -> None:
        super().__init__("double authentication required")
        self.challenge = challenge


class ChallengeFailedError(SchoolError):
    """The answer to the double-authentication question was refused."""


class SessionExpiredError(SchoolError):
    """The server session ended; logging in again should fix it."""


class RateLimitedError(SchoolError):
    """Too many requests; try again after ``retry_after`` seconds."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class IpSuspendedError(RateLimitedError):
    """The school's server blocked this IP address for a while.

    Nothing can be done but wait (often an hour or more); the Home Assistant
    layer raises a repair issue rather than asking to log in again.
    """


class RequestBudgetExceededError(RateLimitedError):
    """Schoolbag itself holds the request back: the account used its request budget.

    Nothing was sent; ``retry_after`` says when the budget allows the next request.
    """


class ServerUnavailableError(SchoolError):
    """The server cannot be reached or answered with a server fault."""


class ProtocolChangedError(SchoolError):
    """The server answered something this client does not understand."""


class NotSupportedError(SchoolError):
    """The platform or the account does not offer this feature."""


class PermissionDeniedError(NotSupportedError):
    """The account may not read this (HTTP 403): its rights must be extended."""


class NotFoundError(SchoolError):
    """The server knows no such department, student or semester (HTTP 404)."""


def required[T](value: T | None, problem: str) -> T:
    """The value a parser cannot do without; None raises ``ProtocolChangedError(problem)``."""
    if value is None:
        raise ProtocolChangedError(problem)
    return value

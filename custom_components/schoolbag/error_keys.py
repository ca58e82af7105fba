"""How each school client error is explained: one table for flows, coordinator and actions.

Each kind of error has two translation keys: ``exceptions.<key>`` for entry setup,
refreshes and actions, and ``config.error.<key>`` for the form of a config flow.
A form speaks to someone typing a login, so server faults there all read "could not
connect"; an exception names the fault. An error type the table does not know is
unexpected in both places ("unknown_error", and the flow's "unknown" with a log entry).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .client import errors


@dataclass(frozen=True, slots=True)
class ErrorKeys:
    """The translation keys of one kind of client error."""

    exception: str
    form: str


# Subclasses come before their parents: the first matching row wins.
type ErrorTable = tuple[tuple[type[errors.SchoolError], ErrorKeys], ...]

ERROR_KEYS: ErrorTable = (
    (errors.InvalidCredentialsError, ErrorKeys("invalid_auth", "invalid_auth")),
    (errors.DoubleAuthRequiredError, ErrorKeys("double_auth_required", "cannot_connect")),
    (errors.ChallengeFailedError, ErrorKeys("challenge_failed", "cannot_connect")),
    (errors.SessionExpiredError, ErrorKeys("session_expired", "cannot_connect")),
    (errors.RequestBudgetExceededError, ErrorKeys("request_budget", "rate_limited")),
    (errors.RateLimitedError, ErrorKeys("rate_limited", "rate_limited")),
    (errors.ServerUnavailableError, ErrorKeys("server_unavailable", "cannot_connect")),
    (errors.ProtocolChangedError, ErrorKeys("protocol_changed", "protocol_changed")),
    (errors.PermissionDeniedError, ErrorKeys("permission_denied", "permission_denied")),
    (errors.NotFoundError, ErrorKeys("not_found", "not_found")),
    (errors.NotSupportedError, ErrorKeys("not_supported", "not_supported")),
)
UNEXPECTED = ErrorKeys("unknown_error", "unknown")


def error_keys_for(err: errors.SchoolError, first: ErrorTable = ()) -> ErrorKeys:
    """The keys of ``err``: from ``first`` (a platform's own errors), else the shared table."""
    rows: Iterable[tuple[type[errors.SchoolError], ErrorKeys]] = (*first, *ERROR_KEYS)
    for error_type, keys in rows:
        if isinstance(err, error_type):
            return keys
    return UNEXPECTED


def error_reason(err: errors.SchoolError) -> str:
    """The error's own words for messages, or its kind when it has none."""
    return str(err) or type(err).__name__


def translation_key_for(err: errors.SchoolError) -> str:
    """Return the `exceptions.<key>` translation key that explains ``err``."""
    return error_keys_for(err).exception

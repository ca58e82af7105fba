"""Translation keys for school client errors, shared by flows, coordinator and actions."""

from __future__ import annotations

from .client import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    NotFoundError,
    NotSupportedError,
    PermissionDeniedError,
    ProtocolChangedError,
    RateLimitedError,
    SchoolError,
    ServerUnavailableError,
    SessionExpiredError,
)

_KEYS: tuple[tuple[type[SchoolError], str], ...] = (
    (InvalidCredentialsError, "invalid_auth"),
    (DoubleAuthRequiredError, "double_auth_required"),
    (ChallengeFailedError, "challenge_failed"),
    (SessionExpiredError, "session_expired"),
    (RateLimitedError, "rate_limited"),
    (ServerUnavailableError, "server_unavailable"),
    (ProtocolChangedError, "protocol_changed"),
    (PermissionDeniedError, "permission_denied"),
    (NotFoundError, "not_found"),
    (NotSupportedError, "not_supported"),
)


def error_reason(err: SchoolError) -> str:
    """The error's own words for messages, or its kind when it has none."""
    return str(err) or type(err).__name__


def translation_key_for(err: SchoolError) -> str:
    """Return the `exceptions.<key>` translation key that explains ``err``."""
    for error_type, key in _KEYS:
        if isinstance(err, error_type):
            return key
    return "unknown_error"

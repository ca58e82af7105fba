"""Translation keys for school client errors, shared by flows, coordinator and actions."""

from __future__ import annotations

from .client import (
    ChallengeFailed,
    DoubleAuthRequired,
    InvalidCredentials,
    NotFound,
    NotSupported,
    PermissionDenied,
    ProtocolChanged,
    RateLimited,
    SchoolError,
    ServerUnavailable,
    SessionExpired,
)

_KEYS: tuple[tuple[type[SchoolError], str], ...] = (
    (InvalidCredentials, "invalid_auth"),
    (DoubleAuthRequired, "double_auth_required"),
    (ChallengeFailed, "challenge_failed"),
    (SessionExpired, "session_expired"),
    (RateLimited, "rate_limited"),
    (ServerUnavailable, "server_unavailable"),
    (ProtocolChanged, "protocol_changed"),
    (PermissionDenied, "permission_denied"),
    (NotFound, "not_found"),
    (NotSupported, "not_supported"),
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

"""HA-free async clients for school platforms (no homeassistant import here)."""

from .errors import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    IpSuspendedError,
    NotFoundError,
    NotSupportedError,
    PermissionDeniedError,
    ProtocolChangedError,
    RateLimitedError,
    SchoolError,
    ServerUnavailableError,
    SessionExpiredError,
)
from .protocol import Credentials, SchoolClient

__all__ = [
    "ChallengeFailedError",
    "Credentials",
    "DoubleAuthRequiredError",
    "InvalidCredentialsError",
    "IpSuspendedError",
    "NotFoundError",
    "NotSupportedError",
    "PermissionDeniedError",
    "ProtocolChangedError",
    "RateLimitedError",
    "SchoolClient",
    "SchoolError",
    "ServerUnavailableError",
    "SessionExpiredError",
]

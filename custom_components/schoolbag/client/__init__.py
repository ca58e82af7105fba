"""HA-free async clients for school platforms (no homeassistant import here)."""

from .errors import (
    ChallengeFailed,
    DoubleAuthRequired,
    InvalidCredentials,
    IpSuspended,
    NotFound,
    NotSupported,
    PermissionDenied,
    ProtocolChanged,
    RateLimited,
    SchoolError,
    ServerUnavailable,
    SessionExpired,
)
from .protocol import Credentials, SchoolClient

__all__ = [
    "ChallengeFailed",
    "Credentials",
    "DoubleAuthRequired",
    "InvalidCredentials",
    "IpSuspended",
    "NotFound",
    "NotSupported",
    "PermissionDenied",
    "ProtocolChanged",
    "RateLimited",
    "SchoolClient",
    "SchoolError",
    "ServerUnavailable",
    "SessionExpired",
]

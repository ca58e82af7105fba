"""Constants of the EcoleDirecte protocol."""

from __future__ import annotations

from enum import IntEnum
from typing import Final

DEFAULT_BASE_URL: Final = "https://api.ecoledirecte.com/v3"
DEFAULT_API_VERSION: Final = "4.75.0"
# One constant browser-like UA: the server may bind a token to the UA that got it.
DEFAULT_USER_AGENT: Final = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
WEB_ORIGIN: Final = "https://www.ecoledirecte.com"
# An IP flagged by the server's firewall stays blocked for a while.
IP_BLOCK_RETRY_AFTER: Final = 3600.0
DEFAULT_RETRY_AFTER: Final = 60.0
# The token dies after tens of idle minutes: a read after 15 keeps it (the simulator's lives 20).
KEEP_ALIVE_AFTER: Final = 15 * 60.0
# A new session costs the GTK call, the login and the call that found the old token gone.
LOGIN_REQUESTS: Final = 3


class EnvelopeCode(IntEnum):
    """The ``code`` an EcoleDirecte answer carries beside its data."""

    OK = 200
    EMPTY = 210
    BAD_PARAMETERS = 225
    DOUBLE_AUTH = 250
    BAD_CREDENTIALS = 505
    ACCOUNT_BLOCKED = 516
    BAD_VERSION = 517
    TOKEN_INVALID = 520
    BAD_JSON = 522
    TOKEN_EXPIRED = 525
    SCHOOL_UNAVAILABLE = 535
    BAD_JSON_OLD = 40129


SUCCESS_CODES: Final = frozenset({EnvelopeCode.OK, EnvelopeCode.EMPTY})
SESSION_CODES: Final = frozenset({EnvelopeCode.TOKEN_INVALID, EnvelopeCode.TOKEN_EXPIRED})
FORMAT_CODES: Final = frozenset(
    {EnvelopeCode.BAD_PARAMETERS, EnvelopeCode.BAD_JSON, EnvelopeCode.BAD_JSON_OLD}
)

GTK_COOKIE: Final = "GTK"

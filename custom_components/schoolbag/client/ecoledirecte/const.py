"""Constants of the EcoleDirecte protocol."""

from __future__ import annotations

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

# Logical codes of the JSON envelope.
CODE_OK: Final = 200
CODE_EMPTY: Final = 210
CODE_BAD_PARAMETERS: Final = 225
CODE_DOUBLE_AUTH: Final = 250
CODE_BAD_CREDENTIALS: Final = 505
CODE_ACCOUNT_BLOCKED: Final = 516
CODE_BAD_VERSION: Final = 517
CODE_TOKEN_INVALID: Final = 520
CODE_BAD_JSON: Final = 522
CODE_TOKEN_EXPIRED: Final = 525
CODE_SCHOOL_UNAVAILABLE: Final = 535
CODE_BAD_JSON_OLD: Final = 40129

SUCCESS_CODES: Final = frozenset({CODE_OK, CODE_EMPTY})
SESSION_CODES: Final = frozenset({CODE_TOKEN_INVALID, CODE_TOKEN_EXPIRED})
FORMAT_CODES: Final = frozenset({CODE_BAD_PARAMETERS, CODE_BAD_JSON, CODE_BAD_JSON_OLD})

GTK_COOKIE: Final = "GTK"

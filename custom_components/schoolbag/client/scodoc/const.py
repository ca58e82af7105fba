"""ScoDoc constants: timeouts, token lifetime, markers."""

from __future__ import annotations

from zoneinfo import ZoneInfo

SCHOOL_TZ = ZoneInfo("Europe/Paris")
DEFAULT_TIMEOUT = 30.0
# Tokens live 3600 s on the server; renew a little before (spec 2.3).
TOKEN_MAX_AGE = 55 * 60.0
API_SEGMENT = "api"
SCODOC_SEGMENT = "ScoDoc"
# A NIP imported from a spreadsheet may be stored with this suffix (spec 6).
NIP_SPREADSHEET_SUFFIX = ".0"
# Grades in bulletins are on a /20 scale whatever the evaluation's own scale (spec 5.1).
BULLETIN_SCALE = 20.0

"""ScoDoc constants: timeouts, token lifetime, markers."""

from __future__ import annotations

from zoneinfo import ZoneInfo

SCHOOL_TZ = ZoneInfo("Europe/Paris")
# Tokens live 3600 s on the server; renew a little before (ScoDoc protocol §2, point 3).
TOKEN_MAX_AGE = 55 * 60.0
API_SEGMENT = "api"
SCODOC_SEGMENT = "ScoDoc"
# A NIP imported from a spreadsheet may be stored with this suffix (ScoDoc protocol §6).
NIP_SPREADSHEET_SUFFIX = ".0"
# Grades in bulletins are on a /20 scale whatever the evaluation's own scale (ScoDoc protocol §5.1).
BULLETIN_SCALE = 20.0

"""Constants of the Lectio client."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

DEFAULT_BASE_URL = "https://www.lectio.dk"
# Loaded at import: building a ZoneInfo reads a file, which must not happen on the event loop.
COPENHAGEN = ZoneInfo("Europe/Copenhagen")
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36"
)
ACCEPT_LANGUAGE = "da-DK,da;q=0.9,en;q=0.5"

SESSION_COOKIE = "ASP.NET_SessionId"
KEY_COOKIE = "autologinkeyV2"
# The trust key under which the newest auto-login cookie is persisted (cookie mode).
TRUST_KEY = "autologinkey"

SUBMIT_TARGET = "m$Content$submitbtn2"
USERNAME_FIELD = "m$Content$username"
PASSWORD_FIELD = "m$Content$password"
AUTOLOGIN_FIELD = "m$Content$AutologinCbx"
# Header widgets that are part of the form but must not be posted with the login.
IGNORED_FIELDS = frozenset({"query", "m$defaultformbtn"})

UNKNOWN_ERROR_TEXT = "Der opstod en ukendt fejl"
RATE_LIMIT_RETRY_AFTER = 60.0
# Seconds between the end of one page request and the next (docs/protocols/lectio.md §10).
REQUEST_GAP = 1.0
LOCKED_RETRY_AFTER = 15 * 60.0
# ASP.NET drops an idle session after tens of minutes (its default is 20; Lectio protocol §2.2):
# a page read before that keeps it. The timer looks every tick, and reads a page once idle.
KEEP_ALIVE_TICK = timedelta(minutes=5)
KEEP_ALIVE_AFTER = timedelta(minutes=12)
# Requests of a new session, plus the call that finds the old one gone: the login form, its
# post and the front page; with the auto-login cookie, the front page alone.
PASSWORD_LOGIN_REQUESTS = 4
COOKIE_LOGIN_REQUESTS = 2
SCHOOL_LIST_TTL = 24 * 3600.0

# Folder of the newest messages (beskeder2.aspx).
NEWEST_FOLDER = "-70"
ONE_DAY = timedelta(days=1)

# The pages the parsers read: their form posts back to this name (see pages.raise_unless_page).
ASSIGNMENTS_PAGE = "OpgaverElev.aspx"
GRADES_PAGE = "grade_report.aspx"
MESSAGES_PAGE = "beskeder2.aspx"
ABSENCE_PAGE = "fravaerelev.aspx"
ABSENCE_REASONS_PAGE = "fravaerelev_fravaersaarsager.aspx"
HOMEWORK_PAGE = "material_lektieoversigt.aspx"

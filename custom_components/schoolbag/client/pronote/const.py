"""Constants of the Pronote protocol and of this client."""

from __future__ import annotations

from typing import Final

from ..aged_cache import hours_less_a_margin

DEFAULT_TIME_ZONE: Final = "Europe/Paris"
DEFAULT_DEVICE_NAME: Final = "Home Assistant"
# Pronote keeps at most 30 characters of a device name.
DEVICE_NAME_MAX: Final = 30

# The web client pings every 2 minutes; any call counts as activity.
KEEP_ALIVE_AFTER: Final = 110.0
# Requests of a password login (page, parameters, identification, authentication, user
# parameters and the first tab's calls), plus the call that finds the old session gone.
LOGIN_REQUESTS: Final = 8
# Seconds before skills evaluations are read again (they change a few times a term).
SKILLS_MAX_AGE: Final = 6 * 3600.0
# A week of canteen menus is published ahead and seldom changed: read again after 3 hours.
MENU_WEEK_MAX_AGE: Final = 3 * 3600.0
# School news and surveys come a few times a week: read again after about three hours.
INFORMATION_MAX_AGE: Final = hours_less_a_margin(3)
# Absences, delays and punishments: read at every other refresh of school hours.
SCHOOL_LIFE_MAX_AGE: Final = hours_less_a_margin(1)
# Without a Retry-After header, back off this long after "too many attempts".
DEFAULT_RATE_LIMIT_RETRY: Final = 3600.0
# The IP suspension page gives no duration; community reports say up to hours.
IP_SUSPENDED_RETRY: Final = 3600.0

DESKTOP_USER_AGENT: Final = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
# Since late 2025 QR/token logins fail unless the agent looks like the mobile app.
MOBILE_USER_AGENT: Final = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 PRONOTE Mobile APP Version/2.0.11"
)
# Constant of the mobile app: bypasses the delegated (ENT) authentication.
MOBILE_BYPASS_GUID: Final = "A6ABB224-12DD-4E31-AD3E-8A39A1C2C335"

# Tabs ("onglets").
TAB_HOME: Final = 7
TAB_NEWS: Final = 8
TAB_MENUS: Final = 10
TAB_TIMETABLE: Final = 16
TAB_ATTENDANCE: Final = 19
TAB_PERSONAL: Final = 49
TAB_HOMEWORK: Final = 88
TAB_MESSAGES: Final = 131
TAB_GRADES: Final = 198
TAB_EVALUATIONS: Final = 201

# Entity kinds ("G") of timetable contents and resources.
KIND_GROUP: Final = 2
KIND_TEACHER: Final = 3
KIND_STUDENT: Final = 4
KIND_SUBJECT: Final = 16
KIND_ROOM: Final = 17
KIND_STAFF: Final = 34

# PagePresence item kinds.
KIND_ABSENCE: Final = 13
KIND_DELAY: Final = 14
KIND_PUNISHMENT: Final = 41

# Authentification "Acces" refusal codes.
ACCESS_BAD_CREDENTIALS: Final = 1
ACCESS_MESSAGE: Final = 9

# SecurisationCompteDoubleAuth: actions asked by the server (client side)...
ACTION_CUSTOM_PASSWORD: Final = 0
ACTION_CHOOSE_STRATEGY: Final = 1
ACTION_CREATE_PIN: Final = 2
ACTION_ENTER_PIN: Final = 3
ACTION_RESET_PIN: Final = 4
ACTION_NAME_DEVICE: Final = 5
# ...and the server-side actions this client sends.
REQUEST_VERIFY_PIN: Final = 0
REQUEST_SAVE_CHOICE: Final = 3

"""Constants of the Schoolbag integration."""

from __future__ import annotations

import logging
from typing import Final

DOMAIN: Final = "schoolbag"
# The layout of entry data: 2 keeps each secret under its own name (password, cookie).
ENTRY_VERSION: Final = 2
LOGGER = logging.getLogger(__package__)

# How each platform is written, in entry titles, device makers and messages.

CONF_PLATFORM: Final = "platform"
CONF_TRUST: Final = "trust"
CONF_SERVER_URL: Final = "server_url"
CONF_STUDENTS: Final = "students"
CONF_ANSWER: Final = "answer"
CONF_LOGIN_MODE: Final = "login_mode"
CONF_DEVICE_NAME: Final = "device_name"
DEFAULT_DEVICE_NAME: Final = "Home Assistant"
CONF_QR_CODE: Final = "qr_code"
CONF_PIN: Final = "pin"
# Lectio: the school's number; ScoDoc: department acronym, followed students' NIPs, semester.
CONF_SCHOOL_ID: Final = "school_id"
CONF_SCHOOL: Final = "school"
CONF_COOKIE: Final = "cookie"
CONF_DEPARTMENT: Final = "department"
CONF_STUDENT_IDS: Final = "student_ids"
CONF_STUDENT_QUERY: Final = "student_query"
CONF_SEMESTER: Final = "semester"
SEMESTER_CURRENT: Final = "current"

# Pronote login modes stored in the entry; a QR-code account logs in with its token later.
LOGIN_PASSWORD: Final = "password"
LOGIN_QR: Final = "qr"
LOGIN_TOKEN: Final = "token"
LOGIN_ENT: Final = "cas"
# Lectio: the MitID "autologin" cookie pasted by the user stands in for the password.
LOGIN_COOKIE: Final = "cookie"

# Options of the refresh schedule: minutes between refreshes in school hours, quiet hours.
CONF_REFRESH_INTERVAL: Final = "refresh_interval"
CONF_QUIET_START: Final = "quiet_start"
CONF_QUIET_END: Final = "quiet_end"
# How far the coordinator looks back and ahead for lessons and homework.
TIMETABLE_DAYS_BEHIND: Final = 7
TIMETABLE_DAYS_AHEAD: Final = 14
# Option: how many weeks of timetable ahead to read (each week may be one more request).
CONF_WEEKS_AHEAD: Final = "weeks_ahead"
MAX_WEEKS_AHEAD: Final = 8
HOMEWORK_DAYS_BEHIND: Final = 7
HOMEWORK_DAYS_AHEAD: Final = 21
MENU_DAYS_AHEAD: Final = 6

ATTR_CONFIG_ENTRY: Final = "config_entry"
ATTR_HOMEWORK_ID: Final = "homework_id"
ATTR_DONE: Final = "done"
ATTR_STUDENT: Final = "student"
ATTR_START: Final = "start"
ATTR_END: Final = "end"

SERVICE_MARK_HOMEWORK_DONE: Final = "mark_homework_done"
SERVICE_GET_TIMETABLE: Final = "get_timetable"
SERVICE_GET_HOMEWORK: Final = "get_homework"
SERVICE_GET_GRADES: Final = "get_grades"

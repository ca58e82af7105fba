"""Calendar helpers: Paris time, school year boundaries and French date labels."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")

FR_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
FR_WEEKDAYS_SHORT = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
FR_MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)


def paris_now() -> datetime:
    """Return the current wall-clock time in Europe/Paris (honours freezegun)."""
    return datetime.now(PARIS)


def school_year_start(today: date) -> date:
    """Return September 1st of the school year containing ``today``."""
    year = today.year if today.month >= 9 else today.year - 1
    return date(year, 9, 1)


def school_year_end(today: date) -> date:
    """Return August 31st closing the school year containing ``today``."""
    return date(school_year_start(today).year + 1, 8, 31)


def school_year_label(today: date) -> str:
    """Return the ``"2025-2026"`` style label of the school year containing ``today``."""
    start = school_year_start(today).year
    return f"{start}-{start + 1}"


def monday_of(day: date) -> date:
    """Return the Monday of the ISO week containing ``day``."""
    return day - timedelta(days=day.weekday())


def last_weekday_on_or_before(day: date) -> date:
    """Return ``day`` or the closest previous Monday-Friday day."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def iso(day: date) -> str:
    """Format a date as ``YYYY-MM-DD``."""
    return day.strftime("%Y-%m-%d")


def ed_datetime(moment: datetime) -> str:
    """Format a datetime as EcoleDirecte does in timetables (``YYYY-MM-DD HH:MM``)."""
    return moment.strftime("%Y-%m-%d %H:%M")


def ed_datetime_seconds(moment: datetime) -> str:
    """Format a datetime as EcoleDirecte does in messages (``YYYY-MM-DD HH:MM:SS``)."""
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def french_date(day: date) -> str:
    """Return e.g. ``"mercredi 19 novembre 2025"``."""
    return f"{FR_WEEKDAYS[day.weekday()]} {day.day} {FR_MONTHS[day.month - 1]} {day.year}"


def french_short_date(day: date) -> str:
    """Return e.g. ``"mer. 19 novembre"`` (used in sanction ``dateDeroulement``)."""
    return f"{FR_WEEKDAYS_SHORT[day.weekday()]} {day.day:02d} {FR_MONTHS[day.month - 1]}"


def slash_date(day: date) -> str:
    """Format a date as ``DD/MM/YYYY`` (establishment timeline post-its)."""
    return day.strftime("%d/%m/%Y")

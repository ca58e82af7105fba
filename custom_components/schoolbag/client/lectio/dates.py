"""Danish dates and ISO weeks as Lectio writes them (Lectio protocol §9)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
import re

from .const import COPENHAGEN

_DATE = re.compile(r"(\d{1,2})/(\d{1,2})-(\d{4})")
_DATE_TIME = re.compile(r"(\d{1,2})/(\d{1,2})-(\d{4})\s+(\d{1,2}):(\d{2})")
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


@dataclass(frozen=True, slots=True)
class Week:
    """An ISO week: its Monday and the ``week=WWYYYY`` code."""

    monday: date

    @property
    def code(self) -> str:
        """``WWYYYY``: ISO week (two digits) and ISO year."""
        year, week, _ = self.monday.isocalendar()
        return f"{week:02d}{year}"


def weeks_between(start: date, end: date) -> list[Week]:
    """Every ISO week overlapping ``start``..``end`` (inclusive)."""
    monday = start - timedelta(days=start.weekday())
    weeks: list[Week] = []
    while monday <= end:
        weeks.append(Week(monday))
        monday += timedelta(days=7)
    return weeks


def parse_date(value: str) -> date | None:
    """The first ``D/M-YYYY`` date in ``value``."""
    match = _DATE.search(value)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date_time(value: str) -> datetime | None:
    """The first ``D/M-YYYY HH:MM`` in ``value``, aware in Copenhagen."""
    match = _DATE_TIME.search(value)
    if match is None:
        return None
    day, month, year, hour, minute = (int(part) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, tzinfo=COPENHAGEN)
    except ValueError:
        return None


def parse_clock(value: str) -> time | None:
    """``8:10`` / ``08:10`` as a time."""
    match = _CLOCK.match(value.strip())
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def local(day: date, moment: time | None = None) -> datetime:
    """A Copenhagen wall-clock time (midnight without ``moment``), aware."""
    return datetime.combine(day, moment or time(0), tzinfo=COPENHAGEN)

"""Pronote's date and time texts: local school time without a zone, French order.

The parsers attach the school's zone with ``client.values.aware``.
"""

from __future__ import annotations

from datetime import date, datetime, time
import re

from .typed_values import text

_DATE = re.compile(
    r"^\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"
    r"(?:\s+(\d{1,2})[:h](\d{1,2})(?::(\d{1,2}))?)?\s*$"
)
_HOUR = re.compile(r"^\s*(\d{1,2})\s*[h:]\s*(\d{2})\s*$")


def local_datetime(item: object) -> datetime | None:
    """Parse ``dd/mm/yyyy[ HH:MM:SS]``, ``d/m/yyyy H:M:S`` or ``dd/mm/yy HHhMM`` (naive)."""
    found = _DATE.match(text(item))
    if found is None:
        return None
    day, month, year, hour, minute, second = found.groups()
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    try:
        return datetime(
            full_year, int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
        )
    except ValueError:
        return None


def local_date(item: object) -> date | None:
    """The date part of a Pronote date or datetime."""
    moment = local_datetime(item)
    return moment.date() if moment else None


def hour(item: object) -> time | None:
    """``"08h30"`` -> 08:30."""
    found = _HOUR.match(text(item))
    if found is None:
        return None
    hours, minutes = int(found.group(1)), int(found.group(2))
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)


def format_datetime(moment: datetime) -> str:
    """``dd/mm/yyyy HH:MM:SS``."""
    return moment.strftime("%d/%m/%Y %H:%M:%S")

"""Tolerant readers for the loosely typed values schools send, shared by every platform.

Numbers may come as numbers or as text with a comma or dot decimal, booleans as ``0``/``1``
or words, arrays as ``null``, datetimes with or without an offset. These readers never raise
on bad input: they return a default, so one odd field cannot break a whole payload.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime
import math
from typing import Any
from zoneinfo import ZoneInfo

TRUE_WORDS = frozenset({"1", "true", "oui", "yes"})

_DATE_AND_TIME_LENGTH = len("2025-01-01T00:00")


def text(value: object, default: str = "") -> str:
    """A stripped string for strings and numbers, else the default."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool) or value is None:
        return default
    if isinstance(value, int | float):
        return str(value)
    return default


def optional_text(value: object) -> str | None:
    """A stripped non-empty string, or None."""
    return text(value) or None


def identifier(value: object) -> str | None:
    """An id sent as a number or a string, as a string; None when missing."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return optional_text(value)


def as_dict(value: object) -> dict[str, Any]:
    """The value if it is a JSON object, else an empty dict."""
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    """The value if it is a JSON array, else an empty list (``null`` too)."""
    return value if isinstance(value, list) else []


def as_dicts(value: object) -> list[dict[str, Any]]:
    """The objects of a JSON array, skipping anything else."""
    return [item for item in as_list(value) if isinstance(item, dict)]


def number(value: object, *, spaced_digits: bool = True) -> float | None:
    """``12``, ``12.5``, ``"12,5"``, ``" 07.25 "``, ``"1 234,5"``; None when not a finite number.

    With ``spaced_digits=False`` a space inside the text makes it no number (``"1 234"``).
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        result = float(value)
    elif isinstance(value, str):
        if spaced_digits:
            value = value.replace("\xa0", "").replace(" ", "")
        try:
            result = float(value.replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def integer(value: object, *, spaced_digits: bool = True) -> int | None:
    """An integer sent as a number or as text (``"42"``, ``"42,0"``); None otherwise."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    parsed = number(value, spaced_digits=spaced_digits)
    return int(parsed) if parsed is not None and parsed.is_integer() else None


def flag(value: object, *, default: bool = False, true_words: frozenset[str] = TRUE_WORDS) -> bool:
    """``true``, a non-zero number or one of ``true_words`` -> True; ``null`` -> the default."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        return value.strip().lower() in true_words
    return False


def aware(moment: datetime, zone: ZoneInfo) -> datetime:
    """Attach the school's zone to a naive local datetime."""
    return moment.replace(tzinfo=zone)


def local_datetime(value: object, zone: ZoneInfo, *, require_time: bool = False) -> datetime | None:
    """An aware datetime in the school's zone from ISO text.

    Text without an offset is the school's wall-clock time; an offset (``Z``, ``+01:00`` or
    ``+0100``) is converted. A bare date is midnight, unless ``require_time``: then text too
    short to hold hours and minutes is no datetime.
    """
    raw = text(value)
    if not raw or (require_time and len(raw) < _DATE_AND_TIME_LENGTH):
        return None
    try:
        # Since Python 3.11 this reads ``Z`` and colonless ``+0100`` offsets too.
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return aware(parsed, zone)
    return parsed.astimezone(zone)


def leading_date(value: object) -> date | None:
    """The ``YYYY-MM-DD`` or ``DD/MM/YYYY`` date a text starts with (a time after it is ignored)."""
    raw = text(value)
    if not raw:
        return None
    try:
        if "/" in raw:
            return datetime.strptime(raw[:10], "%d/%m/%Y").date()
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def local_date(value: object, zone: ZoneInfo) -> date | None:
    """The school-zone date of an ISO datetime, or a ``YYYY-MM-DD``, ``DD/MM/YYYY`` or HTTP date."""
    raw = text(value)
    if not raw:
        return None
    moment = local_datetime(raw, zone, require_time=True)
    if moment is not None:
        return moment.date()
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        pass
    try:
        return datetime.strptime(raw, "%d/%m/%Y").date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        return None

"""Tolerant readers for ScoDoc JSON values.

Grades are zero-padded strings (``"07.25"``) or markers (``"~"``, ``"ABS"``...), ranks are
strings (``"7 ex"`` for ties), dates come as ISO dates, ISO datetimes with ``+01:00`` or
``+0100`` offsets, ``DD/MM/YYYY`` or HTTP dates. These helpers never raise: one odd
field must not break a whole bulletin.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime
import math
import re
from typing import Any

from ..json_text import text
from .const import SCHOOL_TZ

_RANK = re.compile(r"^\s*(\d+)")
_COLONLESS_OFFSET = re.compile(r"([+-]\d\d)(\d\d)$")
_TRUE = frozenset({"1", "true", "oui", "yes", "o"})


def as_dict(value: object) -> dict[str, Any]:
    """The value if it is a JSON object, else an empty dict."""
    return value if isinstance(value, dict) else {}


def as_dicts(value: object) -> list[dict[str, Any]]:
    """The objects of a JSON array (``null`` and non-objects skipped)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def first_group_name(value: object) -> str | None:
    """The first named group of a JSON array of groups (``{"group_name": ...}``)."""
    for group in as_dicts(value):
        if name := (text(group.get("group_name")) or None):
            return name
    return None


def number(value: object) -> float | None:
    """``12``, ``12.5``, ``"07.25"``, ``"12,5"``; None for markers, blanks and non-numbers."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip().replace(",", "."))
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def integer(value: object) -> int | None:
    """An integer from an int or a numeric string; None otherwise."""
    found = number(value)
    return None if found is None or found != int(found) else int(found)


def rank(value: object) -> int | None:
    """``"12"`` -> 12, ``"7 ex"`` (a tie) -> 7, ``""``/``null`` -> None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    found = _RANK.match(value) if isinstance(value, str) else None
    return int(found.group(1)) if found else None


def flag(value: object, default: bool = False) -> bool:
    """``true``/``1``/``"1"``/``"true"`` -> True; ``null`` -> the default."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return text(value).lower() in _TRUE


def local_datetime(value: object) -> datetime | None:
    """An aware Europe/Paris datetime from ISO text (offset with or without colon, or none)."""
    raw = text(value)
    if len(raw) < len("2025-01-01T00:00"):
        return None
    raw = _COLONLESS_OFFSET.sub(r"\1:\2", raw.replace("Z", "+00:00"))
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=SCHOOL_TZ)
    return parsed.astimezone(SCHOOL_TZ)


def local_date(value: object) -> date | None:
    """A date from ``YYYY-MM-DD``, an ISO datetime, ``DD/MM/YYYY`` or an HTTP date."""
    raw = text(value)
    if not raw:
        return None
    moment = local_datetime(raw)
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

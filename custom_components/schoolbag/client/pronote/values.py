"""Readers for Pronote's typed values (spec 7) and stable ids.

Pronote wraps values as ``{"_T": type, "V": value}``; dates are local school
time without a zone; grades use decimal commas and ``|n`` codes. Readers
never raise on bad input: one odd field must not break a whole payload.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
import hashlib
import math
import re
from typing import Any
import unicodedata
from zoneinfo import ZoneInfo

from ..errors import ProtocolChangedError

_DATE = re.compile(
    r"^\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})"
    r"(?:\s+(\d{1,2})[:h](\d{1,2})(?::(\d{1,2}))?)?\s*$"
)
_HOUR = re.compile(r"^\s*(\d{1,2})\s*[h:]\s*(\d{2})\s*$")
_DOMAIN_PART = re.compile(r"^\s*(-?\d+)\s*(?:\.\.\s*(-?\d+))?\s*$")
_MAX_DOMAIN = 1000


def value(item: object) -> Any:
    """``V`` of a typed value, or the item itself when it is not wrapped."""
    if isinstance(item, dict) and "V" in item:
        return item["V"]
    return item


def as_dict(item: object) -> dict[str, Any]:
    """The (unwrapped) value if it is an object, else an empty dict."""
    unwrapped = value(item)
    return unwrapped if isinstance(unwrapped, dict) else {}


def as_dicts(item: object) -> list[dict[str, Any]]:
    """The objects of an (unwrapped) array; anything else is skipped."""
    unwrapped = value(item)
    if not isinstance(unwrapped, list):
        return []
    return [entry for entry in unwrapped if isinstance(entry, dict)]


def listed(data: dict[str, Any], key: str, what: str) -> list[dict[str, Any]]:
    """The objects of the list the answer is recognised by (empty when the server sent none).

    The real answer always has the key, even for an empty list: an answer without it is
    another one, and reading it as "nothing" would hide the data the school has.
    """
    if key not in data:
        raise ProtocolChangedError(f"the Pronote {what} answer has no {key}")
    return as_dicts(data[key])


def text(item: object, default: str = "") -> str:
    """A stripped string for strings and numbers (unwrapped), else the default."""
    unwrapped = value(item)
    if isinstance(unwrapped, str):
        return unwrapped.strip()
    if isinstance(unwrapped, bool) or unwrapped is None:
        return default
    if isinstance(unwrapped, int | float):
        return str(unwrapped)
    return default


def label(item: object) -> str:
    """The ``L`` of an (unwrapped) element."""
    return text(as_dict(item).get("L"))


def flag(item: object) -> bool:
    """A boolean that may come as a number or a string."""
    unwrapped = value(item)
    if isinstance(unwrapped, bool):
        return unwrapped
    if isinstance(unwrapped, int | float):
        return unwrapped != 0
    if isinstance(unwrapped, str):
        return unwrapped.strip().lower() in ("1", "true", "oui")
    return False


def integer(item: object) -> int | None:
    """An integer given as a number or a string."""
    unwrapped = value(item)
    if isinstance(unwrapped, bool):
        return None
    if isinstance(unwrapped, int):
        return unwrapped
    parsed = number(unwrapped)
    return int(parsed) if parsed is not None and parsed.is_integer() else None


def number(item: object) -> float | None:
    """``"15,5"``, ``"20"``, ``12`` -> float; special marks and blanks -> None."""
    unwrapped = value(item)
    if isinstance(unwrapped, bool) or unwrapped is None:
        return None
    if isinstance(unwrapped, int | float):
        result = float(unwrapped)
    elif isinstance(unwrapped, str):
        cleaned = unwrapped.strip().replace("\xa0", "").replace(" ", "").replace(",", ".")
        if not cleaned or cleaned.startswith("|"):
            return None
        try:
            result = float(cleaned)
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


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


def aware(moment: datetime, zone: ZoneInfo) -> datetime:
    """Attach the school's zone to a naive local datetime."""
    return moment.replace(tzinfo=zone)


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


def parse_domain(item: object) -> set[int]:
    """``"[1..3,5]"`` -> ``{1, 2, 3, 5}``; anything unreadable -> empty set."""
    raw = text(item)
    if not (raw.startswith("[") and raw.endswith("]")):
        return set()
    result: set[int] = set()
    for part in raw[1:-1].split(","):
        if not part.strip():
            continue
        found = _DOMAIN_PART.match(part)
        if found is None:
            return set()
        first = int(found.group(1))
        last = int(found.group(2)) if found.group(2) is not None else first
        if last - first > _MAX_DOMAIN:
            return set()
        result.update(range(first, last + 1))
    return result


def domain(first: int, last: int) -> dict[str, Any]:
    """A week domain ``{"_T": 8, "V": "[first..last]"}``."""
    inner = str(first) if first == last else f"{first}..{last}"
    return {"_T": 8, "V": f"[{inner}]"}


def digest(*parts: object) -> str:
    """A short stable hash of some values (ids that survive a new session)."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode()).hexdigest()[:12]


def slug(name: str) -> str:
    """``"Trimestre 1"`` -> ``"trimestre-1"`` (ASCII, lower case)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


class IdMaker:
    """Stable ids from content, made unique within one parse with ``-2``, ``-3`` suffixes.

    Pronote's own ids (``N``) belong to one server session; the Home
    Assistant layer needs ids that stay the same after a new login.
    """

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def make(self, *parts: object, prefix: str = "") -> str:
        """A new id for these parts."""
        base = prefix + digest(*parts)
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        return base if count == 1 else f"{base}-{count}"


def labels(items: Iterable[dict[str, Any]]) -> list[str]:
    """The non-empty ``L`` of each element."""
    return [name for item in items if (name := text(item.get("L")))]

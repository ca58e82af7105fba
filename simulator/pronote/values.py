"""Typed values (``{"_T": n, "V": ...}``), entity ids, numeric domains and dates.

See Pronote protocol §7.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from datetime import date, datetime
import hashlib
import re
from typing import Any

Json = dict[str, Any]

T_DATE = 7
T_DOMAIN = 8
T_GRADE = 10
T_HTML = 21
T_ELEMENT = 24
T_SET = 26


def typed(kind: int, value: Any) -> Json:
    return {"_T": kind, "V": value}


def date_v(day: date) -> Json:
    """``{"_T": 7, "V": "dd/mm/yyyy"}``."""
    return typed(T_DATE, day.strftime("%d/%m/%Y"))


def datetime_v(moment: datetime) -> Json:
    """``{"_T": 7, "V": "dd/mm/yyyy HH:MM:SS"}``."""
    return typed(T_DATE, moment.strftime("%d/%m/%Y %H:%M:%S"))


def grade_v(text: str) -> Json:
    return typed(T_GRADE, text)


def html_v(text: str) -> Json:
    return typed(T_HTML, text)


def element(value: Json) -> Json:
    return typed(T_ELEMENT, value)


def elements(values: Iterable[Json]) -> Json:
    return typed(T_ELEMENT, list(values))


def enum_set(values: Iterable[int]) -> Json:
    """``{"_T": 26, "V": "[1,3]"}`` (comma list, no ranges: pronotepy parses it as JSON)."""
    return typed(T_SET, "[" + ",".join(str(v) for v in values) + "]")


def fr_number(value: float) -> str:
    """``15.5`` -> ``"15,5"``; ``12.0`` -> ``"12"``; two decimals at most."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def parse_fr_number(text: str) -> float | None:
    """``"15,5"`` -> ``15.5``; special marks (``"|1"``) and blanks -> ``None``."""
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def entity_id(kind: int, seed: str) -> str:
    """A stable, opaque entity id such as ``"38#Vb1x...")`` derived from ``seed``."""
    digest = hashlib.sha256(f"{kind}:{seed}".encode()).digest()[:15]
    return f"{kind}#{base64.urlsafe_b64encode(digest).decode()}"


_RANGE = re.compile(r"^\s*(-?\d+)\s*(?:\.\.\s*(-?\d+))?\s*$")


def parse_domain(text: str) -> set[int]:
    """``"[1..3,5]"`` -> ``{1, 2, 3, 5}``; ``"[]"`` -> ``set()``; bad syntax -> ``ValueError``."""
    inner = text.strip()
    if not (inner.startswith("[") and inner.endswith("]")):
        raise ValueError(f"not a domain: {text!r}")
    inner = inner[1:-1].strip()
    values: set[int] = set()
    if not inner:
        return values
    for part in inner.split(","):
        found = _RANGE.match(part)
        if not found:
            raise ValueError(f"not a domain: {text!r}")
        first = int(found.group(1))
        last = int(found.group(2)) if found.group(2) is not None else first
        if last - first > 400:
            raise ValueError(f"domain too large: {text!r}")
        values.update(range(first, last + 1))
    return values


def domain_text(values: Iterable[int]) -> str:
    """``{1, 2, 3, 5}`` -> ``"[1..3,5]"``."""
    ordered = sorted(set(values))
    parts: list[str] = []
    index = 0
    while index < len(ordered):
        end = index
        while end + 1 < len(ordered) and ordered[end + 1] == ordered[end] + 1:
            end += 1
        first, last = ordered[index], ordered[end]
        parts.append(str(first) if first == last else f"{first}..{last}")
        index = end + 1
    return "[" + ",".join(parts) + "]"


_DATE = re.compile(
    r"^\s*(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})"
    r"(?:\s+(\d{1,2})[:h](\d{1,2})(?::(\d{1,2}))?)?\s*$"
)


def parse_datetime(text: str) -> datetime:
    """Parse ``dd/mm/yyyy``, ``d/m/yyyy H:M:S`` (non padded) or ``dd/mm/yy HHhMM``."""
    found = _DATE.match(text)
    if not found:
        raise ValueError(f"not a Pronote date: {text!r}")
    day, month, year, hour, minute, second = found.groups()
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    return datetime(
        full_year, int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0)
    )


def parse_typed_date(value: Any) -> datetime | None:
    """Parse ``{"_T": 7, "V": ...}`` or a bare string; ``None`` when absent or invalid."""
    if isinstance(value, dict):
        value = value.get("V")
    if not isinstance(value, str):
        return None
    try:
        return parse_datetime(value)
    except ValueError:
        return None

"""Tolerant readers for the loosely typed values EcoleDirecte sends.

Numbers may come as numbers or strings with comma or dot decimals, lists may
be ``null``, booleans may be ``0``/``1`` or ``"0"``/``"1"``. These helpers never
raise on bad input: they return a default so one odd field cannot break a
whole payload.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from datetime import date, datetime
import math
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import ProtocolChangedError
from ..json_text import optional_text, text

SCHOOL_TZ = ZoneInfo("Europe/Paris")

_TRUE_STRINGS = frozenset({"1", "true", "oui", "yes"})


def as_dict(value: object) -> dict[str, Any]:
    """Return the value if it is a JSON object, else an empty dict."""
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    """Return the value if it is a JSON array, else an empty list (``null`` too)."""
    return value if isinstance(value, list) else []


def as_dicts(value: object) -> list[dict[str, Any]]:
    """Return the JSON objects of an array, skipping anything else."""
    return [item for item in as_list(value) if isinstance(item, dict)]


def require_dict(value: object, what: str) -> dict[str, Any]:
    """Return the value as a dict, or raise ProtocolChangedError naming the payload."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ProtocolChangedError(f"unexpected {what} payload shape: {type(value).__name__}")
    return value


def require_keys(value: object, what: str, *keys: str) -> dict[str, Any]:
    """Return the payload as a dict that has every one of ``keys`` (its marker).

    ``null`` (code 210, "nothing to return") is an empty payload; a dict without the
    keys the real payload always carries is not this payload: ProtocolChangedError, never "nothing".
    """
    payload = require_dict(value, what)
    if value is None:
        return payload
    missing = [key for key in keys if key not in payload]
    if missing:
        raise ProtocolChangedError(f"the EcoleDirecte {what} payload has no {', '.join(missing)}")
    return payload


def require_list(value: object, what: str) -> list[Any]:
    """Return the value as a list (``null`` is empty), or raise ProtocolChangedError."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise ProtocolChangedError(f"unexpected {what} payload shape: {type(value).__name__}")
    return value


def number(value: object) -> float | None:
    """Parse ``12``, ``12.5``, ``"12,5"``, ``" 12.5 "``; None when not a finite number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        result = float(value)
    elif isinstance(value, str):
        cleaned = value.strip().replace("\xa0", "").replace(" ", "").replace(",", ".")
        if not cleaned:
            return None
        try:
            result = float(cleaned)
        except ValueError:
            return None
    else:
        return None
    return result if math.isfinite(result) else None


def integer(value: object) -> int | None:
    """Parse an integer given as a number or a string; None otherwise."""
    parsed = number(value)
    if parsed is None or not parsed.is_integer():
        return None
    return int(parsed)


def flag(value: object) -> bool:
    """Read a boolean sent as ``true``, ``1``, ``"1"`` or ``"true"``."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        return value.strip().casefold() in _TRUE_STRINGS
    return False


def identifier(value: object) -> str | None:
    """Return an id (int or string) as a string, or None when missing."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return optional_text(value)


def day(value: object) -> date | None:
    """Parse ``YYYY-MM-DD`` (a trailing time is ignored), or ``DD/MM/YYYY``."""
    raw = text(value)
    if not raw:
        return None
    try:
        if "/" in raw:
            return datetime.strptime(raw[:10], "%d/%m/%Y").date()
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def local_datetime(value: object) -> datetime | None:
    """Parse ``YYYY-MM-DD HH:MM[:SS]`` as Europe/Paris local time (tz-aware)."""
    raw = text(value)
    if not raw:
        return None
    try:
        parsed = datetime.fromisoformat(raw.replace("T", " ", 1))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=SCHOOL_TZ)
    return parsed.astimezone(SCHOOL_TZ)


def b64_text(value: object) -> str:
    """Decode base64 UTF-8 text; text that is not base64 is returned unchanged."""
    raw = text(value)
    if not raw:
        return ""
    compact = "".join(raw.split())
    try:
        decoded = base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)
    except (binascii.Error, ValueError):
        return raw
    return decoded.decode("utf-8", errors="replace")


def module_map(modules: object) -> dict[str, Mapping[str, Any]]:
    """Index an account's ``modules`` array by code."""
    result: dict[str, Mapping[str, Any]] = {}
    for module in as_dicts(modules):
        code = text(module.get("code"))
        if code:
            result[code] = module
    return result

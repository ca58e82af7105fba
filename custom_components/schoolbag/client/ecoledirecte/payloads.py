"""How EcoleDirecte sends its payloads: their expected shapes, base64 HTML and Paris time.

``null`` (code 210, "nothing to return") is an empty payload; any other unexpected shape
raises ProtocolChangedError, so a changed API is never read as "nothing".
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo

from ..errors import ProtocolChangedError
from ..values import as_dicts, text

SCHOOL_TZ = ZoneInfo("Europe/Paris")


def require_dict(value: object, what: str) -> dict[str, Any]:
    """Return the value as a dict, or raise ProtocolChangedError naming the payload."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ProtocolChangedError(f"unexpected {what} payload shape: {type(value).__name__}")
    return value


def require_keys(value: object, what: str, *keys: str) -> dict[str, Any]:
    """Return the payload as a dict that has every one of ``keys`` (its marker).

    A dict without the keys the real payload always carries is not this payload.
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

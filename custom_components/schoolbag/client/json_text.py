"""Text out of loosely typed JSON values, shared by the JSON platforms (EcoleDirecte, ScoDoc)."""

from __future__ import annotations


def text(value: object, default: str = "") -> str:
    """A stripped string for strings and numbers, else the default (never raises)."""
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

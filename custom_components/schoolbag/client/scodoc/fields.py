"""How ScoDoc writes some JSON fields, on top of the shared readers in ``client.values``.

Ranks are strings (``"7 ex"`` for ties), groups are arrays of ``{"group_name": ...}``,
``"o"`` means yes, and numbers are never written with spaces between digits (a space makes
the text no number).
"""

from __future__ import annotations

import re

from .. import values

_RANK = re.compile(r"^\s*(\d+)")
_TRUE_WORDS = values.TRUE_WORDS | {"o"}


def number(value: object) -> float | None:
    """``12``, ``"07.25"``, ``"12,5"``; None for markers (``"~"``, ``"ABS"``...) and blanks."""
    return values.number(value, spaced_digits=False)


def integer(value: object) -> int | None:
    """An integer from an int or a numeric string; None otherwise."""
    return values.integer(value, spaced_digits=False)


def flag(value: object, default: bool = False) -> bool:
    """``true``/``1``/``"1"``/``"true"``/``"o"`` -> True; ``null`` -> the default."""
    return values.flag(value, default=default, true_words=_TRUE_WORDS)


def rank(value: object) -> int | None:
    """``"12"`` -> 12, ``"7 ex"`` (a tie) -> 7, ``""``/``null`` -> None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    found = _RANK.match(value) if isinstance(value, str) else None
    return int(found.group(1)) if found else None


def first_group_name(value: object) -> str | None:
    """The first named group of a JSON array of groups (``{"group_name": ...}``)."""
    for group in values.as_dicts(value):
        if name := values.optional_text(group.get("group_name")):
            return name
    return None

"""Pronote's typed values: ``{"_T": type, "V": value}`` wrappers and week domains (protocol §7).

Each reader unwraps ``V`` and then reads the value like the shared readers in
``client.values``; none of them raises on bad input.
"""

from __future__ import annotations

from collections.abc import Iterable
import re
from typing import Any

from .. import values
from ..errors import ProtocolChangedError

_TRUE_WORDS = frozenset({"1", "true", "oui"})
_DOMAIN_PART = re.compile(r"^\s*(-?\d+)\s*(?:\.\.\s*(-?\d+))?\s*$")
_MAX_DOMAIN = 1000


def value(item: object) -> Any:
    """``V`` of a typed value, or the item itself when it is not wrapped."""
    if isinstance(item, dict) and "V" in item:
        return item["V"]
    return item


def as_dict(item: object) -> dict[str, Any]:
    """The (unwrapped) value if it is an object, else an empty dict."""
    return values.as_dict(value(item))


def as_dicts(item: object) -> list[dict[str, Any]]:
    """The objects of an (unwrapped) array; anything else is skipped."""
    return values.as_dicts(value(item))


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
    return values.text(value(item), default)


def label(item: object) -> str:
    """The ``L`` of an (unwrapped) element."""
    return text(as_dict(item).get("L"))


def labels(items: Iterable[dict[str, Any]]) -> list[str]:
    """The non-empty ``L`` of each element."""
    return [name for item in items if (name := text(item.get("L")))]


def flag(item: object) -> bool:
    """A boolean that may come as a number or a string (``"1"``, ``"true"``, ``"oui"``)."""
    return values.flag(value(item), true_words=_TRUE_WORDS)


def integer(item: object) -> int | None:
    """An integer given as a number or a string."""
    return values.integer(value(item))


def number(item: object) -> float | None:
    """``"15,5"``, ``"20"``, ``12`` -> float; special marks (``"|1"``) and blanks -> None."""
    return values.number(value(item))


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

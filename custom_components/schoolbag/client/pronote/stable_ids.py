"""Ids that survive a new Pronote session, made from content.

Pronote's own ids (``N``) belong to one server session; the Home Assistant layer needs ids
that stay the same after a new login.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata


def digest(*parts: object) -> str:
    """A short stable hash of some values."""
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode()).hexdigest()[:12]


def slug(name: str) -> str:
    """``"Trimestre 1"`` -> ``"trimestre-1"`` (ASCII, lower case)."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


class IdMaker:
    """Stable ids from content, made unique within one parse with ``-2``, ``-3`` suffixes."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def make(self, *parts: object, prefix: str = "") -> str:
        """A new id for these parts."""
        base = prefix + digest(*parts)
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        return base if count == 1 else f"{base}-{count}"

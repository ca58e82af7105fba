"""Text clean-up for scraped HTML: entities, Danish letters and spaces."""

from __future__ import annotations

import html
import re
import unicodedata

_SPACES = re.compile(r"[ \t\r\f\v\xa0\u200b]+")
_MAX_UNESCAPES = 5


def unescape_until_stable(value: str) -> str:
    """Undo HTML escaping applied once or several times (``&amp;amp;`` -> ``&``)."""
    for _ in range(_MAX_UNESCAPES):
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return value


def clean(value: str | None) -> str:
    """NFC-normalised text with soft hyphens removed and runs of spaces collapsed."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value).replace("\xad", "").replace("\ufeff", "")
    return _SPACES.sub(" ", value).strip()


def clean_lines(value: str) -> list[str]:
    """The cleaned lines of a multi-line text (blank lines kept as ``""``)."""
    return [clean(line) for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def danish_number(value: str) -> float | None:
    """``4,76%`` / ``12,5`` / ``3`` as a float; None when not a number."""
    raw = clean(value).removesuffix("%").strip().replace(".", "").replace(",", ".")
    try:
        return float(raw)
    except ValueError:
        return None

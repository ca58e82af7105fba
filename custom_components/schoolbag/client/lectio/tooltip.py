"""The Danish tooltip of a schedule brick (Lectio protocol §3.3), parsed into its parts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
import re

from .dates import parse_clock
from .text import clean_lines, unescape_until_stable

CANCELLED_LINE = "aflyst!"
CHANGED_LINE = "ændret!"
_DATE_LINE = re.compile(
    r"^(\d{1,2})/(\d{1,2})-(\d{4})\s+(?:(\d{1,2}:\d{2})\s+til\s+"
    r"(?:(\d{1,2})/(\d{1,2})-(\d{4})\s+)?(\d{1,2}:\d{2})|Hele dagen)",
    re.IGNORECASE,
)
_PERSON = re.compile(r"\s*([^,()]+?)\s*\(([^)]*)\)")
_FIELDS = {
    "hold": "teams",
    "lærer": "teachers",
    "lærere": "teachers",
    "lokale": "rooms",
    "lokaler": "rooms",
}
_SECTIONS = {"lektier:": "homework", "note:": "note", "øvrigt indhold:": "other"}


@dataclass(frozen=True, slots=True)
class When:
    """The date-time line: ``start_time`` None means all day."""

    start_date: date
    end_date: date
    start_time: time | None = None
    end_time: time | None = None

    @property
    def all_day(self) -> bool:
        """``Hele dagen``: no times."""
        return self.start_time is None


@dataclass(frozen=True, slots=True)
class Tooltip:
    """What a brick tooltip says."""

    cancelled: bool = False
    changed: bool = False
    title: str | None = None
    when: When | None = None
    teams: tuple[str, ...] = ()
    teachers: tuple[str, ...] = ()
    rooms: tuple[str, ...] = ()
    homework: tuple[str, ...] = ()
    note: str = ""
    other: tuple[str, ...] = ()


def parse_when(line: str) -> When | None:
    """A ``2/9-2025 10:05 til 11:45`` / ``... til 7/9-2025 17:00`` / ``Hele dagen`` line."""
    match = _DATE_LINE.match(line)
    if match is None:
        return None
    try:
        first = date(int(match[3]), int(match[2]), int(match[1]))
        last = first
        if match[5]:
            last = date(int(match[7]), int(match[6]), int(match[5]))
    except ValueError:
        return None
    if match[4] is None:
        return When(first, first)
    start, end = parse_clock(match[4]), parse_clock(match[8])
    if start is None or end is None:
        return None
    return When(first, last, start, end)


def split_people(value: str) -> tuple[str, ...]:
    """``Karen Eksempel (KE), Jens Jensen (JJ)`` -> names; plain comma lists as they are."""
    people = [match[1].strip() for match in _PERSON.finditer(value)]
    if people:
        return tuple(people)
    return split_list(value)


def split_list(value: str) -> tuple[str, ...]:
    """``a, b`` -> ``("a", "b")``."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


def parse_tooltip(raw: str) -> Tooltip:
    """Parse the tooltip text (HTML entities, even double-escaped ones, are decoded)."""
    lines = clean_lines(unescape_until_stable(raw))
    cancelled = changed = False
    head: list[str] = []
    when: When | None = None
    fields: dict[str, tuple[str, ...]] = {}
    sections: dict[str, list[str]] = {"homework": [], "note": [], "other": []}
    section: str | None = None
    for line in lines:
        lowered = line.casefold()
        if (
            section is None
            and when is None
            and not head
            and lowered
            in (
                CANCELLED_LINE,
                CHANGED_LINE,
            )
        ):
            cancelled |= lowered == CANCELLED_LINE
            changed |= lowered == CHANGED_LINE
            continue
        if lowered in _SECTIONS:
            section = _SECTIONS[lowered]
            continue
        if section is not None:
            sections[section].append(line)
            continue
        if when is None and (parsed := parse_when(line)) is not None:
            when = parsed
            continue
        label, _, value = line.partition(":")
        key = _FIELDS.get(label.strip().casefold())
        if key is not None and value:
            split = split_list if key != "teachers" else split_people
            fields[key] = fields.get(key, ()) + split(value)
            continue
        if line and when is None and not fields:
            head.append(line)
    return Tooltip(
        cancelled=cancelled,
        changed=changed,
        title=" ".join(head) or None,
        when=when,
        teams=fields.get("teams", ()),
        teachers=fields.get("teachers", ()),
        rooms=fields.get("rooms", ()),
        homework=tuple(_bullets(sections["homework"])),
        note="\n".join(line for line in sections["note"] if line).strip(),
        other=tuple(_bullets(sections["other"])),
    )


def _bullets(lines: list[str]) -> list[str]:
    """``- text`` lines as items; unbulleted lines continue the previous item."""
    items: list[str] = []
    for line in lines:
        if not line:
            continue
        if line.startswith("- ") or line == "-" or not items:
            item = line.removeprefix("-").strip()
            if item:
                items.append(item)
        else:
            items[-1] = f"{items[-1]} {line}"
    return items

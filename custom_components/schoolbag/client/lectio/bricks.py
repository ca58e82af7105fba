"""Schedule bricks (``a.s2skemabrik``) read from any page (Lectio protocol §3.2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
import hashlib
import re

from bs4 import Tag

from ..models import LessonStatus
from .html import attribute, classes, text_of, with_attribute
from .tooltip import Tooltip, parse_tooltip

_ABSID = re.compile(r"absid=(\d+)", re.IGNORECASE)
_STATUS_CLASSES = {
    "s2cancelled": LessonStatus.CANCELLED,
    "s2changed": LessonStatus.CHANGED,
    "s2normal": LessonStatus.NORMAL,
}


@dataclass(frozen=True, slots=True)
class Brick:
    """One brick: its activity id (None for plain notes), CSS classes, text and tooltip."""

    activity_id: str | None
    css: frozenset[str]
    content: str
    tooltip: Tooltip
    context_cards: tuple[tuple[str, str], ...]  # (card id, text)

    @property
    def status(self) -> LessonStatus:
        """The class says it first; the tooltip's ``Aflyst!``/``Ændret!`` is the fallback."""
        for css, status in _STATUS_CLASSES.items():
            if css in self.css:
                return status
        if self.tooltip.cancelled:
            return LessonStatus.CANCELLED
        if self.tooltip.changed:
            return LessonStatus.CHANGED
        return LessonStatus.NORMAL

    @property
    def positioned(self) -> bool:
        """A lesson drawn in a day column (not an info-header note)."""
        return "s2bgbox" in self.css

    def cards(self, prefix: str) -> tuple[str, ...]:
        """Texts of the context-card spans whose id starts with ``prefix`` (HE, T, R...)."""
        return tuple(
            text
            for card, text in self.context_cards
            if card.startswith(prefix) and card[len(prefix) : len(prefix) + 1].isdigit()
        )

    def stable_id(self, day: date) -> str:
        """The activity id, or a digest of the date and text for plain notes."""
        if self.activity_id:
            return self.activity_id
        digest = hashlib.sha1(
            f"{day.isoformat()}|{self.content}".encode(), usedforsecurity=False
        ).hexdigest()
        return f"note-{digest[:12]}"


def tooltip_text(tag: Tag) -> str:
    """``data-tooltip``, or the legacy ``data-additionalinfo`` (before ~2024)."""
    return attribute(tag, "data-tooltip") or attribute(tag, "data-additionalinfo")


def read_brick(tag: Tag) -> Brick:
    """Read one ``a.s2skemabrik`` element."""
    activity_id = attribute(tag, "data-brikid").removeprefix("ABS") or None
    if activity_id is None or not activity_id.isdigit():
        match = _ABSID.search(attribute(tag, "href"))
        activity_id = match[1] if match else None
    cards = tuple(
        (attribute(span, "data-lectiocontextcard"), text_of(span))
        for span in with_attribute(tag, "data-lectiocontextcard")
    )
    return Brick(
        activity_id=activity_id,
        css=frozenset(classes(tag)),
        content=text_of(tag),
        tooltip=parse_tooltip(tooltip_text(tag)),
        context_cards=cards,
    )


def find_bricks(scope: Tag) -> list[Tag]:
    """Every brick element under ``scope``."""
    return [tag for tag in scope.find_all("a") if "s2skemabrik" in classes(tag)]

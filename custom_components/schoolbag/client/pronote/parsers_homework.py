"""Parse ``PageCahierDeTexte`` homework (Pronote protocol §6.2)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ..html_text import html_to_text
from ..models import Attachment, Homework
from .dates import local_date
from .stable_ids import IdMaker, digest
from .typed_values import as_dicts, flag, integer, label, listed, text

_LINK = 0


@dataclass(frozen=True, slots=True)
class HomeworkEntry:
    """Parsed homework and its session-scoped reference (``N``) for marking it done."""

    homework: Homework
    number: str


def homework_id_day(homework_id: str) -> date | None:
    """The due date encoded at the start of a homework id (``h20250919-...``)."""
    try:
        raw = homework_id.removeprefix("h")[:8]
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8]))
    except ValueError:
        return None


def _attachment(item: dict[str, Any]) -> Attachment | None:
    name = text(item.get("L"))
    if integer(item.get("G")) == _LINK:
        name = text(item.get("url")) or name
    if not name:
        return None
    return Attachment(id="f" + digest(name, item.get("G")), name=name)


def parse_homework(data: dict[str, Any], start: date, end: date) -> list[HomeworkEntry]:
    """Homework due from ``start`` to ``end`` inclusive, sorted by due date."""
    ids = IdMaker()
    entries: list[HomeworkEntry] = []
    for item in listed(data, "ListeTravauxAFaire", "homework"):
        due = local_date(item.get("PourLe"))
        number = text(item.get("N"))
        if due is None or not number or not start <= due <= end:
            continue
        subject = label(item.get("Matiere"))
        html = text(item.get("descriptif"))
        given = local_date(item.get("DonneLe"))
        attachments = tuple(
            attachment
            for entry in as_dicts(item.get("ListePieceJointe"))
            if (attachment := _attachment(entry)) is not None
        )
        homework = Homework(
            id=ids.make(subject, given, html, prefix=f"h{due:%Y%m%d}-"),
            subject=subject,
            due=due,
            text=html_to_text(html),
            html=html,
            given=given,
            done=flag(item.get("TAFFait")),
            attachments=attachments,
        )
        entries.append(HomeworkEntry(homework=homework, number=number))
    entries.sort(key=lambda entry: (entry.homework.due, entry.homework.subject, entry.homework.id))
    return entries

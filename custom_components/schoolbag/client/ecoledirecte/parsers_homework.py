"""Parse ``cahierdetexte.awp`` (upcoming list) and ``cahierdetexte/{date}.awp`` (day detail)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ProtocolChangedError
from ..html_text import html_to_text
from ..models import Attachment, Homework
from ..values import as_dict, as_dicts, flag, identifier, leading_date, text
from .payloads import b64_text, require_dict, require_keys


@dataclass(frozen=True, slots=True)
class HomeworkEntry:
    """One item of the upcoming-homework list (no content)."""

    id: str
    subject: str
    due: date
    given: date | None
    done: bool
    is_test: bool


def parse_homework_index(data: object) -> dict[date, list[HomeworkEntry]]:
    """Return the upcoming homework list keyed by due date."""
    result: dict[date, list[HomeworkEntry]] = {}
    payload = require_dict(data, "homework list")
    if payload and not any(leading_date(key) for key in payload):
        # The list is keyed by due date; "{}" is no homework, other keys another answer.
        raise ProtocolChangedError("the EcoleDirecte homework list is not keyed by due date")
    for key, items in payload.items():
        due = leading_date(key)
        if due is None:
            continue
        for item in as_dicts(items):
            homework_id = identifier(item.get("idDevoir"))
            # aFaire false marks lesson-content-only entries.
            if homework_id is None or ("aFaire" in item and not flag(item.get("aFaire"))):
                continue
            result.setdefault(due, []).append(
                HomeworkEntry(
                    id=homework_id,
                    subject=text(item.get("matiere")) or text(item.get("codeMatiere")),
                    due=due,
                    given=leading_date(item.get("donneLe")),
                    done=flag(item.get("effectue")),
                    is_test=flag(item.get("interrogation")),
                )
            )
    return result


def _attachments(work: Mapping[str, Any]) -> tuple[Attachment, ...]:
    files: list[Attachment] = []
    for document in as_dicts(work.get("documents")):
        file_id = identifier(document.get("id"))
        if file_id is not None:
            files.append(Attachment(id=file_id, name=text(document.get("libelle")) or file_id))
    return tuple(files)


def _from_entry(entry: HomeworkEntry) -> Homework:
    return Homework(
        id=entry.id,
        subject=entry.subject,
        due=entry.due,
        text="",
        given=entry.given,
        done=entry.done,
        is_test=entry.is_test,
    )


def parse_homework_day(
    data: object, due: date, entries: Sequence[HomeworkEntry] = ()
) -> list[Homework]:
    """Return the homework of one day detail, completed from the list entries.

    Homework listed but missing from the detail is kept with empty text.
    """
    known = {entry.id: entry for entry in entries}
    found: dict[str, Homework] = {}
    for subject in as_dicts(require_keys(data, "homework day", "matieres").get("matieres")):
        work = as_dict(subject.get("aFaire"))
        if not work:
            continue
        homework_id = identifier(work.get("idDevoir")) or identifier(subject.get("id"))
        if homework_id is None or homework_id in found:
            continue
        entry = known.get(homework_id)
        html = b64_text(work.get("contenu"))
        found[homework_id] = Homework(
            id=homework_id,
            subject=text(subject.get("matiere"))
            or text(subject.get("codeMatiere"))
            or (entry.subject if entry else ""),
            due=due,
            text=html_to_text(html),
            html=html,
            given=leading_date(work.get("donneLe")) or (entry.given if entry else None),
            done=flag(work.get("effectue")) if "effectue" in work else bool(entry and entry.done),
            is_test=flag(subject.get("interrogation")) or bool(entry and entry.is_test),
            attachments=_attachments(work),
        )
    for entry in entries:
        if entry.id not in found:
            found[entry.id] = _from_entry(entry)
    return list(found.values())

"""Parse ``ListeMessagerie``: discussions and the unread count (Pronote protocol §6.9)."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..models import Mailbox, MessageSummary
from ..values import aware
from .dates import local_datetime
from .stable_ids import IdMaker
from .typed_values import flag, integer, listed, text


def _summary(item: dict[str, Any], zone: ZoneInfo, ids: IdMaker) -> MessageSummary | None:
    sent: datetime | None = local_datetime(item.get("date")) or local_datetime(
        item.get("libelleDate")
    )
    if sent is None:
        return None
    subject = text(item.get("objet"))
    sender = text(item.get("initiateur"))
    return MessageSummary(
        id=ids.make(subject, sender, prefix="m"),
        subject=subject,
        sender=sender,
        sent=aware(sent, zone),
        read=not integer(item.get("nbNonLus")),
    )


def parse_mailbox(data: dict[str, Any], zone: ZoneInfo) -> Mailbox:
    """Top-level discussions (newest first) and the sum of their unread messages."""
    ids = IdMaker()
    unread = 0
    summaries: list[MessageSummary] = []
    for item in listed(data, "listeMessagerie", "messages"):
        if not flag(item.get("estUneDiscussion")) or (integer(item.get("profondeur")) or 0):
            continue
        unread += max(0, integer(item.get("nbNonLus")) or 0)
        summary = _summary(item, zone, ids)
        if summary is not None:
            summaries.append(summary)
    summaries.sort(key=lambda summary: summary.sent, reverse=True)
    return Mailbox(unread=unread, messages=tuple(summaries))

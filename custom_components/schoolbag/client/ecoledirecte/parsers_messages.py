"""Parse ``messages.awp``: received message summaries and the unread count."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Mailbox, MessageSummary
from ..values import as_dict, as_dicts, flag, identifier, integer, local_datetime, text
from .payloads import SCHOOL_TZ, require_keys


def _sender(item: Mapping[str, Any]) -> str:
    sender = as_dict(item.get("from"))
    name = text(sender.get("name"))
    if name:
        return name
    parts = [text(sender.get(key)) for key in ("civilite", "prenom", "particule", "nom")]
    return " ".join(part for part in parts if part)


def _summary(item: Mapping[str, Any]) -> MessageSummary | None:
    message_id = identifier(item.get("id"))
    sent = local_datetime(item.get("date"), SCHOOL_TZ)
    if message_id is None or sent is None:
        return None
    return MessageSummary(
        id=message_id,
        subject=text(item.get("subject")),
        sender=_sender(item),
        sent=sent,
        read=flag(item.get("read")),
    )


def parse_mailbox(data: object) -> Mailbox:
    """Build the mailbox from ``messages.awp`` data (bodies are never read)."""
    payload = require_keys(data, "messages", "messages")
    received = [
        summary
        for item in as_dicts(as_dict(payload.get("messages")).get("received"))
        if (summary := _summary(item)) is not None
    ]
    received.sort(key=lambda summary: summary.sent, reverse=True)
    unread = integer(as_dict(payload.get("pagination")).get("messagesRecusNotReadCount"))
    if unread is None:
        unread = sum(not summary.read for summary in received)
    return Mailbox(unread=max(0, unread), messages=tuple(received))

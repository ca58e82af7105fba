"""Parse ``viescolaire.awp``: absences, delays and punishments."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models import Absence, Delay, Punishment, SchoolLife
from ..values import as_dicts, flag, identifier, leading_date, optional_text, text
from .payloads import require_keys

_ABSENCE = "absence"
_DELAY = "retard"
_PUNISHMENT = "punition"


_MISSED: dict[str, type[Absence] | type[Delay]] = {_ABSENCE: Absence, _DELAY: Delay}


def _entry(item: Mapping[str, Any]) -> Absence | Delay | Punishment | None:
    """None for other kinds and for entries without an id or a date."""
    item_id = identifier(item.get("id"))
    when = leading_date(item.get("date"))
    if item_id is None or when is None:
        return None
    kind = text(item.get("typeElement")).casefold()
    label = text(item.get("libelle"))
    reason = optional_text(item.get("motif"))
    if kind == _PUNISHMENT:
        return Punishment(
            id=item_id,
            date=when,
            label=label or text(item.get("typeElement")),
            reason=reason,
            given_by=optional_text(item.get("par")),
            work=optional_text(item.get("aFaire")),
        )
    missed = _MISSED.get(kind)
    if missed is None:
        return None
    return missed(
        id=item_id,
        date=when,
        label=label or text(item.get("displayDate")),
        justified=flag(item.get("justifie")),
        reason=reason,
    )


def parse_school_life(data: object) -> SchoolLife:
    """Build school life from ``viescolaire.awp`` data; unknown item types are ignored."""
    payload = require_keys(data, "school life", "absencesRetards")
    items = [
        *as_dicts(payload.get("absencesRetards")),
        *as_dicts(payload.get("sanctionsEncouragements")),
    ]
    entries = [entry for item in items if (entry := _entry(item)) is not None]
    return SchoolLife.oldest_first(
        absences=[entry for entry in entries if isinstance(entry, Absence)],
        delays=[entry for entry in entries if isinstance(entry, Delay)],
        punishments=[entry for entry in entries if isinstance(entry, Punishment)],
    )

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


def _kind(item: Mapping[str, Any]) -> str:
    return text(item.get("typeElement")).casefold()


def _missed[T: (Absence, Delay)](model: type[T], item: Mapping[str, Any]) -> T | None:
    """An absence or a delay: both carry the same fields."""
    item_id = identifier(item.get("id"))
    when = leading_date(item.get("date"))
    if item_id is None or when is None:
        return None
    return model(
        id=item_id,
        date=when,
        label=text(item.get("libelle")) or text(item.get("displayDate")),
        justified=flag(item.get("justifie")),
        reason=optional_text(item.get("motif")),
    )


def _punishment(item: Mapping[str, Any]) -> Punishment | None:
    item_id = identifier(item.get("id"))
    when = leading_date(item.get("date"))
    if item_id is None or when is None:
        return None
    return Punishment(
        id=item_id,
        date=when,
        label=text(item.get("libelle")) or text(item.get("typeElement")),
        reason=optional_text(item.get("motif")),
        given_by=optional_text(item.get("par")),
        work=optional_text(item.get("aFaire")),
    )


def parse_school_life(data: object) -> SchoolLife:
    """Build school life from ``viescolaire.awp`` data; unknown item types are ignored."""
    payload = require_keys(data, "school life", "absencesRetards")
    absences: list[Absence] = []
    delays: list[Delay] = []
    punishments: list[Punishment] = []
    items = [
        *as_dicts(payload.get("absencesRetards")),
        *as_dicts(payload.get("sanctionsEncouragements")),
    ]
    for item in items:
        kind = _kind(item)
        if kind == _ABSENCE and (absence := _missed(Absence, item)) is not None:
            absences.append(absence)
        elif kind == _DELAY and (delay := _missed(Delay, item)) is not None:
            delays.append(delay)
        elif kind == _PUNISHMENT and (punishment := _punishment(item)) is not None:
            punishments.append(punishment)
    absences.sort(key=lambda entry: (entry.date, entry.id))
    delays.sort(key=lambda entry: (entry.date, entry.id))
    punishments.sort(key=lambda entry: (entry.date, entry.id))
    return SchoolLife(
        absences=tuple(absences), delays=tuple(delays), punishments=tuple(punishments)
    )

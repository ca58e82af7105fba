"""Parse ``PagePresence``: absences, delays and punishments (Pronote protocol §6.6)."""

from __future__ import annotations

from typing import Any

from ..html_text import html_to_text
from ..models import Absence, Delay, Punishment, SchoolLife
from .const import KIND_ABSENCE, KIND_DELAY, KIND_PUNISHMENT
from .dates import local_date, local_datetime
from .stable_ids import IdMaker
from .typed_values import as_dicts, flag, integer, label, labels, listed, text


def _reason(item: dict[str, Any]) -> str | None:
    return ", ".join(labels(as_dicts(item.get("listeMotifs")))) or None


def _absence(item: dict[str, Any], ids: IdMaker) -> Absence | None:
    start = local_datetime(item.get("dateDebut"))
    if start is None:
        return None
    hours = text(item.get("NbrHeures"))
    days = integer(item.get("NbrJours")) or 0
    if days > 1:
        duration = f"{days} jours"
    elif hours:
        duration = hours
    else:
        duration = f"{days} jour" if days else ""
    return Absence(
        id=ids.make(start.isoformat(), prefix="a"),
        date=start.date(),
        label=f"Absence {duration}".strip(),
        justified=flag(item.get("justifie")),
        reason=_reason(item),
    )


def _delay(item: dict[str, Any], ids: IdMaker) -> Delay | None:
    moment = local_datetime(item.get("date"))
    if moment is None:
        return None
    minutes = integer(item.get("duree"))
    return Delay(
        id=ids.make(moment.isoformat(), prefix="d"),
        date=moment.date(),
        label=f"Retard de {minutes} min" if minutes else "Retard",
        justified=flag(item.get("justifie")),
        reason=_reason(item) or text(item.get("justification")) or None,
    )


def _punishment(item: dict[str, Any], ids: IdMaker) -> Punishment | None:
    when = local_date(item.get("dateDemande"))
    if when is None:
        return None
    nature = label(item.get("nature")) or "Punition"
    giver = label(item.get("demandeur"))
    return Punishment(
        id=ids.make(when, nature, giver, prefix="p"),
        date=when,
        label=nature,
        reason=_reason(item) or html_to_text(text(item.get("circonstances"))) or None,
        given_by=giver or None,
        work=html_to_text(text(item.get("travailAFaire"))) or None,
    )


def parse_school_life(data: dict[str, Any]) -> SchoolLife:
    """Absences, delays and punishments, oldest first; other kinds are ignored."""
    ids = IdMaker()
    absences: list[Absence] = []
    delays: list[Delay] = []
    punishments: list[Punishment] = []
    for item in listed(data, "listeAbsences", "school life"):
        kind = integer(item.get("G"))
        if kind == KIND_ABSENCE and (absence := _absence(item, ids)) is not None:
            absences.append(absence)
        elif kind == KIND_DELAY and (delay := _delay(item, ids)) is not None:
            delays.append(delay)
        elif kind == KIND_PUNISHMENT and (punishment := _punishment(item, ids)) is not None:
            punishments.append(punishment)
    return SchoolLife.oldest_first(absences, delays, punishments)

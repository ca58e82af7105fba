"""Parse assiduités and justificatifs into absences and late arrivals (ScoDoc protocol §4.6-4.7)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ProtocolChangedError
from ..models import Absence, Delay, SchoolLife
from ..values import as_dicts, local_datetime, optional_text, text
from .const import SCHOOL_TZ
from .fields import flag, integer

_ABSENT = "ABSENT"
_LATE = "RETARD"
_VALIDATED = "VALIDE"
ABSENCE_LABEL = "Absence"
DELAY_LABEL = "Retard"


def parse_justifications(data: Any) -> dict[int, dict[str, Any]]:
    """Justificatifs keyed by ``justif_id`` (an answer that is not a list is refused)."""
    if not isinstance(data, list):
        raise ProtocolChangedError("ScoDoc's justificatif list is not a list")
    return {
        justif_id: item
        for item in as_dicts(data)
        if (justif_id := integer(item.get("justif_id"))) is not None
    }


def _linked(
    record: dict[str, Any], justifications: Mapping[int, dict[str, Any]]
) -> list[dict[str, Any]]:
    ids = [integer(link.get("justif_id")) for link in as_dicts(record.get("justificatifs"))]
    return [justifications[i] for i in ids if i is not None and i in justifications]


def _reason(record: dict[str, Any], linked: list[dict[str, Any]]) -> str | None:
    for justification in linked:
        if reason := optional_text(justification.get("raison")):
            return reason
    return optional_text(record.get("desc"))


def _justified(record: dict[str, Any], linked: list[dict[str, Any]]) -> bool:
    """``est_just`` when given, else whether a linked justificatif was validated."""
    if "est_just" in record and record["est_just"] is not None:
        return flag(record["est_just"])
    return any(text(j.get("etat")).upper() == _VALIDATED for j in linked)


def parse_attendance(
    data: Any,
    justifications: Mapping[int, dict[str, Any]] | None = None,
    module_titles: Mapping[int, str] | None = None,
) -> SchoolLife:
    """Absences and delays, newest first; presences and undated records are skipped.

    The label names the module when it is known (``module_titles``), else the record's
    description, else "Absence"/"Retard". The reason is the justificatif's one.
    """
    if not isinstance(data, list):
        raise ProtocolChangedError("ScoDoc's assiduité list is not a list")
    justifications = justifications or {}
    titles = module_titles or {}
    absences: list[Absence] = []
    delays: list[Delay] = []
    for record in as_dicts(data):
        state = text(record.get("etat")).upper()
        start = local_datetime(record.get("date_debut"), SCHOOL_TZ, require_time=True)
        if state not in (_ABSENT, _LATE) or start is None:
            continue
        linked = _linked(record, justifications)
        module = integer(record.get("moduleimpl_id"))
        default = ABSENCE_LABEL if state == _ABSENT else DELAY_LABEL
        label = (
            (titles.get(module) if module is not None else None)
            or optional_text(record.get("desc"))
            or default
        )
        # Absence and Delay begin with the same fields: id, date, label, justified, reason.
        shared = (
            text(record.get("assiduite_id")) or start.isoformat(),
            start.date(),
            label,
            _justified(record, linked),
            _reason(record, linked),
        )
        if state == _ABSENT:
            end = local_datetime(record.get("date_fin"), SCHOOL_TZ, require_time=True)
            absences.append(Absence(*shared, start=start, end=end))
        else:
            delays.append(Delay(*shared))
    absences.sort(
        key=lambda a: (a.date, a.start.isoformat() if a.start else "", a.id), reverse=True
    )
    delays.sort(key=lambda d: (d.date, d.id), reverse=True)
    return SchoolLife(absences=tuple(absences), delays=tuple(delays))

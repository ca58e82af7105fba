"""``PageEmploiDuTemps`` request data for a date interval (Pronote protocol §6.1)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .const import TAB_TIMETABLE

_OPTIONS: dict[str, Any] = {
    "avecAbsencesEleve": False,
    "avecConseilDeClasse": True,
    "estEDTPermanence": False,
    "avecAbsencesRessource": True,
    "avecDisponibilites": True,
    "avecInfosPrefsGrille": True,
    "estEDTAnnuel": False,
    "avecRessourcesLibrePiedHoraire": False,
    "avecCoursSortiePeda": True,
    "avecRetenuesEleve": True,
    "edt": {"G": TAB_TIMETABLE, "L": "Emploi du temps"},
}


def _moment(day: date, clock: str) -> dict[str, Any]:
    return {"_T": 7, "V": f"{day.day}/{day.month}/{day.year} {clock}"}


def interval_request(resource: dict[str, Any], first: date, last: date) -> dict[str, Any]:
    """The lessons from ``first`` to ``last`` inclusive, across weeks, in one call."""
    start, end = _moment(first, "0:0:0"), _moment(last, "23:59:59")
    return {
        "ressource": resource,
        "Ressource": resource,
        "dateDebut": start,
        "DateDebut": start,
        "dateFin": end,
        "DateFin": end,
        **_OPTIONS,
    }

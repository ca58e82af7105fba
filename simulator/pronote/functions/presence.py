"""``PagePresence`` (onglet 19): absences, delays, punishments, observations.

See Pronote protocol §6.6.
"""

from __future__ import annotations

from datetime import date

from simulator.pronote.fixtures.models import Absence, Delay, Observation, Punishment
from simulator.pronote.protocol import Call, Json
from simulator.pronote.values import (
    date_v,
    datetime_v,
    element,
    elements,
    entity_id,
    parse_typed_date,
)


def _reasons(reasons: list[str]) -> Json:
    return elements({"N": entity_id(0, r), "L": r, "G": 0} for r in reasons)


def absence_json(absence: Absence) -> Json:
    return {
        "N": absence.id,
        "G": 13,
        "dateDebut": datetime_v(absence.start),
        "dateFin": datetime_v(absence.end),
        "justifie": absence.justified,
        "ouverte": False,
        "NbrHeures": absence.hours,
        "NbrJours": absence.days,
        "aJustifierParParents": not absence.justified,
        "reglee": absence.settled,
        "estMotifNonEncoreConnu": not absence.reasons,
        "listeMotifs": _reasons(absence.reasons),
    }


def delay_json(delay: Delay) -> Json:
    return {
        "N": delay.id,
        "G": 14,
        "date": datetime_v(delay.at),
        "duree": delay.minutes,
        "justifie": delay.justified,
        "justification": delay.justification,
        "aJustifierParParents": not delay.justified,
        "reglee": delay.justified,
        "estMotifNonEncoreConnu": not delay.reasons,
        "listeMotifs": _reasons(delay.reasons),
    }


def punishment_json(punishment: Punishment) -> Json:
    item: Json = {
        "N": punishment.id,
        "G": 41,
        "dateDemande": date_v(punishment.given),
        "horsCours": punishment.slot is None,
        "nature": element(
            {"N": entity_id(0, punishment.nature), "L": punishment.nature, "estAvecARParent": True}
        ),
        "listeMotifs": _reasons(punishment.reasons),
        "estUneExclusion": punishment.exclusion,
        "travailAFaire": punishment.homework,
        "documentsTAF": elements([]),
        "circonstances": punishment.circumstances,
        "documentsCirconstances": elements([]),
        "demandeur": element({"N": entity_id(3, punishment.giver), "L": punishment.giver}),
        "estProgrammable": bool(punishment.schedule),
        "programmation": elements(
            {"N": pid, "date": date_v(day), "placeExecution": slot, "duree": minutes}
            for pid, day, slot, minutes in punishment.schedule
        ),
        "duree": punishment.minutes,
    }
    if punishment.slot is not None:
        item["placeDemande"] = punishment.slot
    return item


def observation_json(observation: Observation) -> Json:
    subject = observation.subject
    return {
        "N": observation.id,
        "G": 46,
        "date": date_v(observation.day),
        "estLue": observation.read,
        "L": observation.label,
        "genreObservation": observation.kind,
        "rubrique": element({"N": entity_id(0, observation.label), "L": observation.label}),
        "matiere": element({"N": subject.id, "L": subject.label}),
        "commentaire": observation.comment,
        "avecARObservation": False,
    }


def page_presence(call: Call) -> Json:
    """Events of the period, narrowed by ``DateDebut``/``DateFin`` when given (dates inclusive)."""
    student = call.student()
    period = call.period("periode", "Periode")
    first_dt = parse_typed_date(call.data.get("DateDebut"))
    last_dt = parse_typed_date(call.data.get("DateFin"))
    first: date = first_dt.date() if first_dt else period.start
    last: date = last_dt.date() if last_dt else period.end

    def inside(day: date) -> bool:
        return first <= day <= last

    items: list[Json] = []
    items += [absence_json(a) for a in student.absences if inside(a.start.date())]
    items += [delay_json(d) for d in student.delays if inside(d.at.date())]
    items += [punishment_json(p) for p in student.punishments if inside(p.given)]
    items += [observation_json(o) for o in student.observations if inside(o.day)]
    return {"listeAbsences": elements(items), "Matieres": elements([])}

"""``DernieresEvaluations`` (onglet 201): skills evaluations of a period.

See Pronote protocol §6.5.
"""

from __future__ import annotations

from simulator.pronote.fixtures.models import Evaluation
from simulator.pronote.protocol import Call, Json
from simulator.pronote.values import date_v, element, elements, entity_id


def evaluation_json(evaluation: Evaluation) -> Json:
    subject = evaluation.subject
    return {
        "N": evaluation.id,
        "G": 29,
        "L": evaluation.title,
        "date": date_v(evaluation.day),
        "coefficient": evaluation.coefficient,
        "descriptif": evaluation.description,
        "individu": element({"N": subject.teacher_id, "L": subject.teacher, "G": 3}),
        "matiere": element({"N": subject.id, "L": subject.label, "couleur": subject.color}),
        "domaine": element({"N": entity_id(0, evaluation.domain), "L": evaluation.domain}),
        "listePaliers": elements([{"N": entity_id(27, evaluation.palier), "L": evaluation.palier}]),
        "listeNiveauxDAcquisitions": elements(
            {
                "N": a.id,
                "L": a.level,
                "G": a.order,
                "abbreviation": a.abbreviation,
                "coefficient": 1,
                "ordre": a.order,
                "domaine": element({"N": entity_id(0, a.domain), "L": a.domain}),
                "item": element({"N": entity_id(0, a.item), "L": a.item}),
                "pilier": element(
                    {"N": entity_id(114, a.pillar), "L": a.pillar, "strPrefixes": a.pillar_prefix}
                ),
            }
            for a in evaluation.acquisitions
        ),
    }


def dernieres_evaluations(call: Call) -> Json:
    student = call.student()
    period = call.period("periode", "Periode")
    chosen = [e for e in student.evaluations if period.contains(e.day)]
    return {"listeEvaluations": elements(evaluation_json(e) for e in chosen)}

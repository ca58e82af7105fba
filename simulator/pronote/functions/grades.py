"""``DernieresNotes`` (onglet 198): marks, subject averages and overall average.

See Pronote protocol §6.4.
"""

from __future__ import annotations

from simulator.pronote.fixtures.grades import SubjectAverage, overall, subject_averages
from simulator.pronote.fixtures.models import Grade
from simulator.pronote.protocol import Call, Json
from simulator.pronote.values import date_v, element, elements, fr_number, grade_v


def grade_json(call: Call, grade: Grade) -> Json:
    subject = grade.subject
    period = call.world.year.period(grade.period_id)
    return {
        "N": grade.id,
        "G": 60,
        "note": grade_v(grade.value),
        "bareme": grade_v(grade.out_of),
        "baremeParDefaut": grade_v("20"),
        "date": date_v(grade.day),
        "service": element(
            {
                "N": subject.id,
                "L": subject.label,
                "couleur": subject.color,
                "estServiceEnGroupe": subject.in_group,
            }
        ),
        "periode": element({"N": grade.period_id, "L": period.label if period else ""}),
        "moyenne": grade_v(grade.class_avg),
        "noteMax": grade_v(grade.class_max),
        "noteMin": grade_v(grade.class_min),
        "coefficient": grade.coef,
        "commentaire": grade.comment,
        "estBonus": grade.bonus,
        "estFacultatif": grade.optional,
        "estRamenerSur20": grade.out_of_20,
        "estEnGroupe": subject.in_group,
        "ListeThemes": elements([]),
    }


def service_json(average: SubjectAverage, order: int, *, hidden: bool) -> Json:
    subject = average.subject
    item: Json = {
        "N": subject.id,
        "G": 16,
        "L": subject.label,
        "couleur": subject.color,
        "ordre": order,
        "estServiceEnGroupe": subject.in_group,
        "moyClasse": grade_v(fr_number(average.class_avg)),
        "moyMin": grade_v(fr_number(average.class_min)),
        "moyMax": grade_v(fr_number(average.class_max)),
        "baremeMoyEleve": grade_v("20"),
        "baremeMoyEleveParDefaut": grade_v("20"),
    }
    if not hidden:
        student = "" if average.student is None else fr_number(average.student)
        item["moyEleve"] = grade_v(student)
    return item


def dernieres_notes(call: Call) -> Json:
    """Marks of the requested ``Periode``; ``sim.hide_averages`` drops the pupil averages."""
    student = call.student()
    period = call.period("Periode", "periode")
    grades = [g for g in student.grades if period.contains(g.day)]
    averages = subject_averages(grades, period)
    hidden = call.sim.hide_averages
    result: Json = {
        "listeDevoirs": elements(grade_json(call, g) for g in grades),
        "listeServices": elements(
            service_json(a, index + 1, hidden=hidden) for index, a in enumerate(averages)
        ),
        "avecDetailDevoir": True,
        "avecDetailService": True,
    }
    student_overall, class_overall = overall(averages)
    if class_overall is not None:
        result["moyGeneraleClasse"] = grade_v(fr_number(class_overall))
        result["baremeMoyGenerale"] = grade_v("20")
    if student_overall is not None and not hidden:
        result["moyGenerale"] = grade_v(fr_number(student_overall))
    return result

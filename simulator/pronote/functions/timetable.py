"""``PageEmploiDuTemps`` (onglet 16): lessons of one week or a date interval.

See Pronote protocol §6.1.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from simulator.pronote.errors import UNAVAILABLE, PronoteError
from simulator.pronote.fixtures.models import Lesson
from simulator.pronote.protocol import Call, Json
from simulator.pronote.values import (
    datetime_v,
    element,
    elements,
    entity_id,
    parse_typed_date,
)


def lesson_json(lesson: Lesson) -> Json:
    """A ``ListeCours`` item."""
    subject = lesson.subject
    contents: list[Json] = [
        {"N": subject.id, "L": subject.label, "G": 16, "estServiceGroupe": subject.in_group},
        {"N": entity_id(3, lesson.teacher), "L": lesson.teacher, "G": 3},
    ]
    if lesson.room:
        contents.append({"N": entity_id(17, lesson.room), "L": lesson.room, "G": 17})
    if lesson.group:
        contents.append({"N": entity_id(2, lesson.group), "L": lesson.group, "G": 2})
    item: Json = {
        "N": lesson.id,
        "G": 0,
        "P": lesson.priority,
        "place": lesson.place,
        "duree": lesson.duration,
        "DateDuCours": datetime_v(lesson.start),
        "DateDuCoursFin": datetime_v(lesson.end),
        "CouleurFond": subject.color,
        "ListeContenus": elements(contents),
        "AvecTafPublie": False,
        "AvecCdT": bool(lesson.cdt_id),
        "estAnnule": lesson.cancelled,
        "estRetire": False,
        "dispenseEleve": lesson.exempted,
        "estSortiePedagogique": lesson.outing,
    }
    if lesson.cdt_id:
        item["cahierDeTextes"] = element({"N": lesson.cdt_id, "estDevoir": lesson.exam})
    if lesson.status:
        item["Statut"] = lesson.status
    if lesson.memo:
        item["memo"] = lesson.memo
    if lesson.visio:
        item["listeVisios"] = elements([{"url": lesson.visio, "libelleLien": "Classe virtuelle"}])
    if lesson.outing:
        item["motif"] = lesson.outing_reason
        item["accompagnateurs"] = [lesson.teacher]
        item["strGenreRess"] = "Élève"
    if lesson.detention:
        item["estRetenue"] = True
    return item


def _interval(call: Call) -> tuple[datetime, datetime]:
    data = call.data
    year = call.world.year
    week = data.get("numeroSemaine", data.get("NumeroSemaine"))
    if isinstance(week, int):
        start = datetime.combine(year.monday(week), datetime.min.time())
        return start, start + timedelta(days=7)
    first = parse_typed_date(data.get("dateDebut", data.get("DateDebut")))
    if first is None:
        raise PronoteError(UNAVAILABLE)
    last = parse_typed_date(data.get("dateFin", data.get("DateFin")))
    if last is None:
        monday = first.date() - timedelta(days=first.weekday())
        return datetime.combine(monday, datetime.min.time()), datetime.combine(
            monday + timedelta(days=7), datetime.min.time()
        )
    return first, datetime.combine(last.date() + timedelta(days=1), datetime.min.time())


def page_emploi_du_temps(call: Call) -> Json:
    """Lessons starting inside the requested week (or ``dateDebut``..``dateFin``)."""
    student = call.student()
    start, end = _interval(call)
    lessons = [lesson for lesson in student.lessons if start <= lesson.start < end]
    return {
        "avecCoursAnnule": True,
        "ListeCours": [lesson_json(lesson) for lesson in lessons],
        "debutDemiPension": 9,
        "finDemiPension": 11,
    }

"""``PageCahierDeTexte`` (onglets 88 and 89) and ``SaisieTAFFaitEleve``.

See Pronote protocol §6.2, 6.3.
"""

from __future__ import annotations

from typing import Any

from simulator.pronote.errors import EXPIRED_OBJECT, UNAVAILABLE, PronoteError
from simulator.pronote.fixtures.models import Attachment, Homework, Lesson
from simulator.pronote.protocol import Call, Json
from simulator.pronote.values import (
    date_v,
    datetime_v,
    element,
    elements,
    entity_id,
    html_v,
    parse_domain,
)

CONTENTS_TAB = 89


def attachment_json(attachment: Attachment) -> Json:
    item: Json = {"N": attachment.id, "L": attachment.name, "G": attachment.kind}
    if attachment.kind == 0:
        item["url"] = attachment.url
    return item


def homework_json(work: Homework) -> Json:
    subject = work.subject
    return {
        "N": work.id,
        "descriptif": html_v(work.html),
        "TAFFait": work.done,
        "Matiere": element(
            {"N": subject.id, "L": subject.label, "estServiceGroupe": subject.in_group}
        ),
        "PourLe": date_v(work.due),
        "DonneLe": date_v(work.given),
        "CouleurFond": subject.color,
        "ListePieceJointe": elements(attachment_json(a) for a in work.attachments),
        "ListeThemes": elements([]),
        "niveauDifficulte": work.difficulty,
        "duree": work.minutes,
        "genreRendu": 0,
        "peuRendre": False,
        "cahierDeTextes": element({"N": work.lesson_id}),
    }


def content_json(lesson: Lesson) -> Json:
    assert lesson.content is not None
    content = lesson.content
    subject = lesson.subject
    return {
        "N": lesson.cdt_id,
        "cours": element({"N": lesson.id}),
        "verrouille": False,
        "Matiere": element({"N": subject.id, "L": subject.label}),
        "CouleurFond": subject.color,
        "listeProfesseurs": elements([{"N": entity_id(3, lesson.teacher), "L": lesson.teacher}]),
        "Date": datetime_v(lesson.start),
        "DateFin": datetime_v(lesson.end),
        "listeContenus": elements(
            [
                {
                    "N": content.id,
                    "L": content.title,
                    "descriptif": html_v(content.html),
                    "categorie": element(
                        {"N": entity_id(0, content.category), "L": content.category, "G": 1}
                    ),
                    "ListePieceJointe": elements(attachment_json(a) for a in content.attachments),
                    "ListeThemes": elements([]),
                }
            ]
        ),
        "ListeElementsProgrammeCDT": elements([]),
    }


def _weeks(call: Call) -> set[int]:
    raw: Any = call.data.get("domaine")
    if isinstance(raw, dict):
        raw = raw.get("V")
    if raw is None:
        return {call.world.year.week(call.world.today)}
    try:
        return parse_domain(str(raw))
    except ValueError as err:
        raise PronoteError(UNAVAILABLE) from err


def page_cahier_de_texte(call: Call) -> Json:
    """Homework due in the ``domaine`` weeks (88) or lesson contents of those weeks (89)."""
    student = call.student()
    weeks = _weeks(call)
    year = call.world.year
    if call.onglet == CONTENTS_TAB:
        lessons = [
            lesson
            for lesson in student.lessons
            if lesson.content is not None and year.week(lesson.start.date()) in weeks
        ]
        return {"ListeCahierDeTextes": elements(content_json(lesson) for lesson in lessons)}
    works = [work for work in student.homework if year.week(work.due) in weeks]
    return {"ListeTravauxAFaire": elements(homework_json(work) for work in works)}


def saisie_taf_fait_eleve(call: Call) -> Json:
    """Apply ``listeTAF[i] = {N, TAFFait[, E]}`` to the stored done flags."""
    student = call.student()
    items = call.data.get("listeTAF")
    if not isinstance(items, list):
        raise PronoteError(UNAVAILABLE)
    by_id = {work.id: work for work in student.homework}
    updates: list[tuple[Homework, bool]] = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("N"), str):
            raise PronoteError(UNAVAILABLE)
        work = by_id.get(item["N"])
        if work is None:
            raise PronoteError(EXPIRED_OBJECT)
        updates.append((work, bool(item.get("TAFFait"))))
    for work, done in updates:
        work.done = done
    return {}

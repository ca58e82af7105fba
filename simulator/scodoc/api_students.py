"""Student routes (ScoDoc protocol §4.2)."""

from __future__ import annotations

import unicodedata

from aiohttp import web

from simulator.scodoc import responses
from simulator.scodoc.call import ApiNotFound, Call
from simulator.scodoc.fixtures import Json, public

_SHORT_MEMBERS = ("id", "code_nip", "code_ine", "nom", "prenom", "civilite", "dept_acronym")


def short(student: Json) -> Json:
    """The short form of list routes (``etudiants/courants``, ``formsemestre/<id>/etudiants``)."""
    return {key: student.get(key) for key in _SHORT_MEMBERS}


def folded(value: object) -> str:
    """Lower case without accents, for name search."""
    decomposed = unicodedata.normalize("NFKD", str(value or ""))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def etudiant(call: Call) -> web.Response:
    return responses.ok(public(call.student()))


def etudiants(call: Call) -> web.Response:
    try:
        found = call.students()
    except ApiNotFound:
        found = []
    return responses.ok([public(s) for s in found])


def etudiants_courants(call: Call) -> web.Response:
    current = call.scope.current_semesters(call.sim.today)
    ids = {int(i) for s in current for i, state in s["_inscriptions"].items() if state == "I"}
    found = [s for s in call.scope.students() if s["id"] in ids]
    long_form = call.request.path.endswith("/long")
    return responses.ok([public(s) if long_form else short(s) for s in found])


def etudiants_name(call: Call) -> web.Response:
    wanted = folded(call.args["name"]).strip()
    found = [
        public(s)
        for s in call.scope.students()
        if wanted and (wanted in folded(s.get("nom")) or wanted in folded(s.get("prenom")))
    ]
    return responses.ok(found)


def etudiant_formsemestres(call: Call) -> web.Response:
    student = call.student()
    return responses.ok([public(s) for s in call.scope.semesters_of(int(student["id"]))])


def photo(call: Call) -> web.Response:
    student = call.student()
    data = responses.STUDENT_JPEG if student.get("photo_filename") else responses.PLACEHOLDER_JPEG
    return responses.binary(data, "image/jpeg")


def student_groups(call: Call) -> web.Response:
    etudid = call.number("etudid")
    semester = call.semester()
    if str(etudid) not in semester["_inscriptions"]:
        raise ApiNotFound("étudiant non inscrit dans ce semestre")
    return responses.ok(
        [
            {
                "id": group["id"],
                "group_name": group["group_name"],
                "partition_id": partition["id"],
                "partition_name": partition["partition_name"],
            }
            for partition in semester["_partitions"]
            for group in partition["groups"].values()
            if etudid in group["_members"]
        ]
    )

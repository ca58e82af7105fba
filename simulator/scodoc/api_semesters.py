"""Formsemestre, partition and group routes (ScoDoc protocol §4.3, 4.8)."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from simulator.scodoc import responses
from simulator.scodoc.api_students import short
from simulator.scodoc.call import ApiBadRequest, ApiNotFound, Call
from simulator.scodoc.fixtures import Json, public
from simulator.scodoc.programme import programme

_QUERY_MEMBERS = {"dept_acronym", "etape_apo", "annee_scolaire", "etat"}


def formsemestre(call: Call) -> web.Response:
    return responses.ok(public(call.semester()))


def formsemestres_query(call: Call) -> web.Response:
    semesters = call.scope.semesters()
    codes = {"nip": "code_nip", "ine": "code_ine", "etudid": "id"}
    for parameter, member in codes.items():
        if parameter in call.query:
            wanted = call.query[parameter]
            ids = {
                str(s["id"])
                for s in call.scope.students()
                if s.get(member) is not None and str(s[member]) == wanted
            }
            semesters = [s for s in semesters if ids & set(s["_inscriptions"])]
    if "annee_scolaire" in call.query:
        try:
            year = int(call.query["annee_scolaire"])
        except ValueError as err:
            raise ApiBadRequest("annee_scolaire invalide") from err
        semesters = [s for s in semesters if s["annee_scolaire"] == year]
    if "dept_acronym" in call.query:
        acronym = call.query["dept_acronym"]
        dept = next((d for d in call.scope.world.departments if d["acronym"] == acronym), None)
        semesters = [s for s in semesters if dept is not None and s["dept_id"] == dept["id"]]
    if "etape_apo" in call.query:
        semesters = [s for s in semesters if s.get("etape_apo") == call.query["etape_apo"]]
    return responses.ok([public(s) for s in semesters])


def _partition(partition: Json, semester_id: int) -> Json:
    groups = {
        key: {
            **{k: v for k, v in group.items() if not k.startswith("_")},
            "partition_id": partition["id"],
        }
        for key, group in partition["groups"].items()
    }
    return {**public(partition), "formsemestre_id": semester_id, "groups": groups}


def partitions(call: Call) -> web.Response:
    semester = call.semester()
    return responses.ok([_partition(p, semester["id"]) for p in semester["_partitions"]])


def _find_partition(call: Call) -> tuple[Json, Json]:
    wanted = call.number("partition_id")
    for semester in call.scope.semesters():
        for partition in semester["_partitions"]:
            if partition["id"] == wanted:
                return semester, partition
    raise ApiNotFound("partition inexistante")


def partition(call: Call) -> web.Response:
    semester, found = _find_partition(call)
    return responses.ok(_partition(found, semester["id"]))


def _students_with_groups(semester: Json, ids: list[int], long_form: bool) -> list[Json]:
    by_id = {s["id"]: s for s in semester["_students"]}
    result: list[Json] = []
    for etudid in ids:
        student = by_id[etudid]
        record: dict[str, Any] = public(student) if long_form else short(student)
        record["etat"] = semester["_inscriptions"][str(etudid)]
        if long_form:
            record["groups"] = [
                {
                    "id": group["id"],
                    "group_name": group["group_name"],
                    "partition_id": part["id"],
                    "partition_name": part["partition_name"],
                }
                for part in semester["_partitions"]
                for group in part["groups"].values()
                if etudid in group["_members"]
            ]
        result.append(record)
    return result


def semester_students(call: Call) -> web.Response:
    semester = call.semester()
    etat = call.query.get("etat")
    ids = [int(i) for i, state in semester["_inscriptions"].items() if etat in (None, "", state)]
    students = {s["id"]: s for s in call.scope.world.students if s["id"] in ids}
    enriched = {**semester, "_students": list(students.values())}
    long_form = "/long" in call.request.path
    return responses.ok(_students_with_groups(enriched, sorted(students), long_form))


def group_students(call: Call) -> web.Response:
    wanted = call.number("group_id")
    for semester in call.scope.semesters():
        for part in semester["_partitions"]:
            for group in part["groups"].values():
                if group["id"] == wanted:
                    members = [s for s in call.scope.world.students if s["id"] in group["_members"]]
                    etat = call.query.get("etat")
                    return responses.ok(
                        [
                            short(s)
                            for s in members
                            if etat in (None, "", semester["_inscriptions"].get(str(s["id"])))
                        ]
                    )
    raise ApiNotFound("groupe inexistant")


def semester_programme(call: Call) -> web.Response:
    semester = call.semester()
    modules = programme(call.scope.world, semester["id"])
    listing: dict[str, list[Json]] = {"ressources": [], "saes": [], "modules": []}
    section = {2: "ressources", 3: "saes", 0: "modules"}
    for module in modules.values():
        listing[section[module.module_type]].append(module.as_moduleimpl(semester["id"]))
    return responses.ok(listing)

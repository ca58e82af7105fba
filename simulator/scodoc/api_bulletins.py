"""The bulletin route and its PDF variants (ScoDoc protocol §4.4, 5)."""

from __future__ import annotations

import copy

from aiohttp import web

from simulator.scodoc import responses
from simulator.scodoc.call import ApiNotFound, Call
from simulator.scodoc.fixtures import Json

_BUT_HEADER = (
    "version",
    "type",
    "date",
    "publie",
    "etat_inscription",
    "etudiant",
    "formation",
    "formsemestre_id",
)
_CLASSIC_HEADER = (
    "etudid",
    "formsemestre_id",
    "date",
    "publie",
    "etapes",
    "etape_apo",
    "etape_apo2",
    "etudiant",
)
_VERSIONS = ("short", "selectedevals", "long", "butcourt")


def _template(call: Call, semester_id: int, student: Json) -> Json:
    """The student's bulletin fixture, or another student's one re-labelled."""
    world = call.scope.world
    own = world.bulletins.get((semester_id, int(student["id"])))
    if own is not None:
        return copy.deepcopy(own)
    other = next((b for (fid, _), b in sorted(world.bulletins.items()) if fid == semester_id), None)
    if other is None:
        raise ApiNotFound("bulletin indisponible")
    bulletin = copy.deepcopy(other)
    identity = {k: student.get(k) for k in ("etudid", "code_nip", "code_ine", "nom", "prenom")}
    bulletin["etudiant"] = {**bulletin.get("etudiant", {}), **identity, "etudid": student["id"]}
    if "etudid" in bulletin:
        bulletin["etudid"] = student["id"]
    return bulletin


def _strip_dates_95(bulletin: Json) -> None:
    for section in ("ressources", "saes"):
        for module in (bulletin.get(section) or {}).values():
            for evaluation in module.get("evaluations") or []:
                evaluation.pop("date_debut", None)
                evaluation.pop("date_fin", None)


def _unpublished(bulletin: Json) -> Json:
    if bulletin.get("type") == "BUT":
        header = {k: bulletin[k] for k in _BUT_HEADER if k in bulletin}
        header["publie"] = False
        return header
    header = {k: bulletin[k] for k in _CLASSIC_HEADER if k in bulletin}
    header["publie"] = 0
    return header


def bulletin(call: Call) -> web.Response:
    semester = call.semester()
    candidates = call.students()
    enrolled = [s for s in candidates if str(s["id"]) in semester["_inscriptions"]]
    if not enrolled:
        raise ApiNotFound("étudiant non inscrit dans ce semestre")
    version = call.args.get("version") or "long"
    if version not in _VERSIONS:
        raise ApiNotFound(f"version de bulletin inconnue: {version}")
    if call.args.get("pdf"):
        return responses.binary(responses.TINY_PDF, "application/pdf")
    document = _template(call, semester["id"], enrolled[0])
    if call.sim.version == "9.5":
        _strip_dates_95(document)
    if semester.get("bul_hide_xml") or semester["id"] in call.sim.unpublished:
        document = _unpublished(document)
    return responses.ok(document)

"""Assiduité and justificatif routes, ScoDoc 9.6 and later (ScoDoc protocol §4.6, 4.7)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from aiohttp import web

from simulator.scodoc import responses
from simulator.scodoc.call import ApiBadRequest, ApiNotFound, Call
from simulator.scodoc.fixtures import Json
from simulator.scodoc.scope import iso_day

STATES = ("absent", "retard", "present")
_HALF_DAY_HOUR = 13


def _require_96(call: Call) -> None:
    if call.sim.version == "9.5":
        raise ApiNotFound("route inexistante")


def _flag(value: str | None) -> bool | None:
    if value is None or value == "":
        return None
    return value.lower() in {"1", "true", "oui", "yes"}


def _filter(call: Call, records: Iterable[Json]) -> list[Json]:
    """Apply the query filters: etat, dates, semester, module, justification."""
    found = list(records)
    if etat := call.query.get("etat"):
        wanted = {part.strip().lower() for part in etat.split(",")}
        found = [r for r in found if str(r["etat"]).lower() in wanted]
    start, end = call.query_date("date_debut"), call.query_date("date_fin")
    if "formsemestre_id" in call.query:
        try:
            semester = call.scope.semester(int(call.query["formsemestre_id"]))
        except ValueError as err:
            raise ApiBadRequest("formsemestre_id invalide") from err
        if semester is None:
            raise ApiNotFound("formsemestre inexistant")
        start, end = iso_day(semester["date_debut_iso"]), iso_day(semester["date_fin_iso"])
    if start is not None:
        found = [r for r in found if (d := iso_day(r["date_debut"])) is not None and d >= start]
    if end is not None:
        found = [r for r in found if (d := iso_day(r["date_debut"])) is not None and d <= end]
    if "moduleimpl_id" in call.query:
        wanted_module = call.query["moduleimpl_id"]
        found = [r for r in found if str(r.get("moduleimpl_id")) == wanted_module]
    est_just = _flag(call.query.get("est_just"))
    if est_just is not None:
        found = [r for r in found if bool(r.get("est_just")) is est_just]
    return found


def _served(record: Json, with_justifs: bool) -> Json:
    result = dict(record)
    result["etat"] = str(record["etat"]).upper()
    if not with_justifs:
        result.pop("justificatifs", None)
    return result


def _records_of(call: Call) -> list[Json]:
    ids = {s["id"] for s in call.students()}
    return [r for r in call.scope.world.assiduites if r["etudid"] in ids]


def assiduites(call: Call) -> web.Response:
    _require_96(call)
    with_justifs = bool(_flag(call.query.get("with_justifs")))
    return responses.ok([_served(r, with_justifs) for r in _filter(call, _records_of(call))])


def _hours(record: Json) -> float:
    start = datetime.fromisoformat(record["date_debut"])
    end = datetime.fromisoformat(record["date_fin"])
    return round((end - start).total_seconds() / 3600, 2)


def _metrics(records: list[Json]) -> dict[str, Any]:
    halves = {
        (r["date_debut"][:10], int(r["date_debut"][11:13]) >= _HALF_DAY_HOUR) for r in records
    }
    return {
        "compte": len(records),
        "journee": len({r["date_debut"][:10] for r in records}),
        "demi": len(halves),
        "heure": sum(_hours(r) for r in records),
    }


def _pick(metrics: dict[str, Any], metric: str) -> dict[str, Any]:
    if metric in ("", "all"):
        return metrics
    return {name: metrics[name] for name in metric.split(",") if name in metrics}


def assiduites_count(call: Call) -> web.Response:
    _require_96(call)
    records = _filter(call, _records_of(call))
    metric = call.query.get("metric", "all")
    if any(name not in ("all", "compte", "journee", "demi", "heure") for name in metric.split(",")):
        raise ApiBadRequest(f"metric invalide: {metric}")
    if not _flag(call.query.get("split")):
        return responses.ok(_pick(_metrics(records), metric))
    answer: dict[str, Any] = {}
    for state in STATES:
        of_state = [r for r in records if str(r["etat"]).lower() == state]
        answer[state] = {
            "justifie": _pick(_metrics([r for r in of_state if r.get("est_just")]), metric),
            "non_justifie": _pick(_metrics([r for r in of_state if not r.get("est_just")]), metric),
            **_pick(_metrics(of_state), metric),
        }
    answer["total"] = _pick(_metrics(records), metric)
    return responses.ok(answer)


def assiduites_semester(call: Call) -> web.Response:
    _require_96(call)
    semester = call.semester()
    ids = {int(i) for i in semester["_inscriptions"]}
    nips = {s["id"]: s.get("code_nip") for s in call.scope.world.students}
    start, end = iso_day(semester["date_debut_iso"]), iso_day(semester["date_fin_iso"])
    records = [
        {**r, "code_nip": nips.get(r["etudid"])}
        for r in call.scope.world.assiduites
        if r["etudid"] in ids
        and start is not None
        and end is not None
        and (day := iso_day(r["date_debut"])) is not None
        and start <= day <= end
    ]
    with_justifs = bool(_flag(call.query.get("with_justifs")))
    return responses.ok([_served(r, with_justifs) for r in _filter(call, records)])


def justificatifs(call: Call) -> web.Response:
    _require_96(call)
    ids = {s["id"] for s in call.students()}
    found = [j for j in call.scope.world.justificatifs if j["etudid"] in ids]
    if etat := call.query.get("etat"):
        wanted = {part.strip().lower() for part in etat.split(",")}
        found = [j for j in found if str(j["etat"]).lower() in wanted]
    return responses.ok([{**j, "etat": str(j["etat"]).upper()} for j in found])

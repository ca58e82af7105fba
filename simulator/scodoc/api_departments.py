"""Department routes (ScoDoc protocol §4.1)."""

from __future__ import annotations

from aiohttp import web

from simulator.scodoc import responses
from simulator.scodoc.call import ApiNotFound, Call
from simulator.scodoc.fixtures import Json, public
from simulator.scodoc.scope import iso_day


def _department(call: Call) -> Json:
    if "dept_id" in call.args:
        found = call.scope.department_of(call.number("dept_id"))
    else:
        acronym = call.args["acronym"]
        found = next((d for d in call.scope.world.departments if d["acronym"] == acronym), None)
    if found is None:
        raise ApiNotFound("département inexistant")
    return found


def departements(call: Call) -> web.Response:
    return responses.ok([public(d) for d in call.scope.world.departments])


def departements_ids(call: Call) -> web.Response:
    return responses.ok([d["id"] for d in call.scope.world.departments])


def departement(call: Call) -> web.Response:
    return responses.ok(public(_department(call)))


def departement_etudiants(call: Call) -> web.Response:
    dept_id = _department(call)["id"]
    return responses.ok([public(s) for s in call.scope.world.students if s["dept_id"] == dept_id])


def formsemestres_courants(call: Call) -> web.Response:
    dept_id = _department(call)["id"]
    day = call.query_date("date_courante") or call.sim.today
    return responses.ok(
        [
            public(s)
            for s in call.scope.world.semesters
            if s["dept_id"] == dept_id
            and (start := iso_day(s["date_debut_iso"])) is not None
            and (end := iso_day(s["date_fin_iso"])) is not None
            and start <= day <= end
        ]
    )

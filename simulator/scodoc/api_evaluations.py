"""Module instance and evaluation routes (ScoDoc protocol §4.5)."""

from __future__ import annotations

from aiohttp import web

from simulator.scodoc import responses
from simulator.scodoc.call import ApiNotFound, Call
from simulator.scodoc.programme import (
    NOTE_MAX,
    Module,
    evaluation_record,
    find_evaluation,
    find_module,
    note_value,
)


def _module(call: Call) -> Module:
    module = find_module(call.scope.world, call.number("moduleimpl_id"))
    if module is None or call.scope.semester(module.semester_id) is None:
        raise ApiNotFound("moduleimpl inexistant")
    return module


def moduleimpl(call: Call) -> web.Response:
    module = _module(call)
    return responses.ok(module.as_moduleimpl(module.semester_id))


def moduleimpl_evaluations(call: Call) -> web.Response:
    module = _module(call)
    return responses.ok(
        [evaluation_record(module, i, call.sim.version) for i in sorted(module.evaluations)]
    )


def _evaluation(call: Call) -> tuple[Module, int]:
    evaluation_id = call.number("evaluation_id")
    found = find_evaluation(call.scope.world, evaluation_id)
    if found is None or call.scope.semester(found[0].semester_id) is None:
        raise ApiNotFound("évaluation inexistante")
    return found[0], evaluation_id


def evaluation(call: Call) -> web.Response:
    module, evaluation_id = _evaluation(call)
    return responses.ok(evaluation_record(module, evaluation_id, call.sim.version))


def evaluation_notes(call: Call) -> web.Response:
    module, evaluation_id = _evaluation(call)
    notes = {
        str(etudid): {
            "etudid": etudid,
            "evaluation_id": evaluation_id,
            "value": note_value(by_eval[evaluation_id]),
            "note_max": NOTE_MAX,
            "comment": "",
            "uid": 41,
        }
        for etudid, by_eval in sorted(module.notes.items())
        if evaluation_id in by_eval and by_eval[evaluation_id] not in ("~", "")
    }
    return responses.ok(notes)

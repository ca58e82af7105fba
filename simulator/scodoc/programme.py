"""Module instances and evaluations, read back from the bulletin fixtures of a semester.

The bulletins are the single source of the grades: the evaluation and note routes
(ScoDoc protocol §4.5) are derived from them so every route tells the same story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from simulator.scodoc.fixtures import Json, World
from simulator.scodoc.fixtures.dates import paris_datetime

RESOURCE, SAE, STANDARD = 2, 3, 0
NOTE_MAX = 20.0


@dataclass
class Module:
    """One module instance (``moduleimpl``) and its evaluations keyed by id."""

    id: int
    code: str
    titre: str
    module_type: int
    semester_id: int
    evaluations: dict[int, Json] = field(default_factory=dict)
    # etudid -> evaluation id -> the grade string of the bulletin
    notes: dict[int, dict[int, str]] = field(default_factory=dict)

    def as_moduleimpl(self, semester_id: int) -> Json:
        return {
            "id": self.id,
            "moduleimpl_id": self.id,
            "formsemestre_id": semester_id,
            "module": {"code": self.code, "titre": self.titre, "module_type": self.module_type},
            "ens": [],
            "responsable_id": 41,
        }


def _add(module: Module, etudid: int, evaluation: Json, evaluation_id: int, note: str) -> None:
    module.evaluations.setdefault(evaluation_id, evaluation)
    module.notes.setdefault(etudid, {})[evaluation_id] = note


def _from_but(bulletin: Json, semester_id: int, modules: dict[int, Module]) -> None:
    etudid = int(bulletin["etudiant"]["etudid"])
    for section, kind in (("ressources", RESOURCE), ("saes", SAE)):
        for code, item in (bulletin.get(section) or {}).items():
            module = modules.setdefault(
                item["id"], Module(item["id"], code, item.get("titre", code), kind, semester_id)
            )
            for evaluation in item.get("evaluations") or []:
                note = (evaluation.get("note") or {}).get("value", "~")
                _add(module, etudid, evaluation, int(evaluation["id"]), str(note))


def _from_classic(bulletin: Json, semester_id: int, modules: dict[int, Module]) -> None:
    etudid = int(bulletin["etudid"])
    for ue in bulletin.get("ue") or []:
        for item in ue.get("module") or []:
            module = modules.setdefault(
                item["id"], Module(item["id"], item["code"], item["titre"], STANDARD, semester_id)
            )
            for evaluation in item.get("evaluation") or []:
                note = evaluation.get("note", "~")
                _add(module, etudid, evaluation, int(evaluation["evaluation_id"]), str(note))


def programme(world: World, semester_id: int) -> dict[int, Module]:
    """Every module instance of a semester seen in its bulletins."""
    modules: dict[int, Module] = {}
    for (fid, _), bulletin in sorted(world.bulletins.items()):
        if fid != semester_id:
            continue
        if bulletin.get("type") == "BUT":
            _from_but(bulletin, fid, modules)
        else:
            _from_classic(bulletin, fid, modules)
    return modules


def find_module(world: World, moduleimpl_id: int) -> Module | None:
    for semester in world.semesters:
        module = programme(world, semester["id"]).get(moduleimpl_id)
        if module is not None:
            return module
    return None


def find_evaluation(world: World, evaluation_id: int) -> tuple[Module, Json] | None:
    for semester in world.semesters:
        for module in programme(world, semester["id"]).values():
            if evaluation_id in module.evaluations:
                return module, module.evaluations[evaluation_id]
    return None


def _schedule(evaluation: Json) -> tuple[str | None, str | None]:
    """``date_debut``/``date_fin`` of an evaluation, from whichever members it has."""
    if evaluation.get("date_debut"):
        return evaluation["date_debut"], evaluation.get("date_fin")
    day_text = evaluation.get("jour") or evaluation.get("date")
    if not day_text:
        return None, None
    day = date.fromisoformat(day_text)
    start = (evaluation.get("heure_debut") or "00:00")[:5]
    end = (evaluation.get("heure_fin") or start)[:5]
    return paris_datetime(day, start).isoformat(), paris_datetime(day, end).isoformat()


def _coefficient(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 1.0


def evaluation_record(module: Module, evaluation_id: int, version: str) -> Json:
    """An evaluation as ``/moduleimpl/<id>/evaluations`` serves it."""
    evaluation = module.evaluations[evaluation_id]
    notes = [n.get(evaluation_id) for n in module.notes.values() if evaluation_id in n]
    missing = sum(1 for n in notes if n in ("~", "ATT", None))
    record: Json = {
        "id": evaluation_id,
        "moduleimpl_id": module.id,
        "description": evaluation.get("description", ""),
        "evaluation_type": evaluation.get("evaluation_type", 0),
        "coefficient": _coefficient(evaluation.get("coef", evaluation.get("coefficient"))),
        "note_max": NOTE_MAX,
        "poids": evaluation.get("poids") or {},
        "visibulletin": True,
        "publish_incomplete": False,
        "blocked_until": None,
        "nb_notes_manquantes": missing,
        "nb_inscrits": len(notes),
        "etat": {"evalcomplete": missing == 0},
    }
    start, end = _schedule(evaluation)
    if version == "9.5":
        record["jour"] = start[:10] if start else None
        record["heure_debut"] = start[11:16] if start else None
        record["heure_fin"] = end[11:16] if end else None
    else:
        record["date_debut"], record["date_fin"] = start, end
    return record


def note_value(raw: str) -> float | str | None:
    """A bulletin grade string as the notes route gives it: a number, a marker or None."""
    try:
        return float(raw)
    except ValueError:
        return None if raw in ("~", "") else raw

"""HTTP control surface under ``/_sim/scodoc/`` (never under ``/ScoDoc``).

Parameters come from the query string (a JSON object body is merged in for ``POST``).
Every endpoint answers JSON; bad parameters answer HTTP 400 ``{"error": ...}``.

GET  ``/_sim/scodoc``               status (settings, faults, accounts, live tokens)
GET  ``/_sim/scodoc/requests``      recorded ``(method, path)`` pairs
POST ``/_sim/scodoc/latency``       ``ms``
POST ``/_sim/scodoc/expire_tokens`` optional ``username``: expire tokens now (next call 401)
POST ``/_sim/scodoc/rotate_token``  ``username``: another client renewed the shared token
POST ``/_sim/scodoc/next_error``    ``name`` (e.g. ``http_500`` or ``http_500:bulletin``),
                                    optional ``count``
POST ``/_sim/scodoc/lose_sessions`` optional ``count``: the next tokens issued are dead at once
POST ``/_sim/scodoc/mode``          any of ``version`` (9.6|9.5), ``token_ttl`` (seconds)
POST ``/_sim/scodoc/publish``       ``formsemestre_id``, ``published`` (bool)
POST ``/_sim/scodoc/grade``         ``etudid``, ``evaluation_id``, ``value``: enter a grade
POST ``/_sim/scodoc/reset``         back to the initial state
POST ``/_sim/scodoc/requests/clear``
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from simulator import control
from simulator.control import Action, BadParameter, Params, boolean, integer, required_text
from simulator.scodoc.faults import check_error
from simulator.scodoc.users import USERS

if TYPE_CHECKING:
    from simulator.scodoc.simulator import ScoDocSimulator

PREFIX = "/_sim/scodoc"


def settings(sim: ScoDocSimulator) -> dict[str, Any]:
    return {
        "version": sim.version,
        "token_ttl": sim.tokens.ttl,
        "unpublished": sorted(sim.unpublished),
    }


def status(sim: ScoDocSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    return {
        "today": sim.today.isoformat(),
        "accounts": [
            {
                "username": u.name,
                "all_departments": u.all_departments,
                "departments": sorted(u.departments),
            }
            for u in USERS.values()
        ],
        "api": ["/ScoDoc/api", "/ScoDoc/<DEPT>/api"],
        "departments": [d["acronym"] for d in sim.world.departments],
        "live_tokens": sim.tokens.live_count(),
        "tokens_issued": sim.tokens.issued,
        "requests": len(sim.requests),
        "settings": settings(sim),
        "faults": {"latency": sim.faults.latency, "next_errors": list(sim.faults.next_errors)},
    }


def _user(params: Params) -> str:
    username = required_text(params, "username")
    if username not in USERS:
        raise BadParameter(f"unknown user {username!r}")
    return username


def expire_tokens(sim: ScoDocSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    username = _user(params) if params.get("username") else None
    return {"expired": sim.expire_tokens(username)}


def rotate_token(sim: ScoDocSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    username = _user(params)
    sim.rotate_token(username)
    return {"username": username, "rotated": True}


def lose_sessions(sim: ScoDocSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.faults.lose_sessions = max(0, integer(params, "count")) if params.get("count") else 1
    return {"lose_sessions": sim.faults.lose_sessions}


def mode(sim: ScoDocSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    from simulator.scodoc.simulator import VERSIONS  # noqa: PLC0415 - import cycle

    if params.get("version"):
        if params["version"] not in VERSIONS:
            raise BadParameter(f"'version' must be one of {list(VERSIONS)}")
        sim.version = params["version"]
    if params.get("token_ttl"):
        sim.tokens.ttl = float(max(1, integer(params, "token_ttl")))
    return settings(sim)


def publish(sim: ScoDocSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    semester_id = integer(params, "formsemestre_id")
    if boolean(params, "published", True):
        sim.unpublished.discard(semester_id)
    else:
        sim.unpublished.add(semester_id)
    return settings(sim)


def grade(sim: ScoDocSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    etudid, evaluation_id = integer(params, "etudid"), integer(params, "evaluation_id")
    value = required_text(params, "value")
    try:
        sim.set_grade(etudid, evaluation_id, value)
    except KeyError as err:
        raise BadParameter("unknown student or evaluation") from err
    return {"etudid": etudid, "evaluation_id": evaluation_id, "value": value}


POST_ACTIONS: dict[str, Action[ScoDocSimulator]] = {
    "latency": control.latency,
    "expire_tokens": expire_tokens,
    "rotate_token": rotate_token,
    "next_error": control.next_error(check_error),
    "lose_sessions": lose_sessions,
    "mode": mode,
    "publish": publish,
    "grade": grade,
    "reset": control.reset,
    "requests/clear": control.requests_clear,
}

GET_ACTIONS: dict[str, Action[ScoDocSimulator]] = {
    "": status,
    "requests": control.requests_list(("method", "path")),
}


def add_control_routes(app: web.Application, sim: ScoDocSimulator) -> None:
    """Mount the control surface of ``sim`` on ``app``."""
    control.mount_actions(app, PREFIX, sim, GET_ACTIONS, POST_ACTIONS)

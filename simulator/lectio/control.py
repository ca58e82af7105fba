"""HTTP control surface under ``/_sim/lectio/`` (never under ``/lectio``).

Parameters come from the query string (a JSON object body is merged in for ``POST``).
Every endpoint answers JSON; bad parameters answer HTTP 400 ``{"error": ...}``.

GET  ``/_sim/lectio``                 status (today, schools, sessions, keys, settings)
GET  ``/_sim/lectio/requests``        recorded ``(method, path)`` pairs
POST ``/_sim/lectio/autologin``       ``username`` (magnus), ``school`` (681): a valid
                                      ``autologinkeyV2`` cookie value for a MitID account
POST ``/_sim/lectio/expire``          end every session (auto-login keys keep working)
POST ``/_sim/lectio/revoke_keys``     make every ``autologinkeyV2`` worthless
POST ``/_sim/lectio/reset``           back to the initial state
POST ``/_sim/lectio/latency``         ``ms``
POST ``/_sim/lectio/next_error``      ``name`` (unknown_error, http_500, http_503,
                                      server_error), optional ``count``
POST ``/_sim/lectio/mode``            any of ``legacy_tooltips``, ``malformed_schedule``,
                                      ``rotate_keys``, ``blank_key_cookie``,
                                      ``strict_key_rotation``, ``rate_limit`` (requests/s per
                                      session, 0 = off), ``session_ttl`` (seconds)
POST ``/_sim/lectio/requests/clear``
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from simulator import control
from simulator.control import Action, BadParameter, Params, boolean, integer
from simulator.lectio.faults import check_fault
from simulator.lectio.fixtures.people import MITID_SCHOOL_ID

if TYPE_CHECKING:
    from simulator.lectio.simulator import LectioSimulator

PREFIX = "/_sim/lectio"


def settings(sim: LectioSimulator) -> dict[str, Any]:
    return {
        "legacy_tooltips": sim.legacy_tooltips,
        "malformed_schedule": sim.malformed_schedule,
        "rotate_keys": sim.rotate_keys,
        "blank_key_cookie": sim.blank_key_cookie,
        "strict_key_rotation": sim.strict_key_rotation,
        "rate_limit": sim.faults.rate_limit,
        "session_ttl": sim.sessions.ttl,
        "latency": sim.faults.latency,
        "next_errors": list(sim.faults.next_errors),
    }


def status(sim: LectioSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    return {**sim.status(), "settings": settings(sim)}


def autologin(sim: LectioSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    username = params.get("username") or "magnus"
    school = params.get("school") or MITID_SCHOOL_ID
    try:
        key = sim.issue_autologin_key(username, school)
    except KeyError as err:
        raise BadParameter(f"unknown user {username!r} at school {school!r}") from err
    return {"cookie": "autologinkeyV2", "value": key, "school": school}


def expire(sim: LectioSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.expire_sessions()
    return {"expired": True}


def revoke_keys(sim: LectioSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.revoke_autologin_keys()
    return {"revoked": True}


def reset(sim: LectioSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.reset()
    return {"reset": True, "today": sim.now().date().isoformat()}


def mode(sim: LectioSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.legacy_tooltips = boolean(params, "legacy_tooltips", sim.legacy_tooltips)
    sim.malformed_schedule = boolean(params, "malformed_schedule", sim.malformed_schedule)
    sim.rotate_keys = boolean(params, "rotate_keys", sim.rotate_keys)
    sim.blank_key_cookie = boolean(params, "blank_key_cookie", sim.blank_key_cookie)
    sim.strict_key_rotation = boolean(params, "strict_key_rotation", sim.strict_key_rotation)
    if params.get("rate_limit"):
        sim.faults.rate_limit = max(0, integer(params, "rate_limit"))
    if params.get("truncate_pages"):
        sim.faults.truncate_pages = max(0, integer(params, "truncate_pages"))
    if params.get("lose_sessions"):
        sim.faults.lose_sessions = max(0, integer(params, "lose_sessions"))
    if params.get("session_ttl"):
        sim.sessions.ttl = float(integer(params, "session_ttl"))
    return settings(sim)


POST_ACTIONS: dict[str, Action[LectioSimulator]] = {
    "autologin": autologin,
    "expire": expire,
    "revoke_keys": revoke_keys,
    "reset": reset,
    "latency": control.latency,
    "next_error": control.next_error(check_fault),
    "mode": mode,
    "requests/clear": control.requests_clear,
}

GET_ACTIONS: dict[str, Action[LectioSimulator]] = {
    "": status,
    "requests": control.requests_list(("method", "path")),
}


def add_control_routes(app: web.Application, sim: LectioSimulator) -> None:
    """Mount the control surface of ``sim`` on ``app``."""
    control.mount_actions(app, PREFIX, sim, GET_ACTIONS, POST_ACTIONS)

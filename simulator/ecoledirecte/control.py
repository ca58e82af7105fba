"""HTTP control surface under ``/_sim/ecoledirecte/`` (never under ``/v3``).

Parameters come from the query string (a JSON object body is merged in for ``POST``).
Every endpoint answers JSON; bad parameters answer HTTP 400 ``{"error": ...}``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from aiohttp import web

from simulator import control
from simulator.control import (
    Action,
    BadParameter,
    Params,
    boolean,
    integer,
    optional_integer,
    required_text,
)
from simulator.ecoledirecte.dates import iso

if TYPE_CHECKING:
    from simulator.ecoledirecte.simulator import EcoleDirecteSimulator

PREFIX = "/_sim/ecoledirecte"


def status(sim: EcoleDirecteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    from simulator.ecoledirecte.simulator import DEMO_ACCOUNTS  # noqa: PLC0415 - import cycle

    faults = sim.faults
    return {
        "today": iso(sim.today),
        "accounts": list(DEMO_ACCOUNTS),
        "sessions": sim.sessions.count(),
        "requests": len(sim.requests),
        "faults": {
            "latency": faults.latency,
            "next_codes": list(faults.next_codes),
            "next_http_status": list(faults.next_http_status),
            "malformed_next": faults.malformed_next,
            "ip_flagged": faults.ip_flagged,
            "strict_2fa_token": faults.strict_2fa_token,
        },
        "settings": {
            "token_ttl": sim.token_ttl,
            "min_version": sim.min_version,
            "require_gtk": sim.require_gtk,
            "require_gtk_cookie": sim.require_gtk_cookie,
            "bind_user_agent": sim.bind_user_agent,
            "rotate_tokens": sim.rotate_tokens,
        },
    }


def expire(sim: EcoleDirecteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.expire_tokens()
    return {"expired": True}


def next_code(sim: EcoleDirecteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    code = integer(params, "code")
    sim.faults.next_codes.extend([code] * optional_integer(params, "count", 1))
    return {"next_codes": list(sim.faults.next_codes)}


def next_http_status(
    sim: EcoleDirecteSimulator, params: Params, request: web.Request
) -> dict[str, Any]:
    code = integer(params, "status")
    sim.faults.next_http_status.extend([code] * optional_integer(params, "count", 1))
    return {"next_http_status": list(sim.faults.next_http_status)}


def malformed(sim: EcoleDirecteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.faults.malformed_next = optional_integer(params, "count", 1)
    return {"malformed_next": sim.faults.malformed_next}


def maintenance(sim: EcoleDirecteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.faults.maintenance_next = optional_integer(params, "count", 1)
    return {"maintenance_next": sim.faults.maintenance_next}


def lose_sessions(
    sim: EcoleDirecteSimulator, params: Params, request: web.Request
) -> dict[str, Any]:
    sim.faults.lose_sessions = optional_integer(params, "count", 1)
    return {"lose_sessions": sim.faults.lose_sessions}


def ip_flagged(sim: EcoleDirecteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.faults.ip_flagged = boolean(params, "on", True)
    return {"ip_flagged": sim.faults.ip_flagged}


def mode(sim: EcoleDirecteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    """Toggle ``strict_2fa``, ``strict_gtk``, ``gtk_cookie``, ``bind_ua``, ``rotate_tokens``."""
    sim.faults.strict_2fa_token = boolean(params, "strict_2fa", sim.faults.strict_2fa_token)
    sim.require_gtk = boolean(params, "strict_gtk", sim.require_gtk)
    sim.require_gtk_cookie = boolean(params, "gtk_cookie", sim.require_gtk_cookie)
    sim.bind_user_agent = boolean(params, "bind_ua", sim.bind_user_agent)
    sim.rotate_tokens = boolean(params, "rotate_tokens", sim.rotate_tokens)
    if params.get("token_ttl"):
        sim.token_ttl = float(integer(params, "token_ttl"))
    if params.get("min_version"):
        sim.min_version = params["min_version"]
    settings: dict[str, Any] = status(sim, params, request)["settings"]
    return settings | {"strict_2fa_token": sim.faults.strict_2fa_token}


def qcm(sim: EcoleDirecteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    username = required_text(params, "username")
    required = boolean(params, "required", True)
    try:
        sim.set_qcm_required(username, required)
    except KeyError as err:
        raise BadParameter(f"unknown user {username!r}") from err
    return {"username": username, "qcm_required": required}


def revoke_trust(
    sim: EcoleDirecteSimulator, params: Params, request: web.Request
) -> dict[str, Any]:
    username = required_text(params, "username")
    try:
        sim.revoke_trust(username)
    except KeyError as err:
        raise BadParameter(f"unknown user {username!r}") from err
    return {"username": username, "revoked": True}


def add_grade(sim: EcoleDirecteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    try:
        grade_id = sim.add_grade(
            integer(params, "student"), required_text(params, "subject"), params.get("value", "15")
        )
    except KeyError as err:
        raise BadParameter("unknown student") from err
    return {"id": grade_id}


def add_homework(
    sim: EcoleDirecteSimulator, params: Params, request: web.Request
) -> dict[str, Any]:
    try:
        due = date.fromisoformat(required_text(params, "due"))
    except ValueError as err:
        raise BadParameter("'due' must be YYYY-MM-DD") from err
    html = params.get("html") or "<p>Nouveau travail à faire.</p>"
    try:
        homework_id = sim.add_homework(
            integer(params, "student"), due, required_text(params, "subject"), html
        )
    except KeyError as err:
        raise BadParameter("unknown student") from err
    return {"id": homework_id}


POST_ACTIONS: dict[str, Action[EcoleDirecteSimulator]] = {
    "latency": control.latency,
    "expire": expire,
    "reset": control.reset,
    "next_code": next_code,
    "next_http_status": next_http_status,
    "malformed": malformed,
    "maintenance": maintenance,
    "lose_sessions": lose_sessions,
    "ip_flagged": ip_flagged,
    "mode": mode,
    "qcm": qcm,
    "revoke_trust": revoke_trust,
    "grade": add_grade,
    "homework": add_homework,
    "requests/clear": control.requests_clear,
}

GET_ACTIONS: dict[str, Action[EcoleDirecteSimulator]] = {
    "": status,
    "requests": control.requests_list(("path", "verbe")),
}


def add_control_routes(app: web.Application, sim: EcoleDirecteSimulator) -> None:
    """Mount the control surface of ``sim`` on ``app``."""
    control.mount_actions(app, PREFIX, sim, GET_ACTIONS, POST_ACTIONS)

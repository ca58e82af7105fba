"""HTTP control surface under ``/_sim/ecoledirecte/`` (never under ``/v3``).

Parameters come from the query string (a JSON object body is merged in for ``POST``).
Every endpoint answers JSON; bad parameters answer HTTP 400 ``{"error": ...}``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from simulator.ecoledirecte.dates import iso

if TYPE_CHECKING:
    from simulator.ecoledirecte.simulator import EcoleDirecteSimulator

PREFIX = "/_sim/ecoledirecte"
Params = dict[str, str]
Action = Callable[["EcoleDirecteSimulator", Params], dict[str, Any]]


class BadParameter(ValueError):
    """A control parameter is missing or invalid."""


def _get(params: Params, name: str) -> str:
    value = params.get(name)
    if value is None or value == "":
        raise BadParameter(f"missing parameter {name!r}")
    return value


def _int(params: Params, name: str) -> int:
    try:
        return int(_get(params, name))
    except ValueError as err:
        raise BadParameter(f"{name!r} must be an integer") from err


def _bool(params: Params, name: str, default: bool) -> bool:
    value = params.get(name)
    if value is None or value == "":
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def status(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
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


def latency(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    sim.faults.latency = max(0, _int(params, "ms")) / 1000
    return {"latency": sim.faults.latency}


def expire(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    sim.expire_tokens()
    return {"expired": True}


def reset(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    sim.reset()
    return {"reset": True, "today": iso(sim.today)}


def next_code(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    code = _int(params, "code")
    count = _int(params, "count") if params.get("count") else 1
    sim.faults.next_codes.extend([code] * count)
    return {"next_codes": list(sim.faults.next_codes)}


def next_http_status(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    code = _int(params, "status")
    count = _int(params, "count") if params.get("count") else 1
    sim.faults.next_http_status.extend([code] * count)
    return {"next_http_status": list(sim.faults.next_http_status)}


def malformed(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    sim.faults.malformed_next = _int(params, "count") if params.get("count") else 1
    return {"malformed_next": sim.faults.malformed_next}


def ip_flagged(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    sim.faults.ip_flagged = _bool(params, "on", True)
    return {"ip_flagged": sim.faults.ip_flagged}


def mode(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    """Toggle ``strict_2fa``, ``strict_gtk``, ``gtk_cookie``, ``bind_ua``, ``rotate_tokens``."""
    sim.faults.strict_2fa_token = _bool(params, "strict_2fa", sim.faults.strict_2fa_token)
    sim.require_gtk = _bool(params, "strict_gtk", sim.require_gtk)
    sim.require_gtk_cookie = _bool(params, "gtk_cookie", sim.require_gtk_cookie)
    sim.bind_user_agent = _bool(params, "bind_ua", sim.bind_user_agent)
    sim.rotate_tokens = _bool(params, "rotate_tokens", sim.rotate_tokens)
    if params.get("token_ttl"):
        sim.token_ttl = float(_int(params, "token_ttl"))
    if params.get("min_version"):
        sim.min_version = params["min_version"]
    settings: dict[str, Any] = status(sim, params)["settings"]
    return settings | {"strict_2fa_token": sim.faults.strict_2fa_token}


def qcm(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    username = _get(params, "username")
    required = _bool(params, "required", True)
    try:
        sim.set_qcm_required(username, required)
    except KeyError as err:
        raise BadParameter(f"unknown user {username!r}") from err
    return {"username": username, "qcm_required": required}


def revoke_trust(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    username = _get(params, "username")
    try:
        sim.revoke_trust(username)
    except KeyError as err:
        raise BadParameter(f"unknown user {username!r}") from err
    return {"username": username, "revoked": True}


def add_grade(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    try:
        grade_id = sim.add_grade(
            _int(params, "student"), _get(params, "subject"), params.get("value", "15")
        )
    except KeyError as err:
        raise BadParameter("unknown student") from err
    return {"id": grade_id}


def add_homework(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    try:
        due = date.fromisoformat(_get(params, "due"))
    except ValueError as err:
        raise BadParameter("'due' must be YYYY-MM-DD") from err
    html = params.get("html") or "<p>Nouveau travail à faire.</p>"
    try:
        homework_id = sim.add_homework(_int(params, "student"), due, _get(params, "subject"), html)
    except KeyError as err:
        raise BadParameter("unknown student") from err
    return {"id": homework_id}


def requests_list(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    return {
        "count": len(sim.requests),
        "requests": [{"path": path, "verbe": verbe} for path, verbe in sim.requests],
    }


def requests_clear(sim: EcoleDirecteSimulator, params: Params) -> dict[str, Any]:
    sim.requests.clear()
    return {"count": 0}


POST_ACTIONS: dict[str, Action] = {
    "latency": latency,
    "expire": expire,
    "reset": reset,
    "next_code": next_code,
    "next_http_status": next_http_status,
    "malformed": malformed,
    "ip_flagged": ip_flagged,
    "mode": mode,
    "qcm": qcm,
    "revoke_trust": revoke_trust,
    "grade": add_grade,
    "homework": add_homework,
    "requests/clear": requests_clear,
}

GET_ACTIONS: dict[str, Action] = {"": status, "requests": requests_list}


async def _params(request: web.Request) -> Params:
    params: Params = dict(request.query)
    if request.method == "POST" and request.can_read_body:
        try:
            body = json.loads(await request.text() or "{}")
        except ValueError:
            body = {}
        if isinstance(body, dict):
            params.update({str(k): str(v) for k, v in body.items()})
    return params


def _handler(
    sim: EcoleDirecteSimulator, action: Action
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handle(request: web.Request) -> web.StreamResponse:
        try:
            result = action(sim, await _params(request))
        except BadParameter as err:
            return web.json_response({"error": str(err)}, status=400)
        return web.json_response(result)

    return handle


def add_control_routes(app: web.Application, sim: EcoleDirecteSimulator) -> None:
    """Mount the control surface of ``sim`` on ``app``."""
    for name, action in GET_ACTIONS.items():
        app.router.add_get(f"{PREFIX}/{name}".rstrip("/"), _handler(sim, action))
    for name, action in POST_ACTIONS.items():
        app.router.add_post(f"{PREFIX}/{name}", _handler(sim, action))

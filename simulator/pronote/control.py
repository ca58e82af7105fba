"""HTTP control surface under ``/_sim/pronote/`` (never under ``/pronote``).

Parameters come from the query string (a JSON object body is merged in for ``POST``).
Every endpoint answers JSON (``qr`` with ``format=text``: plain text); bad parameters answer
HTTP 400 ``{"error": ...}``.

GET  ``/_sim/pronote``              status (settings, faults, accounts, login modes, sessions)
GET  ``/_sim/pronote/requests``     recorded ``(path, function)`` pairs
GET  ``/_sim/pronote/devices``      ``?username=`` registered device names
GET  ``/_sim/pronote/homework``     ``?student=&homework=`` done flag
GET  ``/_sim/pronote/students``     ``?space=eleve|parent`` pupil ids
POST ``/_sim/pronote/latency``      ``ms``
POST ``/_sim/pronote/expire``       expire every session
POST ``/_sim/pronote/reset``        back to the initial state
POST ``/_sim/pronote/next_error``   ``name`` (e.g. ``page_expired`` or ``page_expired:PageMenus``),
                                    optional ``count``
POST ``/_sim/pronote/requests/clear``
POST ``/_sim/pronote/mode``         any of ``envelope_scheme``, ``challenge_variant``,
                                    ``page_layout``, ``encrypt``, ``compress``,
                                    ``strict_challenge``, ``hide_averages``, ``cas``,
                                    ``ip_suspended``, ``site_closed``, ``lose_sessions``,
                                    ``session_ttl``,
                                    ``version``, ``ent_family`` (cas, educonnect,
                                    hub_educonnect, open_ent_ng, cas_educonnect, wayf,
                                    keycloak, antibot or none), ``ent_hub_trusts_service``,
                                    ``ent_local_accounts``, ``ent_educonnect_accounts``,
                                    ``ent_keycloak_otp``
POST ``/_sim/pronote/twofa``        ``username``, ``mode`` (off|pin|notification) or
                                    ``required`` (bool)
POST ``/_sim/pronote/qr``           ``space`` (eleve|parent), ``username`` (``demo.qr``): QR JSON
                                    + PIN; ``format=text``: the QR code's text on one line,
                                    its PIN on the next (ready to paste in Home Assistant)
POST ``/_sim/pronote/revoke_tokens`` ``username``
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from aiohttp import web

from simulator import control
from simulator.control import Action, BadParameter, Params, boolean, integer, required_text
from simulator.pronote import auth, bootstrap, envelope
from simulator.pronote.ent.families import FAMILIES
from simulator.pronote.faults import check_error
from simulator.pronote.fixtures.logins import DEMO_USERNAME, QR_DEMO_USERNAME

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

PREFIX = "/_sim/pronote"
ENT_SWITCHES = ("hub_trusts_service", "local_accounts", "educonnect_accounts", "keycloak_otp")


def _choice(params: Params, name: str, current: str, allowed: tuple[str, ...]) -> str:
    value = params.get(name)
    if not value:
        return current
    if value not in allowed:
        raise BadParameter(f"{name!r} must be one of {list(allowed)}")
    return value


def settings(sim: PronoteSimulator) -> dict[str, Any]:
    return {
        "envelope_scheme": sim.envelope_scheme,
        "challenge_variant": sim.challenge_variant,
        "strict_challenge": sim.strict_challenge,
        "page_layout": sim.page_layout,
        "encrypt": sim.encrypt,
        "compress": sim.compress,
        "hide_averages": sim.hide_averages,
        "cas": sim.cas_enabled,
        "ent_family": sim.ent_family,
        **{f"ent_{name}": getattr(sim.ent, name) for name in ENT_SWITCHES},
        "session_ttl": sim.session_ttl,
        "version": sim.version,
        "ip_suspended": sim.ip_suspended,
        "site_closed": sim.faults.site_closed,
    }


def status(sim: PronoteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    from simulator.pronote.simulator import (  # noqa: PLC0415 - import cycle
        DEMO_ACCOUNTS,
        DEMO_LOGIN_MODES,
    )

    faults = sim.faults
    return {
        "today": sim.today.isoformat(),
        "accounts": list(DEMO_ACCOUNTS),
        "login_modes": list(DEMO_LOGIN_MODES),
        "pin": sim.pin(DEMO_USERNAME),
        "sessions": sim.sessions.count(),
        "requests": len(sim.requests),
        "settings": settings(sim),
        "faults": {
            "latency": faults.latency,
            "next_errors": list(faults.next_errors),
            "ip_suspended": sim.ip_suspended,
            "site_closed": faults.site_closed,
            "login_failures": sim.login_failures,
        },
    }


def expire(sim: PronoteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.expire_sessions()
    return {"expired": True}


def _ent_mode(sim: PronoteSimulator, params: Params) -> None:
    """``ent_family`` (``none`` removes it) and the ``ent_<switch>`` booleans."""
    if params.get("ent_family") == "none":
        sim.ent_family = ""
    else:
        sim.ent_family = _choice(params, "ent_family", sim.ent_family, FAMILIES[1:])
    for name in ENT_SWITCHES:
        setattr(sim.ent, name, boolean(params, f"ent_{name}", getattr(sim.ent, name)))


def mode(sim: PronoteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    sim.envelope_scheme = _choice(params, "envelope_scheme", sim.envelope_scheme, envelope.SCHEMES)
    sim.challenge_variant = _choice(
        params, "challenge_variant", sim.challenge_variant, auth.CHALLENGE_VARIANTS
    )
    sim.page_layout = _choice(params, "page_layout", sim.page_layout, bootstrap.LAYOUTS)
    sim.encrypt = boolean(params, "encrypt", sim.encrypt)
    sim.compress = boolean(params, "compress", sim.compress)
    sim.strict_challenge = boolean(params, "strict_challenge", sim.strict_challenge)
    sim.hide_averages = boolean(params, "hide_averages", sim.hide_averages)
    sim.cas_enabled = boolean(params, "cas", sim.cas_enabled)
    _ent_mode(sim, params)
    sim.faults.ip_suspended = boolean(params, "ip_suspended", sim.faults.ip_suspended)
    if not sim.faults.ip_suspended:
        sim.suspended_until = 0.0
    sim.faults.site_closed = boolean(params, "site_closed", sim.faults.site_closed)
    if params.get("lose_sessions"):
        sim.faults.lose_sessions = max(0, integer(params, "lose_sessions"))
    if params.get("session_ttl"):
        sim.session_ttl = float(integer(params, "session_ttl"))
    if "version" in params:
        sim.version_override = params["version"]
    return settings(sim)


def twofa(sim: PronoteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    username = required_text(params, "username")
    wanted = params.get("mode") or ("pin" if boolean(params, "required", True) else "off")
    try:
        sim.set_2fa_mode(username, wanted)
    except KeyError as err:
        raise BadParameter(f"unknown user {username!r}") from err
    except ValueError as err:
        raise BadParameter("'mode' must be off, pin or notification") from err
    return {"username": username, "mode": wanted, "pin": sim.pin(username)}


def devices(sim: PronoteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    username = params.get("username") or DEMO_USERNAME
    try:
        return {"username": username, "devices": sim.registered_devices(username)}
    except KeyError as err:
        raise BadParameter(f"unknown user {username!r}") from err


def qr(sim: PronoteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    space = params.get("space") or "eleve"
    username = params.get("username") or QR_DEMO_USERNAME
    try:
        payload, pin = sim.qr_login(
            space, username=username, base_url=sim.base_url or str(request.url.origin())
        )
    except (KeyError, ValueError) as err:
        raise BadParameter(f"unknown account {username!r} in space {space!r}") from err
    return {"qr": payload, "pin": pin}


def qr_text(answer: dict[str, Any]) -> str:
    """The QR code's text (what a phone reads from it) on one line, its PIN on the next."""
    qr_code = json.dumps(answer["qr"], separators=(",", ":"))
    return f"{qr_code}\n{answer['pin']}\n"


def revoke_tokens(sim: PronoteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    username = required_text(params, "username")
    try:
        sim.revoke_tokens(username)
    except KeyError as err:
        raise BadParameter(f"unknown user {username!r}") from err
    return {"username": username, "revoked": True}


def homework(sim: PronoteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    student, work = required_text(params, "student"), required_text(params, "homework")
    try:
        return {"student": student, "homework": work, "done": sim.homework_done(student, work)}
    except KeyError as err:
        raise BadParameter("unknown student or homework") from err


def students(sim: PronoteSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    space = params.get("space") or "eleve"
    try:
        ids = sim.student_ids(space)
    except KeyError as err:
        raise BadParameter(f"unknown space {space!r}") from err
    return {"space": space, "students": [{"id": i, "name": sim.student(i).name} for i in ids]}


POST_ACTIONS: dict[str, Action[PronoteSimulator]] = {
    "latency": control.latency,
    "expire": expire,
    "reset": control.reset,
    "next_error": control.next_error(check_error),
    "mode": mode,
    "twofa": twofa,
    "revoke_tokens": revoke_tokens,
    "requests/clear": control.requests_clear,
}

GET_ACTIONS: dict[str, Action[PronoteSimulator]] = {
    "": status,
    "requests": control.requests_list(("path", "function")),
    "devices": devices,
    "homework": homework,
    "students": students,
}


def add_control_routes(app: web.Application, sim: PronoteSimulator) -> None:
    """Mount the control surface of ``sim`` on ``app``."""
    control.mount_actions(app, PREFIX, sim, GET_ACTIONS, POST_ACTIONS)
    qr_handler = control.control_handler(lambda params, request: qr(sim, params, request), qr_text)
    control.mount_controls(app, PREFIX, {}, {"qr": qr_handler})

"""``/v3`` routing: path matching, faults, token/scope checks and response rendering."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
import re
from typing import TYPE_CHECKING

from aiohttp import web

from simulator.ecoledirecte import auth, endpoints
from simulator.ecoledirecte.codec import (
    JSON_CONTENT_TYPE,
    BodyFormatError,
    dumps,
    envelope,
    login_error_data,
    parse_body,
    parse_version,
)
from simulator.ecoledirecte.protocol import Call, Reply
from simulator.ecoledirecte.state import TokenStatus

if TYPE_CHECKING:
    from simulator.ecoledirecte.simulator import EcoleDirecteSimulator

Handler = Callable[[Call], Reply]

STUDENT = "student"  # {id} must be a pupil reachable with the token
MAILBOX = "mailbox"  # {owner}/{id}: a reachable pupil, or the active family account


@dataclass(frozen=True)
class Route:
    """One endpoint: a regex on the normalised path (lower case, no ``/v3/``, no ``.awp``)."""

    pattern: re.Pattern[str]
    handler: Handler
    verbes: frozenset[str] = frozenset({"get"})
    authenticated: bool = True
    scope: str = ""


def _route(
    regex: str,
    handler: Handler,
    verbes: tuple[str, ...] = ("get",),
    *,
    authenticated: bool = True,
    scope: str = "",
) -> Route:
    return Route(re.compile(regex), handler, frozenset(verbes), authenticated, scope)


_ID = r"(?P<id>\d+)"
_OWNER = r"(?P<owner>eleves|familles)"

ROUTES: tuple[Route, ...] = (
    _route(r"login", auth.login, ("", "post", "get"), authenticated=False),
    _route(r"connexion/doubleauth", auth.doubleauth, ("get", "post"), authenticated=False),
    _route(r"renewtoken", auth.renewtoken, ("post", "")),
    _route(rf"eleves/{_ID}/notes", endpoints.notes, scope=STUDENT),
    _route(rf"eleves/{_ID}/cahierdetexte", endpoints.homework_list, ("get", "put"), scope=STUDENT),
    _route(rf"eleves/{_ID}/cahierdetexte/(?P<date>[^/]+)", endpoints.homework_day, scope=STUDENT),
    _route(rf"e/{_ID}/emploidutemps", endpoints.timetable, scope=STUDENT),
    _route(rf"eleves/{_ID}/viescolaire", endpoints.school_life, scope=STUDENT),
    _route(rf"{_OWNER}/{_ID}/messages", endpoints.messages, ("get", "getall"), scope=MAILBOX),
    _route(rf"{_OWNER}/{_ID}/messages/(?P<mid>\d+)", endpoints.message_detail, scope=MAILBOX),
    _route(r"elevesdocuments", endpoints.documents),
    _route(r"telechargement", endpoints.download, ("get", "post", "")),
    _route(r"menusrestaurationscolaire", endpoints.menus),
    _route(r"comptes/sansdetails", endpoints.wallets),
    _route(r"comptes/detail", endpoints.wallets_detail),
    _route(rf"eleves/{_ID}/timeline", endpoints.timeline, scope=STUDENT),
    _route(rf"e/{_ID}/timelineaccueilcommun", endpoints.postits, scope=STUDENT),
    _route(rf"e/{_ID}/espacestravail", endpoints.workspaces, scope=STUDENT),
    _route(rf"eleves/{_ID}/visios", endpoints.empty_list, scope=STUDENT),
    _route(rf"eleves/{_ID}/elevecarnetcorrespondance", endpoints.correspondence, scope=STUDENT),
    _route(r"edforms", endpoints.empty_list, ("list", "get")),
    _route(r"rdt/sondages", endpoints.empty_list, ("get", "post", "")),
)


def normalise(path: str) -> str:
    """``/v3/Eleves/12/notes.awp`` -> ``eleves/12/notes``."""
    lowered = path.lower()
    if lowered.startswith("/v3"):
        lowered = lowered[3:]
    lowered = lowered.strip("/")
    if lowered.endswith(".awp"):
        lowered = lowered[: -len(".awp")]
    return lowered


def match(path: str) -> tuple[Route, dict[str, str]] | None:
    normalised = normalise(path)
    for route in ROUTES:
        found = route.pattern.fullmatch(normalised)
        if found:
            return route, {k: v for k, v in found.groupdict().items() if v is not None}
    return None


MAINTENANCE_NOTICE = "EcoleDirecte est en maintenance. Merci de réessayer plus tard."
HTML_TITLES = {
    200: "EcoleDirecte - Maintenance",
    403: "403 Forbidden",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    500: "500 Internal Server Error",
    502: "502 Bad Gateway",
    503: "503 Service Unavailable",
    504: "504 Gateway Timeout",
}


def html_error(status: int, detail: str = "") -> web.Response:
    title = HTML_TITLES.get(status, f"{status} Error")
    text = (
        f"<!DOCTYPE html><html><head><title>{title}</title></head>"
        f"<body><h1>{title}</h1><p>{detail}</p><hr><address>HTTPSIM</address></body></html>"
    )
    return web.Response(status=status, text=text, content_type="text/html", charset="utf-8")


def render(reply: Reply, *, malformed: bool = False) -> web.Response:
    """Turn a :class:`Reply` into the HTTP response (JSON envelope or raw bytes)."""
    token = reply.token or ""
    headers = dict(reply.headers)
    if token:
        headers["X-Token"] = token
    if reply.raw is not None:
        headers["X-Code"] = str(reply.code)
        if reply.filename:
            headers["Content-Disposition"] = f'attachment; filename="{reply.filename}"'
        response = web.Response(body=reply.raw, headers=headers, content_type=reply.content_type)
    else:
        text = dumps(envelope(reply.code, token=token, data=reply.data, message=reply.message))
        if malformed:
            text = text[: max(1, len(text) // 2)]
        headers["Content-Type"] = JSON_CONTENT_TYPE
        response = web.Response(text=text, headers=headers)
    for name, value in reply.cookies.items():
        response.set_cookie(name, value, path="/")
    return response


def _forced(call: Call, route: Route, code: int) -> Reply:
    """Answer a code injected through ``faults.next_codes``."""
    sim = call.sim
    if code == 250 and route.handler is auth.login:
        call.forced_qcm = True
        return auth.login(call)
    if code == 525:
        sim.sessions.expire(call.token)
    elif code == 520:
        sim.sessions.invalidate(call.token)
    data = login_error_data() if route.handler is auth.login and code == 505 else None
    token = call.token if code in (200, 210) else ""
    return Reply(code=code, data=data, token=token)


def _authorise(call: Call, route: Route) -> Reply | None:
    """Token validity (520/525), optional UA binding, then scope (210)."""
    sim = call.sim
    status, session = sim.sessions.lookup(call.token, sim.token_ttl)
    if status is TokenStatus.EXPIRED:
        return Reply(code=525, token="")
    if session is None or session.temporary:
        return Reply(code=520, token="")
    if sim.bind_user_agent and session.user_agent != call.header("User-Agent"):
        return Reply(code=520, token="")
    if sim.faults.take_lost_session():
        sim.sessions.invalidate(call.token)
        return Reply(code=520, token="")
    call.session = session
    if route.scope and not _in_scope(call, route):
        return Reply(code=210, data=None)
    return None


def _in_scope(call: Call, route: Route) -> bool:
    target = int(call.params["id"])
    if route.scope == MAILBOX and call.params["owner"] == "familles":
        return call.account.kind == "1" and call.account.id == target
    return target in call.account.student_ids


def _version_ok(sim: EcoleDirecteSimulator, request: web.Request) -> bool:
    raw = request.query.get("v")
    if raw is None:
        return True
    version = parse_version(raw)
    minimum = parse_version(sim.min_version) or (0,)
    return version is not None and version >= minimum


async def _serve(sim: EcoleDirecteSimulator, request: web.Request) -> tuple[Reply, bool]:
    """Return the reply and whether it may be malformed by a fault."""
    verbe = request.query.get("verbe", "").lower()
    found = match(request.path)
    if found is None:
        return Reply(code=404, message="Ressource introuvable (simulateur)", token=""), True
    route, params = found
    is_gtk = route.handler is auth.login and request.query.get("gtk", "") not in ("", "0")
    if request.method != "POST" and not is_gtk:
        raise web.HTTPMethodNotAllowed(request.method, ["POST"])
    call = Call(sim=sim, request=request, verbe=verbe, params=params, body=None)
    if is_gtk:  # exempt from the version check so that 517 surfaces on the login itself
        return auth.gtk(call), False
    if not _version_ok(sim, request):
        return Reply(code=517, token=""), True
    raw = await request.text()
    forced = sim.faults.pop_code()
    try:
        call.body = parse_body(raw)
    except BodyFormatError:
        if forced is None:
            return Reply(code=522, token=""), True
    if forced is not None:
        return _forced(call, route, forced), True
    if verbe not in route.verbes and not (verbe == "" and "get" in route.verbes):
        return Reply(code=225, token=""), True
    if route.authenticated:
        denied = _authorise(call, route)
        if denied is not None:
            if denied.code == 210 and call.session is not None:
                denied.token = call.session.token
            return denied, True
    reply = route.handler(call)
    session = call.session
    if session is not None and not session.temporary and reply.token is None:
        sim.sessions.touch(session)
        if sim.rotate_tokens and reply.code in (200, 210):
            sim.sessions.rotate(session)
        reply.token = session.token if reply.code in (200, 210) else ""
    return reply, True


async def handle_v3(sim: EcoleDirecteSimulator, request: web.Request) -> web.StreamResponse:
    """Serve one ``/v3`` request, applying the configured faults."""
    sim.requests.append((request.path, request.query.get("verbe", "")))
    faults = sim.faults
    sim.in_flight += 1
    sim.most_in_flight = max(sim.most_in_flight, sim.in_flight)
    try:
        if faults.latency > 0:
            await asyncio.sleep(faults.latency)
    finally:
        sim.in_flight -= 1
    if faults.ip_flagged:
        return html_error(403, "Votre adresse IP a été bloquée.")
    status = faults.pop_http_status()
    if status is not None:
        return html_error(status, "Le service est momentanément indisponible.")
    if faults.take_maintenance():
        return html_error(200, MAINTENANCE_NOTICE)
    try:
        reply, may_break = await _serve(sim, request)
    except web.HTTPMethodNotAllowed:
        return html_error(405)
    return render(reply, malformed=may_break and reply.raw is None and faults.take_malformed())

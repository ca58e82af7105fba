"""``/pronote/...`` routing: space pages, ``appelfonction``, files, instance info, CAS, ENTs."""

from __future__ import annotations

import asyncio
import json
import re
import secrets
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiohttp import web

from simulator.pronote import bootstrap, cas, envelope
from simulator.pronote.crypto import CryptoError, decrypt_lenient, unhex
from simulator.pronote.ent.families import ANTIBOT, ENTRY_PATHS, active_family
from simulator.pronote.ent.router import ENT_ROOT, handle_ent
from simulator.pronote.errors import (
    ACCESS_DENIED,
    EXPIRED_OBJECT,
    PAGE_EXPIRED,
    SESSION_EXPIRED,
    TOO_MANY_ATTEMPTS,
    UNAVAILABLE,
    PronoteError,
    Refusal,
    too_many_attempts_title,
)
from simulator.pronote.faults import PAGE_ERRORS
from simulator.pronote.fixtures.models import Attachment
from simulator.pronote.functions import FUNCTIONS
from simulator.pronote.functions.parametres import ALLOWED_TABS
from simulator.pronote.protocol import Call, Function, Json
from simulator.pronote.session import Phase, Session
from simulator.pronote.spaces import ROOT, SPACES

if TYPE_CHECKING:
    from simulator.pronote.simulator import PronoteSimulator

PAGE = re.compile(r"^/pronote/(?P<page>[A-Za-z.]+\.html)$")
CALL = re.compile(r"^/pronote/appelfonction/(?P<a>\d+)/(?P<h>\d+)/(?P<no>[0-9A-Fa-f]+)$")
FILE = re.compile(r"^/pronote/FichiersExternes/(?P<blob>[0-9A-Fa-f]+)/(?P<name>[^/]+)$")
INFO = re.compile(r"^/pronote/infomobileapp\.json$", re.IGNORECASE)

FAULT_ERRORS: dict[str, tuple[int, bool]] = {
    "session_expired": (SESSION_EXPIRED, True),
    "page_expired": (PAGE_EXPIRED, True),
    "access_denied": (ACCESS_DENIED, False),
    "unavailable": (UNAVAILABLE, False),
    "expired_object": (EXPIRED_OBJECT, False),
}


def redirect(location: str) -> web.Response:
    return web.Response(status=302, headers={"Location": location})


def html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


def error_json(error: PronoteError) -> web.Response:
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    return web.json_response(error.body(), headers=headers)


def page_fault(kind: str) -> web.Response:
    """The response of a page-level fault (HTML page or HTTP error)."""
    if kind.startswith("http_"):
        status = int(kind.removeprefix("http_"))
        return html(f"<html><body><h1>{status}</h1></body></html>", status)
    return html(bootstrap.error_page(kind))


def _persistent_fault(sim: PronoteSimulator) -> str | None:
    if sim.ip_suspended:
        return "ip_suspended"
    if sim.faults.site_closed:
        return "site_closed"
    return None


async def space_page(sim: PronoteSimulator, request: web.Request, page: str) -> web.Response:
    """Create a session and serve the bootstrap page (after the CAS dance when enabled)."""
    space = SPACES.get(page.lower())
    if space is None:
        return html("<html><body><p>Espace non disponible.</p></body></html>", 404)
    sim.requests.append((space.path, "page"))
    fault = sim.faults.take(function=None) or _persistent_fault(sim)
    if fault is not None:
        return page_fault(fault)
    ent_login = ""
    ticket = request.query.get("ticket")
    family = active_family(sim)
    if family == ANTIBOT and not sim.ent.antibot.passes(request):
        return html(sim.ent.antibot.page())
    if family and request.query.get("login", "").lower() != "true":
        username = sim.cas.redeem(ticket, space.page, sim.clock()) if ticket else None
        if username is None:
            service = str(request.url.with_query(None))
            return redirect(f"{ENTRY_PATHS[family]}?service={quote(service, safe='')}")
        ent_login = username
    session = sim.sessions.create(space, space.path)
    if ent_login:
        session.ent_login = ent_login
        session.ent_secret = secrets.token_hex(16).upper()
    params = bootstrap.StartParams(
        h=session.h,
        a=space.number,
        legacy_flags=sim.envelope_scheme == envelope.LEGACY,
        encrypt=sim.encrypt,
        compress=sim.compress,
        ent_login=session.ent_login,
        ent_secret=session.ent_secret,
    )
    return html(
        bootstrap.space_page(
            params,
            layout=sim.page_layout,
            school=sim.world.school.name,
            title=space.title,
            version=sim.version,
        )
    )


def _check_order(session: Session, url_no: str, body_no: Any) -> None:
    """The order number must be the next expected one, identical in the URL and the body."""
    same = isinstance(body_no, str) and body_no.lower() == url_no.lower()
    number = envelope.decode_order(session.cipher, url_no) if same else None
    if number != session.expected_order:
        session.dead_code = PAGE_EXPIRED
        raise PronoteError(PAGE_EXPIRED, kill=True)


def _apply_fault(sim: PronoteSimulator, fault: str, session: Session) -> None:
    if fault == "too_many_attempts":
        seconds = int(sim.lockout_seconds)
        raise PronoteError(TOO_MANY_ATTEMPTS, too_many_attempts_title(seconds), retry_after=seconds)
    code, kill = FAULT_ERRORS[fault]
    if kill:
        session.dead_code = code
    raise PronoteError(code, kill=kill)


def _run(function: Function, call: Call) -> Json:
    if function.students_only and call.account.is_parent:
        raise Refusal("Vous n'avez pas les droits pour effectuer cette modification.")
    return function.handler(call)


def _dispatch(
    sim: PronoteSimulator, session: Session, name: str, raw: Any, fault: str | None
) -> Json:
    """Run the function and return the decoded response payload."""
    function = FUNCTIONS.get(name)
    if function is None or (function.legacy_only and sim.envelope_scheme != envelope.LEGACY):
        raise PronoteError(UNAVAILABLE)
    if session.phase not in function.phases:
        raise PronoteError(ACCESS_DENIED)
    try:
        payload = envelope.decode_request_payload(
            raw, session.cipher, encrypt=sim.encrypt, compress=sim.compress
        )
    except envelope.EnvelopeError as err:
        raise PronoteError(UNAVAILABLE) from err
    data, signature = envelope.split_payload(payload)
    call = Call(sim, session, name, data, signature, fault)
    onglet = call.onglet
    if (
        function.tabs
        and onglet is not None
        and (onglet not in function.tabs or onglet not in ALLOWED_TABS)
    ):
        raise PronoteError(ACCESS_DENIED)
    result: Json = {}
    if sim.envelope_scheme == envelope.LEGACY:
        result["nom"] = name
    try:
        result["data"] = _run(function, call)
    except Refusal as refusal:
        result["Signature"] = {"Erreur": True, "MessageErreur": refusal.message}
        result["data"] = {}
    return result


def _serve_call(
    sim: PronoteSimulator,
    session: Session,
    body: Json,
    numbers: tuple[str, str, Any],
    raw: Any,
    fault: str | None,
) -> tuple[int, Json]:
    """Check session, space and order number, apply faults, run the function."""
    a, url_no, body_no = numbers
    name = str(body.get(envelope.scheme(sim.envelope_scheme).function))
    if session.dead_code:
        raise PronoteError(session.dead_code)
    if int(a) != session.space.number or body.get("session") != session.number:
        raise PronoteError(UNAVAILABLE)
    _check_order(session, url_no, body_no)
    reply_number = session.expected_order + 1
    session.expected_order += 2
    sim.sessions.touch(session)
    if fault is not None and fault != "bad_challenge":
        _apply_fault(sim, fault, session)
    return reply_number, _dispatch(sim, session, name, raw, fault)


async def appelfonction(
    sim: PronoteSimulator, request: web.Request, a: str, h: str, url_no: str
) -> web.Response:
    """One ``POST <root>/appelfonction/<a>/<h>/<no>`` (Pronote protocol §2.1-2.6, 10.1)."""
    scheme = envelope.scheme(sim.envelope_scheme)
    session = sim.sessions.get(h, sim.session_ttl)
    try:
        body = json.loads(await request.text())
        name, body_no, raw = scheme.fields(body if isinstance(body, dict) else {})
    except (ValueError, envelope.EnvelopeError):
        sim.requests.append((session.path if session else request.path, ""))
        return error_json(PronoteError(UNAVAILABLE))
    sim.requests.append((session.path if session else request.path, name))
    fault = sim.faults.take(function=name)
    if fault is not None and fault in PAGE_ERRORS:
        return page_fault(fault)
    persistent = _persistent_fault(sim)
    if persistent is not None:
        return page_fault(persistent)
    if session is None:
        return error_json(PronoteError(SESSION_EXPIRED))
    if session.account is not None and sim.faults.take_lost_session():
        session.dead_code = SESSION_EXPIRED
    truncate = fault == "truncated"
    if truncate:
        fault = None
    try:
        reply_number, payload = _serve_call(sim, session, body, (a, url_no, body_no), raw, fault)
    except PronoteError as error:
        if error.kill:
            session.dead_code = session.dead_code or error.code
        return error_json(error)
    reply_no = envelope.encode_order(session.cipher, reply_number)
    data_sec = envelope.encode_response_payload(
        payload, session.cipher, encrypt=sim.encrypt, compress=sim.compress
    )
    if session.next_cipher is not None:
        session.cipher, session.next_cipher = session.next_cipher, None
    response = web.json_response(
        {
            "session": session.number,
            scheme.order: reply_no,
            scheme.function: name,
            scheme.payload: data_sec,
        }
    )
    return _truncated(response) if truncate else response


def _truncated(response: web.Response) -> web.Response:
    """The same answer cut in the middle, as a dropped connection leaves it."""
    body = response.body if isinstance(response.body, bytes) else b""
    return web.Response(body=body[: len(body) // 2], content_type=response.content_type)


def _attachments(sim: PronoteSimulator, session: Session) -> list[Attachment]:
    account = session.account
    if account is None:
        return []
    found: list[Attachment] = []
    for news in account.news:
        found.extend(news.attachments)
    for student_id in account.student_ids:
        student = sim.world.students[student_id]
        for work in student.homework:
            found.extend(work.attachments)
        for lesson in student.lessons:
            if lesson.content is not None:
                found.extend(lesson.content.attachments)
    return found


async def external_file(
    sim: PronoteSimulator, request: web.Request, blob: str
) -> web.StreamResponse:
    """``FichiersExternes/<hex(AES({"N":id,"Actif":true}))>/<name>?Session=<h>``."""
    session = sim.sessions.get(request.query.get("Session", ""), sim.session_ttl)
    sim.requests.append((session.path if session else request.path, "FichiersExternes"))
    if session is None or session.dead_code or session.phase is not Phase.AUTHENTICATED:
        raise web.HTTPNotFound()
    try:
        reference = json.loads(decrypt_lenient(session.cipher, unhex(blob)).decode())
    except (CryptoError, UnicodeDecodeError, ValueError) as err:
        raise web.HTTPNotFound() from err
    wanted = reference.get("N") if isinstance(reference, dict) else None
    for attachment in _attachments(sim, session):
        if attachment.id == wanted and attachment.kind == 1:
            return web.Response(
                body=attachment.content,
                content_type="application/pdf",
                headers={"Content-Disposition": f'attachment; filename="{attachment.name}"'},
            )
    raise web.HTTPNotFound()


def instance_info(sim: PronoteSimulator, request: web.Request) -> web.Response:
    """Public ``infoMobileApp.json`` (space list, version, CAS)."""
    version = [int(part) for part in sim.version.split(".")]
    origin = str(request.url.origin())
    family = active_family(sim)
    return web.json_response(
        {
            "nomEtab": sim.world.school.name,
            "version": version,
            "date": sim.world.today.strftime("%d/%m/%Y"),
            "espaces": [
                {"nom": space.title, "URL": space.page}
                for space in SPACES.values()
                if not space.mobile
            ],
            "CAS": {
                "actif": bool(family),
                "casURL": f"{origin}{ENTRY_PATHS[family]}" if family else "",
                "jetonCAS": "",
            },
        }
    )


async def cas_login(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    """GET shows the form (or redirects when already logged in); POST checks credentials."""
    sim.requests.append((f"{cas.CAS_PATH}/login", "cas"))
    service = request.query.get("service", "")
    page = cas.service_page(service) if service else None
    action = str(request.rel_url)
    now = sim.clock()
    if request.method == "POST":
        form = await request.post()
        if not sim.cas.use_execution(str(form.get("execution", ""))):
            return html(cas.login_form(action, sim.cas.new_execution(), "Session expirée."), 401)
        username = str(form.get("username", "")).strip()
        password = str(form.get("password", ""))
        accounts = sim.world.accounts_of(username)
        if not accounts or accounts[0].password != password:
            error = "Identifiant ou mot de passe incorrect."
            return html(cas.login_form(action, sim.cas.new_execution(), error), 401)
        tgc = sim.cas.grant(accounts[0].username)
        if page is not None:
            ticket = sim.cas.issue(accounts[0].username, page, now)
            response = redirect(cas.with_ticket(service, ticket))
        else:
            response = html(cas.success_page())
        response.set_cookie(cas.COOKIE, tgc, path=cas.CAS_PATH, httponly=True)
        return response
    known = sim.cas.user_of(request.cookies.get(cas.COOKIE))
    if known is not None and page is not None:
        return redirect(cas.with_ticket(service, sim.cas.issue(known, page, now)))
    return html(cas.login_form(action, sim.cas.new_execution()))


async def cas_logout(sim: PronoteSimulator, request: web.Request) -> web.Response:
    sim.cas.logout(request.cookies.get(cas.COOKIE))
    response = html(cas.success_page().replace("Connexion réussie", "Déconnexion réussie"))
    response.del_cookie(cas.COOKIE, path=cas.CAS_PATH)
    return response


def index(sim: PronoteSimulator) -> web.Response:
    links = [(space.page, space.title) for space in SPACES.values() if not space.mobile]
    return html(bootstrap.index_page(links, sim.world.school.name))


async def handle_pronote(sim: PronoteSimulator, request: web.Request) -> web.StreamResponse:
    """Serve one ``/pronote/...`` request, applying latency and faults."""
    if sim.faults.latency > 0:
        await asyncio.sleep(sim.faults.latency)
    sim.note_origin(str(request.url.origin()))
    path = request.path
    if request.method == "GET":
        if (found := PAGE.match(path)) is not None:
            return await space_page(sim, request, found.group("page"))
        if (found := FILE.match(path)) is not None:
            return await external_file(sim, request, found.group("blob"))
        if INFO.match(path):
            return instance_info(sim, request)
        if path.rstrip("/") == ROOT:
            return index(sim)
    if request.method == "POST" and (found := CALL.match(path)) is not None:
        return await appelfonction(sim, request, found["a"], found["h"], found["no"])
    if path.startswith(f"{ENT_ROOT}/"):
        return await handle_ent(sim, request)
    if path == f"{cas.CAS_PATH}/login" and request.method in ("GET", "POST"):
        return await cas_login(sim, request)
    if path == f"{cas.CAS_PATH}/logout":
        return await cas_logout(sim, request)
    raise web.HTTPNotFound()

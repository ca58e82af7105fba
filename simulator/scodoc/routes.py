"""``/ScoDoc/...`` dispatch: API roots, tokens, Bearer auth, permissions and the route table."""

from __future__ import annotations

import asyncio
import base64
import binascii
from collections.abc import Callable
import re
from typing import TYPE_CHECKING

from aiohttp import web

from simulator.scodoc import (
    api_attendance as attendance,
    api_bulletins as bulletins,
    api_departments as departments,
    api_evaluations as evaluations,
    api_semesters as semesters,
    api_students as students,
    responses,
)
from simulator.scodoc.call import ApiBadRequest, ApiNotFound, Call
from simulator.scodoc.scope import Scope
from simulator.scodoc.users import USERS

if TYPE_CHECKING:
    from simulator.scodoc.simulator import ScoDocSimulator

ROOT = "/ScoDoc"
LOGIN_PATH = "/ScoDoc/auth/login"
_API_PATH = re.compile(r"^/ScoDoc/(?:(?P<dept>[^/]+)/)?api/(?P<rest>.*)$")
_CODE = r"(?P<code_type>[^/]+)/(?P<code>[^/]+)"
Handler = Callable[[Call], web.Response]

ROUTES: tuple[tuple[re.Pattern[str], Handler], ...] = tuple(
    (re.compile(f"^{pattern}$"), handler)
    for pattern, handler in (
        (r"departements", departments.departements),
        (r"departements_ids", departments.departements_ids),
        (r"departement/id/(?P<dept_id>\d+)", departments.departement),
        (r"departement/id/(?P<dept_id>\d+)/etudiants", departments.departement_etudiants),
        (r"departement/(?P<acronym>[^/]+)", departments.departement),
        (r"departement/(?P<acronym>[^/]+)/etudiants", departments.departement_etudiants),
        (
            r"departement/(?P<acronym>[^/]+)/formsemestres_courants",
            departments.formsemestres_courants,
        ),
        (r"etudiants/courants(?:/long)?", students.etudiants_courants),
        (r"etudiants/name/(?P<name>[^/]+)", students.etudiants_name),
        (rf"etudiants/{_CODE}", students.etudiants),
        (
            r"etudiant/etudid/(?P<etudid>\d+)/formsemestre/(?P<formsemestre_id>\d+)/groups",
            students.student_groups,
        ),
        (
            rf"etudiant/{_CODE}/formsemestre/(?P<formsemestre_id>\d+)/bulletin"
            r"(?:/(?P<version>short|selectedevals|long|butcourt))?(?:/(?P<pdf>pdf))?(?:/nosig)?",
            bulletins.bulletin,
        ),
        (rf"etudiant/{_CODE}/formsemestres", students.etudiant_formsemestres),
        (rf"etudiant/{_CODE}/photo", students.photo),
        (rf"etudiant/{_CODE}", students.etudiant),
        (r"formsemestres/query", semesters.formsemestres_query),
        (r"formsemestre/(?P<formsemestre_id>\d+)", semesters.formsemestre),
        (r"formsemestre/(?P<formsemestre_id>\d+)/programme", semesters.semester_programme),
        (r"formsemestre/(?P<formsemestre_id>\d+)/partitions", semesters.partitions),
        (
            r"formsemestre/(?P<formsemestre_id>\d+)/etudiants(?:/long)?(?:/query)?",
            semesters.semester_students,
        ),
        (r"partition/(?P<partition_id>\d+)", semesters.partition),
        (r"group/(?P<group_id>\d+)/etudiants(?:/query)?", semesters.group_students),
        (r"moduleimpl/(?P<moduleimpl_id>\d+)", evaluations.moduleimpl),
        (r"moduleimpl/(?P<moduleimpl_id>\d+)/evaluations", evaluations.moduleimpl_evaluations),
        (r"evaluation/(?P<evaluation_id>\d+)", evaluations.evaluation),
        (r"evaluation/(?P<evaluation_id>\d+)/notes", evaluations.evaluation_notes),
        (
            r"assiduites/formsemestre/(?P<formsemestre_id>\d+)(?:/query)?",
            attendance.assiduites_semester,
        ),
        (rf"assiduites/{_CODE}/count(?:/query)?", attendance.assiduites_count),
        (rf"assiduites/{_CODE}(?:/query)?", attendance.assiduites),
        (rf"justificatifs/{_CODE}(?:/query)?", attendance.justificatifs),
    )
)


def _basic_user(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        username, _, password = base64.b64decode(encoded.strip()).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user = USERS.get(username)
    return username if user is not None and user.password == password else None


def _bearer(request: web.Request) -> str:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" else ""


def _tokens(sim: ScoDocSimulator, request: web.Request) -> web.Response:
    if request.method == "POST":
        username = _basic_user(request)
        if username is None:
            return responses.basic_refused()
        token = sim.tokens.issue(username)
        if sim.faults.take_lost_session():
            sim.tokens.revoke(token)
        return responses.ok({"token": token})
    if request.method == "DELETE":
        token = _bearer(request)
        if sim.tokens.user_of(token) is None:
            return responses.token_refused()
        sim.tokens.revoke(token)
        return web.Response(status=204)
    return responses.html_error(405)


def _fault(name: str) -> web.Response:
    answers: dict[str, Callable[[], web.Response]] = {
        "http_500": lambda: responses.html_error(500),
        "http_503": lambda: responses.html_error(503),
        "unauthorized": responses.token_refused,
        "forbidden": lambda: responses.forbidden(None),
        "not_found": lambda: responses.not_found("ressource inexistante"),
        "bad_json": lambda: web.Response(text="<html>maintenance</html>", content_type="text/html"),
        "wrong_shape": lambda: web.json_response("inattendu"),
        "login_page": lambda: web.Response(status=302, headers={"Location": LOGIN_PATH}),
    }
    return answers[name]()


def _dispatch(sim: ScoDocSimulator, request: web.Request) -> web.Response:
    if request.path == LOGIN_PATH:
        return responses.login_form()
    found = _API_PATH.match(request.path)
    if found is None:
        return responses.not_found("page inexistante")
    dept_acronym, rest = found["dept"], found["rest"].rstrip("/")
    department = None
    if dept_acronym is not None:
        department = next((d for d in sim.world.departments if d["acronym"] == dept_acronym), None)
        if department is None:
            return responses.not_found(f"département inexistant: {dept_acronym}")
    if rest == "tokens":
        return _tokens(sim, request)
    route = next(((p.match(rest), h) for p, h in ROUTES if p.match(rest)), None)
    if route is None or route[0] is None:
        return responses.not_found("route inexistante")
    if request.method != "GET":
        return responses.html_error(405)
    username = sim.tokens.user_of(_bearer(request))
    if username is None:
        return responses.token_refused()
    if not USERS[username].can_view(dept_acronym):
        return responses.forbidden(dept_acronym)
    fault = sim.faults.take(rest)
    if fault is not None and fault != "truncated":
        return _fault(fault)
    call = Call(sim, request, Scope(sim.world, department), route[0].groupdict())
    try:
        response = route[1](call)
    except ApiNotFound as err:
        return responses.not_found(str(err))
    except ApiBadRequest as err:
        return responses.bad_request(str(err))
    return responses.truncated(response) if fault == "truncated" else response


async def handle_scodoc(sim: ScoDocSimulator, request: web.Request) -> web.StreamResponse:
    """Answer one ``/ScoDoc/...`` request."""
    sim.requests.append((request.method, request.path_qs))
    sim.in_flight += 1
    sim.most_in_flight = max(sim.most_in_flight, sim.in_flight)
    try:
        if delay := sim.faults.delay_of(request.path):
            await asyncio.sleep(delay)
        return _dispatch(sim, request)
    finally:
        sim.in_flight -= 1

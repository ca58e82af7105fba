"""``/lectio/...`` routing: school list, login, session checks and the protected pages."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
import re
import secrets
from typing import TYPE_CHECKING
from urllib.parse import quote

from aiohttp import web

from simulator.lectio.faults import UNKNOWN_ERROR, fault_response, html
from simulator.lectio.fixtures.calendar import monday_of, monday_of_week_code
from simulator.lectio.fixtures.messages import NEWEST
from simulator.lectio.fixtures.people import (
    MASTER_FOOTER_VALUE,
    School,
    school as find_school,
    student_by_username,
)
from simulator.lectio.layout import Hidden, error_page, page, server_error_page
from simulator.lectio.pages import (
    absence,
    activity,
    assignments,
    front,
    grades,
    homework,
    login,
    messages,
    schedule,
)
from simulator.lectio.pages.view import View
from simulator.lectio.sessions import Session

if TYPE_CHECKING:
    from simulator.lectio.simulator import LectioSimulator

SCHOOL_PAGE = re.compile(r"^/lectio/(?P<school>\d+)/(?P<page>.+)$")
SESSION_COOKIE = "ASP.NET_SessionId"
KEY_COOKIE = "autologinkeyV2"
DEVICE_COOKIE = "lectiogsc"
KEY_MAX_AGE = 60 * 24 * 3600
SUBMIT_TARGET = "m$Content$submitbtn2"
UNKNOWN_SCHOOL = "/lectio/fejlhandled.aspx?title=Skolen+eksisterer+ikke"


@dataclass
class Reply:
    """Cookies to set on whatever response a page produces."""

    cookies: dict[str, tuple[str, int | None]] = field(default_factory=dict)

    def apply(self, response: web.StreamResponse) -> web.StreamResponse:
        for name, (value, max_age) in self.cookies.items():
            # No Domain attribute: jars on 127.0.0.1/localhost must accept them.
            response.set_cookie(name, value, path="/", max_age=max_age, httponly=True)
        return response


def redirect(location: str) -> web.Response:
    return web.Response(status=302, headers={"Location": location})


async def handle_lectio(sim: LectioSimulator, request: web.Request) -> web.StreamResponse:
    if sim.faults.latency:
        await asyncio.sleep(sim.faults.latency)
    path = request.path
    sim.requests.append((request.method, path))
    lower = path.lower()
    if lower == "/lectio/login_list.aspx":
        return html(login.render_school_list())
    if lower == "/lectio/fejlhandled.aspx":
        return html(error_page(request.query.get("title", UNKNOWN_ERROR)))
    match = SCHOOL_PAGE.match(path)
    if match is None:
        raise web.HTTPNotFound()
    school = find_school(match["school"])
    if school is None:
        return redirect(UNKNOWN_SCHOOL)
    if sim.faults.next_errors:
        return fault_response(sim.faults.next_errors.pop(0))
    name = match["page"].lower()
    reply = Reply()
    if DEVICE_COOKIE not in request.cookies:
        reply.cookies[DEVICE_COOKIE] = ("g" + secrets.token_hex(8), KEY_MAX_AGE)
    if name == "login.aspx":
        return reply.apply(await _login(sim, request, school, reply))
    if name == "default.aspx":
        return reply.apply(redirect(f"/lectio/{school.id}/forside.aspx"))
    session = _resolve_session(sim, request, school, reply)
    if session is None:
        target = match["page"] + (f"?{request.query_string}" if request.query_string else "")
        prevurl = quote(target, safe="").replace("%3F", "%3f").replace("%3D", "%3d")
        return reply.apply(redirect(f"/lectio/{school.id}/login.aspx?prevurl={prevurl}"))
    if sim.faults.lose_sessions and session.student is not None:
        sim.faults.lose_sessions -= 1
        sim.sessions.end(session)
        return reply.apply(redirect(f"/lectio/{school.id}/login.aspx"))
    if _rate_limited(sim, session):
        return reply.apply(html(error_page(UNKNOWN_ERROR)))
    assert session.student is not None
    elevid = request.query.get("elevid")
    if elevid and elevid != session.student.elevid:
        return reply.apply(html(server_error_page(), status=500))
    view = View(
        school,
        session.student,
        sim.now(),
        sim.legacy_tooltips,
        sim.holidays,
        delivered=tuple(sim.delivered),
    )
    form = (
        {k: str(v) for k, v in (await request.post()).items()} if request.method == "POST" else None
    )
    rendered = _render(sim, name, view, request, form)
    if rendered is None:
        return reply.apply(html("<html><body><h1>404</h1></body></html>", status=404))
    title, content = rendered
    hidden = Hidden(*session.new_form_state())
    action = match["page"] + (f"?{request.query_string}" if request.query_string else "")
    body = page(
        school=school,
        title=title,
        action=action,
        hidden=hidden,
        content=content,
        student=session.student,
        page_name=title,
    )
    if sim.faults.truncate_pages:
        sim.faults.truncate_pages -= 1
        body = body[: len(body) // 2]
    return reply.apply(html(body))


def _resolve_session(
    sim: LectioSimulator, request: web.Request, school: School, reply: Reply
) -> Session | None:
    """The logged-in session, renewed from an auto-login key when the session is gone."""
    session = sim.sessions.get(request.cookies.get(SESSION_COOKIE), school.id)
    if session is not None and session.student is not None:
        return session
    key = request.cookies.get(KEY_COOKIE)
    student = sim.keys.student(key)
    if key is None or student is None or student.school_id != school.id:
        return None
    session = sim.sessions.create(school.id, student)
    reply.cookies[SESSION_COOKIE] = (session.id, None)
    reply.cookies["isloggedin3"] = ("Y", None)
    sim.renewals += 1
    if sim.rotate_keys and sim.renewals % 2 == 0:
        reply.cookies[KEY_COOKIE] = (sim.keys.issue(student), KEY_MAX_AGE)
        if sim.strict_key_rotation:
            sim.keys.revoke(key)
    elif sim.blank_key_cookie:
        # Lectio sometimes answers an empty key: clients must not let it erase theirs.
        reply.cookies[KEY_COOKIE] = ("", None)
    return session


def _rate_limited(sim: LectioSimulator, session: Session) -> bool:
    limit = sim.faults.rate_limit
    if limit <= 0:
        return False
    now = sim.clock()
    session.recent = [t for t in session.recent if now - t < 1.0]
    session.recent.append(now)
    return len(session.recent) > limit


def _safe_prevurl(value: str) -> str | None:
    if not value or value.startswith("/") or "://" in value or "\\" in value:
        return None
    return value


async def _login(
    sim: LectioSimulator, request: web.Request, school: School, reply: Reply
) -> web.Response:
    session = sim.sessions.get(request.cookies.get(SESSION_COOKIE), school.id)
    error = ""
    if request.method == "POST":
        form = await request.post()
        fields = {k: str(v) for k, v in form.items()}
        outcome = _check_login(sim, school, session, fields)
        if isinstance(outcome, Session):
            reply.cookies[SESSION_COOKIE] = (outcome.id, None)
            reply.cookies["isloggedin3"] = ("Y", None)
            reply.cookies["LastLoginUserName"] = (fields.get("m$Content$username", ""), None)
            if fields.get("m$Content$AutologinCbx") == "on" and outcome.student is not None:
                reply.cookies[KEY_COOKIE] = (sim.keys.issue(outcome.student), KEY_MAX_AGE)
            prevurl = _safe_prevurl(request.query.get("prevurl", ""))
            return redirect(f"/lectio/{school.id}/{prevurl or 'forside.aspx'}")
        error = outcome
    if session is None:
        session = sim.sessions.create(school.id)
        reply.cookies[SESSION_COOKIE] = (session.id, None)
    hidden = Hidden(*session.new_form_state())
    action = "login.aspx" + (f"?{request.query_string}" if request.query_string else "")
    body = page(
        school=school,
        title=f"Log ind - Lectio - {school.name}",
        action=action,
        hidden=hidden,
        content=login.render_form(school, error),
    )
    return html(body)


def _check_login(
    sim: LectioSimulator, school: School, session: Session | None, fields: dict[str, str]
) -> Session | str:
    """The new logged-in session, or the error text to show on the login page."""
    if (
        session is None
        or not session.viewstate
        or fields.get("__VIEWSTATEX") != session.viewstate
        or fields.get("__EVENTVALIDATION") != session.event_validation
        or fields.get("masterfootervalue") != MASTER_FOOTER_VALUE
    ):
        return login.STALE_FORM
    if fields.get("__EVENTTARGET") != SUBMIT_TARGET or school.mitid_only:
        return ""
    username = fields.get("m$Content$username", "").strip()
    account = f"{school.id}/{username.lower()}"
    if sim.locked_until.get(account, 0.0) > sim.clock():
        return login.LOCKED
    student = student_by_username(school.id, username)
    if (
        student is None
        or not student.password
        or fields.get("m$Content$password") != (student.password)
    ):
        failures = sim.failed_logins.get(account, 0) + 1
        sim.failed_logins[account] = failures
        if failures >= sim.max_failed_logins:
            sim.locked_until[account] = sim.clock() + sim.lockout_seconds
            sim.failed_logins[account] = 0
            return login.LOCKED
        return login.WRONG_CREDENTIALS
    sim.failed_logins.pop(account, None)
    sim.logins += 1
    return sim.sessions.rotate(session, student)


def _render(
    sim: LectioSimulator,
    name: str,
    view: View,
    request: web.Request,
    form: dict[str, str] | None,
) -> tuple[str, str] | None:
    query = request.query
    if name == "forside.aspx":
        return "Forside", front.render(view)
    if name == "skemany.aspx":
        if sim.malformed_schedule:
            return "Skema", schedule.render_malformed()
        monday = monday_of_week_code(query.get("week", "")) or monday_of(view.today)
        return "Skema", schedule.render(view, monday)
    if name == "material_lektieoversigt.aspx":
        return "Lektier", homework.render(view)
    if name == "opgaverelev.aspx":
        this_term_only = True
        if form is not None and form.get("__EVENTTARGET") == assignments.FILTER_TARGET:
            this_term_only = form.get(assignments.TERM_CHECKBOX) == "on"
        return "Opgaver", assignments.render(view, this_term_only)
    if name == "elevaflevering.aspx":
        content = assignments.render_hand_in(view, query.get("exerciseid", ""))
        return None if content is None else ("Opgave", content)
    if name == "subnav/fravaerelev.aspx":
        return "Fravær", absence.render_summary()
    if name == "subnav/fravaerelev_fravaersaarsager.aspx":
        return "Fraværsårsager", absence.render_reasons(view)
    if name == "beskeder2.aspx":
        if query.get("type") == "showthread":
            content = messages.render_thread(view, query.get("id", ""))
            return None if content is None else ("Beskeder", content)
        return "Beskeder", messages.render_list(view, query.get("selectedfolderid", NEWEST))
    if name == "grades/grade_report.aspx":
        return "Karakterer", grades.render()
    if name == "aktivitet/aktivitetforside2.aspx":
        content = activity.render(view, query.get("absid", ""))
        return None if content is None else ("Aktivitet", content)
    return None

"""Data endpoint handlers (EcoleDirecte protocol §4); scope and token are checked by the router."""

from __future__ import annotations

from datetime import date
from typing import Any

from simulator.ecoledirecte.fixtures.documents import pdf_bytes, render_documents
from simulator.ecoledirecte.fixtures.extras import (
    render_menus,
    render_postits,
    render_timeline,
    render_workspaces,
)
from simulator.ecoledirecte.fixtures.grades import render_notes
from simulator.ecoledirecte.fixtures.homework import render_day, render_upcoming
from simulator.ecoledirecte.fixtures.messages import render_mailbox, render_message
from simulator.ecoledirecte.fixtures.models import Message, Person
from simulator.ecoledirecte.fixtures.people import family_person, student_person
from simulator.ecoledirecte.fixtures.schoollife import render_school_life
from simulator.ecoledirecte.fixtures.timetable import render_timetable
from simulator.ecoledirecte.fixtures.wallets import render_wallets
from simulator.ecoledirecte.protocol import Call, Reply


def _parse_date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def notes(call: Call) -> Reply:
    return Reply(data=render_notes(call.sim.world, call.student()))


def homework_list(call: Call) -> Reply:
    student = call.student()
    if call.verbe == "put":
        return homework_put(call)
    return Reply(data=render_upcoming(student, call.sim.world.today))


def _ids(value: object) -> set[int]:
    if not isinstance(value, list):
        return set()
    result: set[int] = set()
    for item in value:
        if item is None:
            continue
        try:
            result.add(int(item))
        except (TypeError, ValueError):
            continue
    return result


def homework_put(call: Call) -> Reply:
    """Mark homework done / not done (``null`` entries ignored)."""
    student = call.student()
    done = _ids(call.data.get("idDevoirsEffectues"))
    not_done = _ids(call.data.get("idDevoirsNonEffectues"))
    for homework in student.homework:
        if homework.id in done:
            homework.done = True
        elif homework.id in not_done:
            homework.done = False
    return Reply(data={})


def homework_day(call: Call) -> Reply:
    day = _parse_date(call.params["date"])
    if day is None:
        return Reply(data={"date": call.params["date"], "matieres": []})
    return Reply(data=render_day(call.student(), day))


def timetable(call: Call) -> Reply:
    start = _parse_date(call.data.get("dateDebut"))
    end = _parse_date(call.data.get("dateFin")) or start
    if start is None or end is None:
        return Reply(data=[])
    return Reply(data=render_timetable(call.student(), start, end))


def school_life(call: Call) -> Reply:
    return Reply(data=render_school_life(call.student()))


def _mailbox(call: Call) -> tuple[list[Message], Person]:
    if call.params["owner"] == "familles":
        return call.account.messages, family_person(call.account)
    student = call.student()
    return student.messages, student_person(student)


def messages(call: Call) -> Reply:
    box, owner = _mailbox(call)
    return Reply(data=render_mailbox(box, owner))


def message_detail(call: Call) -> Reply:
    """One message with base64 content; reading it marks it read."""
    box, owner = _mailbox(call)
    message_id = int(call.params["mid"])
    message = next((m for m in box if m.id == message_id), None)
    if message is None:
        return Reply(code=210, data=None)
    message.read = True
    return Reply(data=render_message(message, owner, with_content=True))


def documents(call: Call) -> Reply:
    students = call.students()
    wanted = call.data.get("idEleve") or call.query("idEleve")
    if wanted:
        students = [s for s in students if str(s.id) == str(wanted)]
    if call.query("archive"):
        return Reply(data=render_documents([]))
    return Reply(data=render_documents(students))


def download(call: Call) -> Reply:
    """``telechargement.awp``: raw PDF bytes with ``X-Code: 200``."""
    try:
        file_id = int(call.query("fichierId"))
    except ValueError:
        return Reply(code=210, data=None)
    ref = call.sim.world.files.get(file_id)
    if ref is None:
        return Reply(code=210, data=None)
    return Reply(raw=pdf_bytes(ref), filename=ref.name)


def menus(call: Call) -> Reply:
    return Reply(data=render_menus(call.sim.world))


def wallets(call: Call) -> Reply:
    return Reply(data=render_wallets(call.students(), detailed=False))


def wallets_detail(call: Call) -> Reply:
    return Reply(data=render_wallets(call.students(), detailed=True))


def timeline(call: Call) -> Reply:
    return Reply(data=render_timeline(call.student(), realistic=call.sim.realistic_extras))


def postits(call: Call) -> Reply:
    return Reply(data=render_postits(call.sim.world, call.student()))


def workspaces(call: Call) -> Reply:
    return Reply(data=render_workspaces(call.student()))


def empty_list(call: Call) -> Reply:
    return Reply(data=[])


def correspondence(call: Call) -> Reply:
    data: dict[str, Any] = {"correspondances": [], "suivis": []}
    return Reply(data=data)

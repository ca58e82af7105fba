"""``OpgaverElev.aspx`` and the minimal hand-in page ``ElevAflevering.aspx``.

See Lectio protocol §5.
"""

from __future__ import annotations

from simulator.lectio.fixtures.assignments import Assignment, build_assignments
from simulator.lectio.fixtures.calendar import clock, tooltip_date
from simulator.lectio.layout import attr, text
from simulator.lectio.pages.view import View

COLUMNS = (
    "Uge",
    "Hold",
    "Opgavetitel",
    "Frist",
    "Elevtid",
    "Status",
    "Fravær",
    "Afventer",
    "Opgavenote",
    "Karakter",
    "Elevnote",
)
TERM_CHECKBOX = "s$m$Content$Content$ShowThisTermOnlyCB"
FILTER_TARGET = "s$m$Content$Content$CurrentExerciseFilterCB"


def deadline_text(item: Assignment) -> str:
    return f"{tooltip_date(item.deadline.date())} {clock(item.deadline.time())}"


def _cells(item: Assignment, view: View) -> list[str]:
    href = (
        f"ElevAflevering.aspx?elevid={view.student.elevid}&exerciseid={item.exercise_id}"
        "&prevurl=OpgaverElev.aspx"
    )
    deadline = deadline_text(item)
    return [
        str(item.deadline.isocalendar()[1]),
        f'<span title="{attr(item.team)}">{text(item.team)}</span>',
        f'<span><a href="{attr(href)}">{text(item.title)}</a></span>',
        f'<span title="{attr(deadline)}">{text(deadline)}</span>',
        text(item.student_hours),
        text(item.status),
        text(item.absence),
        text(item.waiting_for),
        text(item.note),
        text(item.grade),
        text(item.student_note),
    ]


def render(view: View, this_term_only: bool) -> str:
    items = [a for a in build_assignments(view.today) if a.this_term or not this_term_only]
    head = (
        '<tr><th class="OnlyMobile">Opgave</th>'
        + "".join(f'<th class="OnlyDesktop">{name}</th>' for name in COLUMNS)
        + "</tr>"
    )
    rows = "".join(
        f'<tr><td class="OnlyMobile">{text(a.title)} - {text(a.status)}</td>'
        + "".join(f'<td class="OnlyDesktop">{cell}</td>' for cell in _cells(a, view))
        + "</tr>"
        for a in items
    )
    checked = ' checked="checked"' if this_term_only else ""
    return (
        f'<input type="checkbox" name="{TERM_CHECKBOX}" id="s_m_Content_Content_ShowThisTermOnlyCB"'
        f"{checked} /> Vis kun aktuelle"
        f'<table id="s_m_Content_Content_ExerciseGV" class="ls-table-layout1">{head}{rows}</table>'
    )


def render_hand_in(view: View, exercise_id: str) -> str | None:
    item = next((a for a in build_assignments(view.today) if a.exercise_id == exercise_id), None)
    if item is None:
        return None
    return (
        f"<h1>{text(item.title)}</h1>"
        '<table id="m_Content_RecipientGV"><tr><th>Tidspunkt</th><th>Bruger</th>'
        "<th>Kommentar</th><th>Dokument</th></tr></table>"
        '<table id="m_Content_StudentGV"><tr><th>Status</th><th>Afventer</th>'
        "<th>Karakter</th><th>Elevnote</th></tr>"
        f"<tr><td>{text(item.status)}</td><td>{text(item.waiting_for)}</td>"
        f"<td>{text(item.grade)}</td><td>{text(item.student_note)}</td></tr></table>"
    )

"""``aktivitet/aktivitetforside2.aspx``: one lesson with its full homework text."""

from __future__ import annotations

from simulator.lectio.fixtures.timetable import find_activity
from simulator.lectio.layout import text
from simulator.lectio.pages.bricks import date_line
from simulator.lectio.pages.homework import homework_html
from simulator.lectio.pages.view import View


def render(view: View, activity_id: str) -> str | None:
    brick = find_activity(activity_id, view.today)
    if brick is None:
        return None
    return (
        f"<h1>{text(brick.title or (brick.teams[0].name if brick.teams else ''))}</h1>"
        f"<p>{text(date_line(brick))}</p>"
        f'<div id="homeworkContentContainer">{homework_html(brick)}</div>'
        '<textarea name="s$m$Content$Content$ActNoteTB">'
        f"{text(brick.note)}</textarea>"
    )

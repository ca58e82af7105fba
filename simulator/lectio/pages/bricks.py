"""Schedule bricks (``a.s2skemabrik``) and their Danish tooltip (Lectio protocol §3.2, 3.3)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from simulator.lectio.fixtures.calendar import clock, tooltip_date
from simulator.lectio.fixtures.timetable import Brick
from simulator.lectio.layout import attr, text

STATUS_LINES = {"changed": "Ændret!", "cancelled": "Aflyst!"}


@dataclass(frozen=True, slots=True)
class BrickStyle:
    """How bricks are written: ``legacy`` uses ``data-additionalinfo`` (before ~2024)."""

    school_id: str
    elevid: str
    legacy_tooltips: bool = False


def date_line(brick: Brick) -> str:
    first = tooltip_date(brick.day)
    if brick.start is None or brick.end is None:
        return f"{first} Hele dagen"
    if brick.end_day != brick.day:
        return f"{first} {clock(brick.start)} til {tooltip_date(brick.end_day)} {clock(brick.end)}"
    return f"{first} {clock(brick.start)} til {clock(brick.end)}"


def tooltip(brick: Brick) -> str:
    """The tooltip text; titles with ``&`` are escaped once more, as Lectio does."""
    lines: list[str] = []
    if brick.status in STATUS_LINES:
        lines.append(STATUS_LINES[brick.status])
    if brick.title:
        lines.append(brick.title.replace("&", "&amp;"))
    if brick.activity_id is not None:
        lines.append(date_line(brick))
    if brick.teams:
        lines.append("Hold: " + ", ".join(team.name for team in brick.teams))
    if len(brick.teachers) == 1:
        lines.append("Lærer: " + brick.teachers[0].label)
    elif brick.teachers:
        lines.append("Lærere: " + ", ".join(t.label for t in brick.teachers))
    if len(brick.rooms) == 1:
        lines.append("Lokale: " + brick.rooms[0])
    elif brick.rooms:
        lines.append("Lokaler: " + ", ".join(brick.rooms))
    if brick.homework:
        lines.extend(["", "Lektier:", *(f"- {line}" for line in brick.homework)])
    if brick.note:
        lines.extend(["", "Note:", brick.note])
    return "\n".join(lines)


def content(brick: Brick) -> str:
    """The visible brick text: ``team • teacher • room`` spans, or the event title."""
    if not brick.teams:
        return text(brick.title or "")
    parts = [
        f'<span data-lectiocontextcard="{team.id}">{text(team.name)}</span>' for team in brick.teams
    ]
    parts += [
        f'<span data-lectiocontextcard="{t.id}">{text(t.initials)}</span>' for t in brick.teachers
    ]
    parts += [text(room) for room in brick.rooms]
    return " • ".join(parts)


def info_prefix(brick: Brick, day_index: int, last_index: int) -> str:
    """``08:00-13:00``, ``17:00-...``, ``...-...``, ``...-17:00`` (empty for all-day)."""
    if brick.start is None or brick.end is None:
        return ""
    start = clock(brick.start) if day_index == 0 else "..."
    end = clock(brick.end) if day_index == last_index else "..."
    return f"{start}-{end} "


def anchor(
    brick: Brick, style: BrickStyle, *, week_code: str, css: str = "", inner: str | None = None
) -> str:
    """The ``<a class="s2skemabrik ...">`` element of a brick."""
    classes = ["s2skemabrik"]
    if not brick.info:
        classes.append("s2bgbox")
    classes += [f"s2{brick.status}", "s2brik", "lec-context-menu-instance"]
    link = ""
    if brick.activity_id is not None:
        prevurl = quote(f"SkemaNy.aspx?week={week_code}", safe="").replace("%3F", "%3f")
        href = (
            f"/lectio/{style.school_id}/aktivitet/aktivitetforside2.aspx?absid="
            f"{brick.activity_id}&prevurl={prevurl}&elevid={style.elevid}"
        )
        link = f' data-brikid="ABS{brick.activity_id}" href="{attr(href)}"'
    tip_name = "data-additionalinfo" if style.legacy_tooltips else "data-tooltip"
    body = inner if inner is not None else content(brick)
    return (
        f'<a class="{" ".join(classes)}"{link} style="{css}" '
        f'{tip_name}="{attr(tooltip(brick))}">'
        '<div class="s2skemabrikInnerContainer"><div class="s2skemabrikcontent">'
        f"{body}</div></div></a>"
    )

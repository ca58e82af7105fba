"""Schedule page parsing on hand-written pages (Lectio protocol §3)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.lectio.parsers_timetable import parse_week
from custom_components.schoolbag.client.models import LessonStatus

MONDAY = date(2025, 9, 1)


def page(day_cells: str, info_cells: str = "", *, data_date: bool = True) -> str:
    attribute = ' data-date="2025-09-01"' if data_date else ""
    return (
        '\ufeff<html><body><table class="s2skema">'
        '<tr class="s2weekHeader"><td>Uge 36 - 2025</td></tr>'
        f'<tr><td class="s2infoHeader"></td><td class="s2infoHeader">{info_cells}</td></tr>'
        f"<tr><td></td><td{attribute}>{day_cells}</td></tr></table></body></html>"
    )


def brick(css: str, tooltip: str, *, attribute: str = "data-tooltip", extra: str = "") -> str:
    return f'<a class="s2skemabrik {css}" {extra} {attribute}="{tooltip}">x</a>'


def test_status_from_class_first_then_tooltip_then_normal() -> None:
    bricks = "".join(
        [
            brick("s2bgbox s2cancelled", "1/9-2025 08:00 til 09:00", extra='data-brikid="ABS1"'),
            brick(
                "s2bgbox s2changed",
                "Aflyst!&#10;1/9-2025 09:00 til 10:00",
                extra='data-brikid="ABS2"',
            ),
            brick("s2bgbox", "Aflyst!&#10;1/9-2025 10:00 til 11:00", extra='data-brikid="ABS3"'),
            brick("s2bgbox", "Ændret!&#10;1/9-2025 11:00 til 12:00", extra='data-brikid="ABS4"'),
            brick("s2bgbox s2weird", "1/9-2025 12:00 til 13:00", extra='data-brikid="ABS5"'),
        ]
    )
    statuses = [lesson.status for lesson in parse_week(page(bricks), MONDAY)]
    assert statuses == [
        LessonStatus.CANCELLED,
        LessonStatus.CHANGED,  # the class wins over the tooltip
        LessonStatus.CANCELLED,
        LessonStatus.CHANGED,
        LessonStatus.NORMAL,
    ]


def test_legacy_attribute_and_href_id_and_content_cards() -> None:
    tag = (
        '<a class="s2skemabrik s2bgbox" href="/lectio/1/aktivitet/aktivitetforside2.aspx?'
        'absid=555&amp;elevid=2" data-additionalinfo="1/9-2025 08:00 til 09:30">'
        '<span data-lectiocontextcard="HE9">1x fy</span> • '
        '<span data-lectiocontextcard="T8">KE</span> • <span data-lectiocontextcard="R7">Fys</span>'
        "</a>"
    )
    (lesson,) = parse_week(page(tag), MONDAY)
    assert lesson.id == "555"
    assert lesson.subject == lesson.group == "1x fy"
    assert lesson.teachers == ("KE",)
    assert lesson.rooms == ("Fys",)
    assert lesson.end - lesson.start == timedelta(minutes=90)


def test_plain_note_without_date_uses_its_column_and_a_stable_id() -> None:
    note = brick("", "Frist: Biologi")
    (first,) = parse_week(page("", note), MONDAY)
    (second,) = parse_week(page("", note), MONDAY)
    assert first.all_day
    assert first.start.date() == MONDAY
    assert first.subject == "Frist: Biologi"
    assert first.id == second.id
    assert first.id.startswith("note-")


def test_column_dates_fall_back_to_the_week_monday() -> None:
    lesson_tag = brick("s2bgbox", "Hele dagen")
    (lesson,) = parse_week(page(lesson_tag, data_date=False), MONDAY)
    assert lesson.all_day
    assert lesson.start.date() == MONDAY


def test_multi_day_brick_is_kept_once() -> None:
    trip = brick("", "Tur&#10;5/9-2025 17:00 til 7/9-2025 17:00", extra='data-brikid="ABS9"')
    lessons = parse_week(page("", trip + trip), MONDAY)
    assert len(lessons) == 1
    assert lessons[0].subject == "Tur"


def test_missing_schedule_table_is_protocol_changed() -> None:
    with pytest.raises(ProtocolChangedError):
        parse_week("<html><body><div>Skema</div></body></html>", MONDAY)

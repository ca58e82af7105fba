"""The brick tooltip grammar (Lectio protocol §3.3) on varied inputs."""

from __future__ import annotations

from datetime import date, time

from custom_components.schoolbag.client.lectio.tooltip import parse_tooltip, parse_when


def test_full_tooltip() -> None:
    tip = parse_tooltip(
        "Ændret!\nBrøker og procent\n2/9-2025 10:05 til 11:45\nHold: 1x ma\n"
        "Lærer: Karen Eksempel (KE)\nLokale: 214\n\nLektier:\n- Læs side 10-14\n"
        "- Regn opgave 3\n\nNote:\nHusk lommeregner\nog blyant"
    )
    assert tip.changed
    assert not tip.cancelled
    assert tip.title == "Brøker og procent"
    assert tip.when is not None
    assert tip.when.start_date == tip.when.end_date == date(2025, 9, 2)
    assert (tip.when.start_time, tip.when.end_time) == (time(10, 5), time(11, 45))
    assert tip.teams == ("1x ma",)
    assert tip.teachers == ("Karen Eksempel",)
    assert tip.rooms == ("214",)
    assert tip.homework == ("Læs side 10-14", "Regn opgave 3")
    assert tip.note == "Husk lommeregner\nog blyant"


def test_no_title_several_teachers_and_rooms() -> None:
    tip = parse_tooltip(
        "Aflyst!\n3/9-2025 8:10 til 9:40\nHold: 1x da, 1y da\n"
        "Lærere: Jens Jensen (JJ), Mette Larsen (ML)\nLokaler: 108, Bio 2"
    )
    assert tip.cancelled
    assert tip.title is None
    assert tip.when is not None
    assert tip.when.start_time == time(8, 10)
    assert tip.teams == ("1x da", "1y da")
    assert tip.teachers == ("Jens Jensen", "Mette Larsen")
    assert tip.rooms == ("108", "Bio 2")


def test_teachers_without_initials() -> None:
    assert parse_tooltip("Lærere: A Hansen, B Jensen").teachers == ("A Hansen", "B Jensen")


def test_double_escaped_entities_and_extra_whitespace() -> None:
    tip = parse_tooltip(
        "  Brøker &amp;amp; procent  \r\n  2/9-2025   10:05 til 11:45 \n Hold:  1x&nbsp;ma "
    )
    assert tip.title == "Brøker & procent"
    assert tip.when is not None
    assert tip.teams == ("1x ma",)


def test_multi_day_and_all_day_lines() -> None:
    multi = parse_when("5/9-2025 17:00 til 7/9-2025 17:00")
    assert multi is not None
    assert (multi.start_date, multi.end_date) == (date(2025, 9, 5), date(2025, 9, 7))
    assert not multi.all_day
    whole = parse_when("3/9-2025 Hele dagen")
    assert whole is not None
    assert whole.all_day
    assert whole.start_date == whole.end_date == date(2025, 9, 3)


def test_invalid_dates_and_clocks_are_not_date_lines() -> None:
    assert parse_when("31/2-2025 10:00 til 11:00") is None
    assert parse_when("1/2-2025 10:00 til 25:00") is None
    assert parse_when("Idrætsdag") is None
    tip = parse_tooltip("Aflevering: Dansk stil")
    assert tip.when is None
    assert tip.title == "Aflevering: Dansk stil"


def test_other_content_and_continued_homework_lines() -> None:
    tip = parse_tooltip(
        "1/9-2025 08:00 til 09:00\n\nLektier:\n- Læs kapitel 1\n  fortsat tekst\n-\n"
        "Øvrigt indhold:\n- Film"
    )
    assert tip.homework == ("Læs kapitel 1 fortsat tekst",)
    assert tip.other == ("Film",)
    assert tip.note == ""

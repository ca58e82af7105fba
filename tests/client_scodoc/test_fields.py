"""How ScoDoc writes its fields: strict numbers, ranks with ties, flags, grades, its root URL."""

from __future__ import annotations

import pytest

from custom_components.schoolbag.client.models import GradeMark
from custom_components.schoolbag.client.scodoc.fields import (
    first_group_name,
    flag,
    integer,
    number,
    rank,
)
from custom_components.schoolbag.client.scodoc.parsers_marks import read_grade, read_stats
from custom_components.schoolbag.client.scodoc.transport import scodoc_root


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("07.25", 7.25),
        ("12,5", 12.5),
        (14, 14.0),
        ("~", None),
        ("1 234,5", None),
        ("", None),
        (None, None),
        (True, None),
        ("nan", None),
        ([], None),
    ],
)
def test_number(raw: object, expected: float | None) -> None:
    assert number(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12", 12),
        ("7 ex", 7),
        (" 3 ", 3),
        (48, 48),
        ("", None),
        (None, None),
        ("ex", None),
        (False, None),
    ],
)
def test_rank(raw: object, expected: int | None) -> None:
    assert rank(raw) == expected


def test_integer_and_flag() -> None:
    assert integer("48") == 48
    assert integer("4.5") is None
    assert flag(1) is True
    assert flag("0") is False
    assert flag("true") is True
    assert flag(None, default=True) is True
    assert flag("O") is True
    assert flag({"visible": True}, default=True) is False


def test_first_group_name() -> None:
    groups = [{"group_name": ""}, "x", {"group_name": " TD1 "}, {"group_name": "TD2"}]
    assert first_group_name(groups) == "TD1"
    assert first_group_name(None) is None


@pytest.mark.parametrize(
    ("raw", "mark", "value"),
    [
        ("13.50", None, 13.5),
        ("~", GradeMark.PENDING, None),
        ("ATT", GradeMark.PENDING, None),
        ("ABS", GradeMark.ABSENT, None),
        ("EXC", GradeMark.EXEMPT, None),
        ("NP", GradeMark.NOT_GRADED, None),
        ("-", GradeMark.NOT_GRADED, None),
        (None, GradeMark.PENDING, None),
        ("", GradeMark.PENDING, None),
        ("DEM", GradeMark.OTHER, None),
        (9, None, 9.0),
    ],
)
def test_read_grade(raw: object, mark: GradeMark | None, value: float | None) -> None:
    reading = read_grade(raw)
    assert (reading.mark, reading.value) == (mark, value)


def test_read_stats_accepts_a_bare_value() -> None:
    assert read_stats("12.60").value == 12.6
    stats = read_stats({"value": "~", "min": "02.50", "max": "18.75", "moy": "10.12"})
    assert (stats.value, stats.minimum, stats.maximum, stats.average) == (None, 2.5, 18.75, 10.12)


@pytest.mark.parametrize(
    "pasted",
    [
        "https://scodoc.example.org/ScoDoc",
        "https://scodoc.example.org/ScoDoc/",
        "https://scodoc.example.org/ScoDoc/api",
        "https://scodoc.example.org",
        " https://scodoc.example.org/ ",
    ],
)
def test_scodoc_root(pasted: str) -> None:
    assert scodoc_root(pasted) == "https://scodoc.example.org/ScoDoc"

"""Tolerant readers: numbers, ranks, flags and the date forms ScoDoc sends."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from custom_components.schoolbag.client.models import GradeMark
from custom_components.schoolbag.client.scodoc.parsers_marks import read_grade, read_stats
from custom_components.schoolbag.client.scodoc.transport import scodoc_root
from custom_components.schoolbag.client.scodoc.values import (
    flag,
    integer,
    local_date,
    local_datetime,
    number,
    rank,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("07.25", 7.25),
        ("12,5", 12.5),
        (14, 14.0),
        ("~", None),
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


def test_datetimes_with_and_without_colon_in_the_offset() -> None:
    with_colon = local_datetime("2025-11-18T10:15:00+01:00")
    without = local_datetime("2025-11-18T10:15:00+0100")
    assert with_colon == without
    assert with_colon is not None
    assert with_colon.utcoffset() == timedelta(hours=1)
    summer = local_datetime("2025-06-02T09:00:00+02:00")
    assert summer is not None
    assert (summer.hour, summer.utcoffset()) == (9, timedelta(hours=2))
    utc = local_datetime("2021-12-20T14:32:55.123456Z")
    assert utc is not None
    assert utc.hour == 15
    naive = local_datetime("2025-11-18T10:15")
    assert naive is not None
    assert naive.utcoffset() == timedelta(hours=1)
    assert local_datetime("2025-11-18") is None
    assert local_datetime("not a dateTtime") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-09-01", date(2025, 9, 1)),
        ("01/09/2025", date(2025, 9, 1)),
        ("2025-09-01T23:30:00+00:00", date(2025, 9, 2)),
        ("Wed, 02 Mar 2022 08:41:17 GMT", date(2022, 3, 2)),
        ("", None),
        (None, None),
        ("bientôt", None),
    ],
)
def test_local_date(raw: object, expected: date | None) -> None:
    assert local_date(raw) == expected


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

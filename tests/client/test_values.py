"""Tolerant value readers."""

from __future__ import annotations

import base64
from datetime import date, datetime

import pytest

from custom_components.schoolbag.client.ecoledirecte.values import (
    SCHOOL_TZ,
    b64_text,
    day,
    flag,
    identifier,
    integer,
    local_datetime,
    number,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("14,5", 14.5),
        ("12.61", 12.61),
        (" 7,75 ", 7.75),
        ("1\xa0234,5", 1234.5),
        (15, 15.0),
        (2.5, 2.5),
        ("", None),
        ("Abs", None),
        (None, None),
        (True, None),
        ("nan", None),
        ("inf", None),
        ([], None),
    ],
)
def test_number(raw: object, expected: float | None) -> None:
    assert number(raw) == expected


def test_integer_and_identifier() -> None:
    assert integer("42") == 42
    assert integer("4,5") is None
    assert identifier(2345) == "2345"
    assert identifier(2345.0) == "2345"
    assert identifier(" x1 ") == "x1"
    assert identifier(None) is None
    assert identifier(True) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(True, True), (1, True), ("1", True), ("true", True), (0, False), ("0", False), (None, False)],
)
def test_flag(raw: object, expected: bool) -> None:
    assert flag(raw) is expected


def test_dates() -> None:
    assert day("2025-10-14") == date(2025, 10, 14)
    assert day("2025-10-14 08:00") == date(2025, 10, 14)
    assert day("05/12/2025") == date(2025, 12, 5)
    assert day("not a date") is None
    assert day(None) is None
    parsed = local_datetime("2025-10-13 08:00")
    assert parsed == datetime(2025, 10, 13, 8, 0, tzinfo=SCHOOL_TZ)
    assert parsed is not None
    assert parsed.utcoffset() is not None
    assert parsed.utcoffset().total_seconds() == 7200  # type: ignore[union-attr]
    winter = local_datetime("2025-12-01 08:00:30")
    assert winter is not None
    assert winter.utcoffset().total_seconds() == 3600  # type: ignore[union-attr]
    assert local_datetime("") is None
    assert local_datetime("13h00") is None


def test_b64_text() -> None:
    encoded = base64.b64encode("Quel est ton année de naissance ?".encode()).decode()
    assert b64_text(encoded) == "Quel est ton année de naissance ?"
    assert b64_text(encoded.rstrip("=")) == "Quel est ton année de naissance ?"
    assert b64_text("") == ""
    assert b64_text(None) == ""
    assert b64_text("pas du base64 !") == "pas du base64 !"

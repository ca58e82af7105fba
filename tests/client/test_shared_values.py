"""The shared readers of loosely typed values (client.values), used by every platform."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from custom_components.schoolbag.client.values import (
    TRUE_WORDS,
    as_dict,
    as_dicts,
    as_list,
    aware,
    flag,
    identifier,
    integer,
    leading_date,
    local_date,
    local_datetime,
    number,
    optional_text,
    text,
)

PARIS = ZoneInfo("Europe/Paris")


def test_strings_are_stripped_and_numbers_are_written_out() -> None:
    assert text("  4e B ") == "4e B"
    assert text(12) == "12"
    assert text(12.5) == "12.5"
    assert text(0) == "0"


@pytest.mark.parametrize("value", [None, True, False, [1, 2], {"libelle": "x"}, object()])
def test_other_values_give_the_default_text(value: object) -> None:
    """Booleans, null, lists and objects are no text: the default comes back, nothing raises."""
    assert text(value) == ""
    assert text(value, "inconnu") == "inconnu"


def test_optional_text_is_none_when_blank() -> None:
    assert optional_text("  ") is None
    assert optional_text(["x"]) is None
    assert optional_text(None) is None
    assert optional_text(" Mme DUPONT ") == "Mme DUPONT"
    assert optional_text(0) == "0"


def test_identifiers_are_strings() -> None:
    assert identifier(2345) == "2345"
    assert identifier(2345.0) == "2345"
    assert identifier(" x1 ") == "x1"
    assert identifier(None) is None
    assert identifier(True) is None


def test_objects_and_arrays_read_from_json() -> None:
    assert as_dict({"a": 1}) == {"a": 1}
    assert as_dict([1]) == {}
    assert as_list([1, "x"]) == [1, "x"]
    assert as_list(None) == []
    assert as_dicts([{"a": 1}, 2, None, {"b": 2}]) == [{"a": 1}, {"b": 2}]
    assert as_dicts({"a": 1}) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("14,5", 14.5),
        ("12.61", 12.61),
        (" 7,75 ", 7.75),
        ("07.25", 7.25),
        ("1\xa0234,5", 1234.5),
        ("1 234,5", 1234.5),
        (15, 15.0),
        (2.5, 2.5),
        ("", None),
        ("Abs", None),
        ("|1", None),
        (None, None),
        (True, None),
        ("nan", None),
        ("inf", None),
        (float("inf"), None),
        ([], None),
    ],
)
def test_number(raw: object, expected: float | None) -> None:
    assert number(raw) == expected


def test_spaces_inside_a_number_can_make_it_no_number() -> None:
    assert number("1 234,5", spaced_digits=False) is None
    assert number(" 12,5 ", spaced_digits=False) == 12.5
    assert integer("1 234", spaced_digits=False) is None
    assert integer("1 234") == 1234


def test_integer() -> None:
    assert integer("42") == 42
    assert integer("42,0") == 42
    assert integer(7) == 7
    assert integer(2**60 + 1) == 2**60 + 1  # exact, not rounded through a float
    assert integer("4,5") is None
    assert integer(False) is None
    assert integer(None) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (True, True),
        (1, True),
        (0.5, True),
        ("1", True),
        (" TRUE ", True),
        ("oui", True),
        ("yes", True),
        (0, False),
        ("0", False),
        ("o", False),
        ("non", False),
        (None, False),
        ({"V": True}, False),
    ],
)
def test_flag(raw: object, expected: bool) -> None:
    assert flag(raw) is expected


def test_flag_default_and_words() -> None:
    assert flag(None, default=True) is True
    assert flag(False, default=True) is False
    assert flag("o", true_words=TRUE_WORDS | {"o"}) is True
    assert flag("yes", true_words=frozenset({"1"})) is False


def test_leading_date() -> None:
    assert leading_date("2025-10-14") == date(2025, 10, 14)
    assert leading_date("2025-10-14 08:00") == date(2025, 10, 14)
    assert leading_date("05/12/2025") == date(2025, 12, 5)
    assert leading_date("05/12/2025 10:00") == date(2025, 12, 5)
    assert leading_date("not a date") is None
    assert leading_date("31/02/2025") is None
    assert leading_date(None) is None


def test_naive_datetimes_are_school_time() -> None:
    summer = local_datetime("2025-10-13 08:00", PARIS)
    assert summer == datetime(2025, 10, 13, 8, 0, tzinfo=PARIS)
    assert summer is not None
    assert summer.utcoffset() == timedelta(hours=2)
    winter = local_datetime("2025-12-01T08:00:30", PARIS)
    assert winter is not None
    assert winter.utcoffset() == timedelta(hours=1)
    assert local_datetime("2025-11-18", PARIS) == datetime(2025, 11, 18, tzinfo=PARIS)
    assert local_datetime("", PARIS) is None
    assert local_datetime(None, PARIS) is None
    assert local_datetime("13h00", PARIS) is None


def test_offsets_are_converted_to_school_time() -> None:
    with_colon = local_datetime("2025-11-18T10:15:00+01:00", PARIS)
    without = local_datetime("2025-11-18T10:15:00+0100", PARIS)
    assert with_colon == without
    assert with_colon is not None
    assert with_colon.utcoffset() == timedelta(hours=1)
    utc = local_datetime("2021-12-20T14:32:55.123456Z", PARIS)
    assert utc is not None
    assert (utc.hour, utc.tzinfo) == (15, PARIS)


def test_require_time_refuses_a_bare_date() -> None:
    assert local_datetime("2025-11-18", PARIS, require_time=True) is None
    assert local_datetime("2025-11-18T10", PARIS, require_time=True) is None
    naive = local_datetime("2025-11-18T10:15", PARIS, require_time=True)
    assert naive == datetime(2025, 11, 18, 10, 15, tzinfo=PARIS)
    assert local_datetime("not a dateTtime", PARIS, require_time=True) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-09-01", date(2025, 9, 1)),
        ("01/09/2025", date(2025, 9, 1)),
        ("2025-09-01T23:30:00+00:00", date(2025, 9, 2)),
        ("Wed, 02 Mar 2022 08:41:17 GMT", date(2022, 3, 2)),
        ("01/09/2025 10:00", None),
        ("", None),
        (None, None),
        ("bientôt", None),
    ],
)
def test_local_date(raw: object, expected: date | None) -> None:
    assert local_date(raw, PARIS) == expected


def test_aware_attaches_the_zone_without_moving_the_clock() -> None:
    assert aware(datetime(2025, 6, 2, 9, 0), PARIS) == datetime(2025, 6, 2, 9, 0, tzinfo=PARIS)

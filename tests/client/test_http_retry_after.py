"""Reading ``Retry-After``: seconds, HTTP dates (zoned or not), and what is not readable."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from custom_components.schoolbag.client.http import parse_retry_after, retry_after


@pytest.mark.parametrize(
    ("header", "seconds"),
    [("30", 30.0), (" 7.5 ", 7.5), ("-4", 0.0), ("", None), ("soon", None), ("nan", None)],
)
def test_seconds_or_nothing(header: str, seconds: float | None) -> None:
    assert parse_retry_after({"Retry-After": header}) == seconds


def test_absent_header_gives_the_default() -> None:
    assert parse_retry_after({}) is None
    assert retry_after({}, 60) == 60
    assert retry_after({"Retry-After": "soon"}, 3600) == 3600
    assert retry_after({"Retry-After": "30"}, 60) == 30


def test_http_dates() -> None:
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=300), usegmt=True)
    seconds = parse_retry_after({"Retry-After": later})
    assert seconds is not None
    assert 290 <= seconds <= 300
    earlier = format_datetime(datetime.now(UTC) - timedelta(seconds=300), usegmt=True)
    assert parse_retry_after({"Retry-After": earlier}) == 0


def test_date_without_zone_is_utc() -> None:
    later = datetime.now(UTC).replace(tzinfo=None) + timedelta(seconds=600)
    header = format_datetime(later)
    assert header.endswith("-0000")
    seconds = parse_retry_after({"Retry-After": header})
    assert seconds is not None
    assert 590 <= seconds <= 600

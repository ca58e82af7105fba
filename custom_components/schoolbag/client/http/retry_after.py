"""The ``Retry-After`` header: seconds, or an HTTP date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
import math


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds to wait, or None when the header is absent or unreadable."""
    raw = headers.get("Retry-After", "").strip()
    if not raw:
        return None
    try:
        seconds = float(raw)
    except ValueError:
        return _seconds_until(raw)
    return max(0.0, seconds) if math.isfinite(seconds) else None


def retry_after(headers: Mapping[str, str], default: float) -> float:
    """Seconds to wait: the header's, else ``default``."""
    seconds = parse_retry_after(headers)
    return default if seconds is None else seconds


def _seconds_until(raw: str) -> float | None:
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        # "-0000" means UTC without saying so: never read it in the local zone.
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())

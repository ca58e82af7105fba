"""HTTP statuses every platform reads alike: rate limits and server faults."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import RateLimitedError, ServerUnavailableError
from .retry_after import parse_retry_after

HTTP_TOO_MANY_REQUESTS = 429
HTTP_SERVER_ERROR = 500
HTTP_SERVICE_UNAVAILABLE = 503


def raise_for_server_status(
    status: int, headers: Mapping[str, str], *, server: str, default_retry_after: float | None
) -> None:
    """Raise for 429 and 5xx; other statuses are the platform's to judge.

    429, and 503 with a ``Retry-After``, say when to come back: RateLimitedError with
    the header's seconds (``default_retry_after`` for a 429 without a readable header).
    Any other 5xx is ServerUnavailableError.
    """
    if status == HTTP_TOO_MANY_REQUESTS:
        seconds = parse_retry_after(headers)
        raise RateLimitedError(
            f"too many requests to {server} (HTTP 429)",
            default_retry_after if seconds is None else seconds,
        )
    if status < HTTP_SERVER_ERROR:
        return
    if status == HTTP_SERVICE_UNAVAILABLE and (seconds := parse_retry_after(headers)) is not None:
        raise RateLimitedError(f"{server} is overloaded (HTTP 503); it asks to wait", seconds)
    raise ServerUnavailableError(f"{server} server error (HTTP {status})")

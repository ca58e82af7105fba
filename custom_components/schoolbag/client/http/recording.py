"""An optional recorder every request of the shared sender is handed to (off by default).

``recording(recorder)`` turns it on for the code it wraps, and only for that code: the
recorder lives in a context variable, so requests sent by other tasks (a keep-alive ping,
another account's refresh) are not recorded. A recorder must redact what it keeps itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Exchange:
    """One request as sent and its answer as received, raw (secrets included).

    ``error`` names the failure when no answer came (then ``status`` is None).
    ``elapsed`` is in seconds.
    """

    method: str
    url: str
    request_headers: Sequence[tuple[str, str]]
    request_body: bytes | None
    status: int | None = None
    response_headers: Sequence[tuple[str, str]] = field(default_factory=tuple)
    response_body: bytes = b""
    charset: str | None = None
    content_type: str = ""
    elapsed: float = 0.0
    error: str | None = None


class Recorder(Protocol):
    """Receives every exchange of the code running under ``recording``."""

    def record(self, exchange: Exchange) -> None:
        """Keep ``exchange`` (redacted: the raw one must not be kept)."""


_ACTIVE: ContextVar[Recorder | None] = ContextVar("schoolbag_http_recorder", default=None)


def active_recorder() -> Recorder | None:
    """The recorder of the running code, or None (the default)."""
    return _ACTIVE.get()


@contextmanager
def recording(recorder: Recorder) -> Iterator[Recorder]:
    """Hand every exchange sent inside the block (and tasks it starts) to ``recorder``."""
    token = _ACTIVE.set(recorder)
    try:
        yield recorder
    finally:
        _ACTIVE.reset(token)


def header_pairs(headers: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """Every header as a (name, value) pair, repeated names (Set-Cookie) kept."""
    return tuple((str(name), str(value)) for name, value in headers.items())

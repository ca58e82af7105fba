"""The recorder handed to the shared HTTP sender: it keeps each exchange redacted.

Nothing raw is kept: an exchange is read for secrets, redacted and stored as text
before ``record`` returns. Values learned later (``learn_people``) are replaced in the
exchanges already stored too, still in memory, before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
import time
from typing import Any

from ..http.charset import decode_text
from ..http.recording import Exchange
from ..models import PLATFORM_NAMES, Account, SchoolPlatform
from .format import FORMAT, FORMAT_VERSION
from .redact import Redactor

_TEXT_TYPES = ("json", "html", "text", "xml", "javascript", "x-www-form-urlencoded")


class CaptureRecorder:
    """Redacted exchanges of one recorded session, ready to write as a capture."""

    def __init__(
        self,
        platform: SchoolPlatform,
        *,
        secrets: Iterable[str] = (),
        people: Iterable[str] = (),
        clock: Any = time.monotonic,
    ) -> None:
        """``secrets`` (password, PIN, stored tokens) and ``people`` (names) known beforehand."""
        self.platform = platform
        self.redactor = Redactor()
        for value in secrets:
            self.redactor.secret(value)
        for value in people:
            self.redactor.person_name(value)
        self._clock = clock
        self._started = clock()
        self._recorded_at = datetime.now(UTC)
        self._exchanges: list[dict[str, Any]] = []
        self.notes: list[str] = []

    def __repr__(self) -> str:
        """Counts only."""
        return f"CaptureRecorder({self.platform}, exchanges={len(self._exchanges)})"

    @property
    def exchanges(self) -> list[dict[str, Any]]:
        """The redacted exchanges recorded so far."""
        return self._exchanges

    def record(self, exchange: Exchange) -> None:
        """Learn the exchange's secrets, then keep it redacted."""
        redactor = self.redactor
        request_text = _body_text(exchange.request_body, "")
        response_text = _body_text(exchange.response_body, exchange.content_type, exchange.charset)
        redactor.learn_url(exchange.url)
        redactor.learn_headers(exchange.request_headers)
        redactor.learn_headers(exchange.response_headers)
        if request_text is not None:
            redactor.learn_text(request_text, "x-www-form-urlencoded")
        if response_text is not None:
            redactor.learn_text(response_text, exchange.content_type)
        at = self._clock() - self._started - exchange.elapsed
        self._exchanges.append(
            {
                "seq": len(self._exchanges) + 1,
                "at_ms": round(max(at, 0.0) * 1000),
                "elapsed_ms": round(exchange.elapsed * 1000),
                "request": {
                    "method": exchange.method,
                    "url": exchange.url,
                    "headers": [list(pair) for pair in exchange.request_headers],
                    **_body_fields(exchange.request_body, request_text),
                },
                "response": None
                if exchange.status is None
                else {
                    "status": exchange.status,
                    "content_type": exchange.content_type,
                    "charset": exchange.charset,
                    "headers": [list(pair) for pair in exchange.response_headers],
                    **_body_fields(exchange.response_body, response_text),
                },
                "error": exchange.error,
            }
        )
        self._redact_stored()

    def learn_people(self, names: Iterable[str], ids: Iterable[str] = ()) -> None:
        """Names and ids the client read (the account's), replaced in what is stored."""
        for name in names:
            self.redactor.person_name(name)
        for value in ids:
            self.redactor.person_id(value)
        self._redact_stored()

    def learn_account(self, account: Account) -> None:
        """The account holder's and the students' names and ids."""
        names = [account.display_name]
        ids = [account.id]
        for student in account.students:
            names += [student.full_name, student.first_name, student.last_name]
            ids.append(student.id)
        self.learn_people([name for name in names if name], ids)

    def capture(self, *, client: dict[str, Any] | None = None) -> dict[str, Any]:
        """The capture document (see ``format.py``)."""
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "platform": str(self.platform),
            "platform_name": PLATFORM_NAMES[self.platform],
            "recorded_at": self._recorded_at.isoformat(timespec="seconds"),
            "client": self._redacted(client or {}),
            "redacted": self.redactor.counts,
            "notes": list(self.notes),
            "exchanges": self._exchanges,
        }

    def _redacted(self, value: Any) -> Any:
        """A JSON-like value with every string (and number) redacted."""
        if isinstance(value, dict):
            return {str(key): self._redacted(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [self._redacted(item) for item in value]
        if isinstance(value, str):
            return self.redactor.apply(value)
        if isinstance(value, int) and not isinstance(value, bool):
            redacted = self.redactor.apply(str(value))
            return int(redacted) if redacted.isdigit() else redacted
        return value

    def _redact_stored(self) -> None:
        apply = self.redactor.apply
        for item in self._exchanges:
            request = item["request"]
            request["url"] = apply(request["url"])
            request["headers"] = [[name, apply(value)] for name, value in request["headers"]]
            if request.get("body") is not None:
                request["body"] = apply(request["body"])
            response = item["response"]
            if response is not None:
                response["headers"] = [[name, apply(value)] for name, value in response["headers"]]
                if response.get("body") is not None:
                    response["body"] = apply(response["body"])


def _body_text(body: bytes | None, content_type: str, charset: str | None = None) -> str | None:
    """The body as text when it is text (a binary body is never kept)."""
    if body is None:
        return None
    if not body:
        return ""
    if any(kind in content_type for kind in _TEXT_TYPES):
        return decode_text(body, charset)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _body_fields(body: bytes | None, text: str | None) -> dict[str, Any]:
    if body is None:
        return {"body": None}
    if text is None:
        return {"body": None, "omitted": f"binary body of {len(body)} bytes"}
    return {"body": text}

"""One Pronote server session (``h``): order numbers, key stages, envelopes and error codes.

Calls on a channel must be serialised (the order number forbids concurrency);
the client holds a lock around them.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from dataclasses import dataclass
import json
import logging
import re
import secrets
import time
from typing import Any, NoReturn

from ..errors import (
    NotSupportedError,
    ProtocolChangedError,
    RateLimitedError,
    SchoolError,
    ServerUnavailableError,
    SessionExpiredError,
)
from ..http import Answer, retry_after
from .bootstrap import Bootstrap, page_problem
from .const import DEFAULT_RATE_LIMIT_RETRY
from .crypto import AesKey, md5, rsa_encrypt
from .envelope import (
    CURRENT,
    build_request,
    decode_payload,
    encode_order,
    encode_payload,
    parse_version,
    response_payload,
    scheme_for_version,
    split_payload,
)
from .http_client import Http, check_status

_LOGGER = logging.getLogger(__name__)

ERROR_ACCESS_DENIED = 3
ERROR_UNAVAILABLE = 21
ERROR_TOO_MANY = 25
# Expired session, expired page (bad order number), stale objects of an old session.
SESSION_ERRORS = frozenset({10, 11, 13, 14, 22})
_MINUTES = re.compile(r"(\d+)\s*minute")
_HOURS = re.compile(r"(\d+)\s*heure")


@dataclass(frozen=True, slots=True)
class Reply:
    """The decoded ``data`` and ``Signature`` of an answer."""

    data: dict[str, Any]
    signature: dict[str, Any]


def error_for_code(code: int, title: str, headers: Mapping[str, str]) -> SchoolError:
    """The typed error of a top-level ``{"Erreur": {"G": code, "Titre": title}}``."""
    if code in SESSION_ERRORS:
        return SessionExpiredError(f"Pronote session ended (Erreur {code})")
    if code == ERROR_TOO_MANY:
        default = DEFAULT_RATE_LIMIT_RETRY
        if (found := _MINUTES.search(title)) is not None:
            default = int(found.group(1)) * 60.0
        elif (found := _HOURS.search(title)) is not None:
            default = int(found.group(1)) * 3600.0
        return RateLimitedError(
            "too many login attempts on Pronote (Erreur 25); wait before trying again",
            retry_after(headers, default),
        )
    if code == ERROR_ACCESS_DENIED:
        return NotSupportedError("Pronote refused access to this page for the account (Erreur 3)")
    if code == ERROR_UNAVAILABLE:
        return ProtocolChangedError("Pronote cannot serve this request (Erreur 21)")
    return ProtocolChangedError(f"unexpected Pronote error {code}: {title}".rstrip(": "))


def raise_for_unreadable_answer(function: str, page: Answer) -> NoReturn:
    """An answer that is not a JSON object: a notice or a cut answer is worth a retry.

    A front-end proxy serves an HTML maintenance notice with status 200, and a cut
    connection leaves the JSON open; anything else means the protocol changed.
    """
    start = page.text.lstrip()[:1]
    if start == "<":
        raise ServerUnavailableError(f"Pronote answered {function} with an HTML page (a notice?)")
    if start in ("{", "["):
        raise ServerUnavailableError(f"Pronote's answer to {function} was cut short")
    raise ProtocolChangedError(
        f"Pronote answered {function} with something that is not JSON (HTTP {page.status})"
    )


def _int(value: object) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return 0


class Channel:
    """A server session opened from a space page, until it expires."""

    def __init__(
        self,
        http: Http,
        base: str,
        bootstrap: Bootstrap,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http = http
        self._base = base
        self.bootstrap = bootstrap
        self.scheme = bootstrap.scheme
        self.key = AesKey()
        self.version: tuple[int, ...] | None = bootstrap.version
        self._order = 1
        self._clock = clock
        self.last_used = clock()
        self.dead = False
        self._iv_seed = secrets.token_bytes(16)

    def __repr__(self) -> str:
        """No key material, no session id."""
        return f"Channel(scheme={self.scheme.name}, dead={self.dead})"

    @property
    def idle(self) -> float:
        """Seconds since the last call."""
        return self._clock() - self.last_used

    def _uuid(self) -> str:
        """The IV seed sent as ``Uuid``: RSA-encrypted on plain-HTTP (and pre-2023) instances."""
        boot = self.bootstrap
        if boot.rsa_modulus and boot.rsa_exponent:
            sealed = rsa_encrypt(self._iv_seed, boot.rsa_modulus, boot.rsa_exponent)
        elif boot.http:
            sealed = rsa_encrypt(self._iv_seed)
        else:
            sealed = self._iv_seed
        return base64.b64encode(sealed).decode()

    async def start(self, navigator: str | None) -> dict[str, Any]:
        """``FonctionParametres``: send the IV seed; return the instance parameters.

        The answer is already encrypted with the new IV. The version it gives
        picks the payload field names when the page did not show one.
        """
        data = {"Uuid": self._uuid(), "identifiantNav": navigator}
        session_key = AesKey(self.key.key, md5(self._iv_seed))
        # Older servers read "donnees", newer "data": send both until the version is known.
        payload = {self.scheme.data: data, "donnees": data, "data": data}
        reply = await self._exchange("FonctionParametres", payload, decode_with=session_key)
        self.key = session_key
        general = reply.data.get("General")
        version = parse_version(general.get("versionPN")) if isinstance(general, dict) else None
        if version is not None:
            self.version = version
            if self.scheme is not CURRENT:
                named = scheme_for_version(version)
                if named is not CURRENT:
                    self.scheme = named
        return reply.data

    async def call(
        self,
        function: str,
        data: Mapping[str, Any] | None = None,
        *,
        tab: int | None = None,
        signature: Mapping[str, Any] | None = None,
    ) -> Reply:
        """Call a function with optional ``data`` and a ``Signature`` for ``tab``."""
        payload: dict[str, Any] = {}
        if tab is not None:
            payload[self.scheme.signature] = {"onglet": tab, **(signature or {})}
        if data is not None:
            payload[self.scheme.data] = dict(data)
        return await self._exchange(function, payload)

    async def _exchange(
        self, function: str, payload: dict[str, Any], *, decode_with: AesKey | None = None
    ) -> Reply:
        if self.dead:
            raise SessionExpiredError("the Pronote session already ended")
        boot = self.bootstrap
        order = encode_order(self.key, self._order)
        body = build_request(
            self.scheme,
            session_id=boot.session_id,
            order=order,
            function=function,
            payload=encode_payload(payload, self.key, encrypt=boot.encrypt, compress=boot.compress),
        )
        url = f"{self._base}/appelfonction/{boot.space_number}/{boot.session_id}/{order}"
        _LOGGER.debug("Pronote call %s", function)
        try:
            page = await self._http.post_json(url, body)
        except ServerUnavailableError:
            # The server may or may not have counted this order number.
            self.dead = True
            raise
        self._order += 2
        self.last_used = self._clock()
        try:
            return self._read(function, page, decode_with or self.key)
        except (SessionExpiredError, ServerUnavailableError):
            self.dead = True
            raise

    def _read(self, function: str, page: Answer, key: AesKey) -> Reply:
        check_status(page.status, page.headers)
        try:
            body = json.loads(page.text)
        except ValueError:
            body = None
        if not isinstance(body, dict):
            problem = page_problem(page.text)
            if problem is not None:
                raise problem
            if "La page a expir" in page.text:
                raise SessionExpiredError("the Pronote page expired")
            raise_for_unreadable_answer(function, page)
        error = body.get("Erreur")
        if isinstance(error, dict):
            code = _int(error.get("G"))
            _LOGGER.debug("Pronote %s refused with Erreur %s", function, code)
            raise error_for_code(code, str(error.get("Titre") or ""), page.headers)
        seen, raw = response_payload(body)
        if seen is None:
            raise ProtocolChangedError(f"Pronote answer to {function} has no payload")
        boot = self.bootstrap
        decoded = decode_payload(raw, key, encrypt=boot.encrypt, compress=boot.compress)
        data, signature = split_payload(decoded)
        if signature.get("Erreur"):
            message = str(signature.get("MessageErreur") or "no reason given")
            raise NotSupportedError(f"Pronote refused {function}: {message}")
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ProtocolChangedError(f"Pronote answer to {function} is not an object")
        return Reply(data=data, signature=signature)

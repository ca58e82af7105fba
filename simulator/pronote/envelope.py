"""Request/response envelopes: field names, order numbers and the ``dataSec`` pipelines.

See Pronote protocol §2.2-2.6.

Requests:  ``dataSec`` = hex(AES(deflate(hex(JSON))))  -- note the hex layer *before* deflate.
Responses: ``dataSec`` = hex(AES(deflate(JSON)))        -- no hex layer before deflate.
"""

from __future__ import annotations

from dataclasses import dataclass
import json
from typing import Any
import zlib

from simulator.pronote.crypto import CipherState, CryptoError, unhex

LEGACY = "legacy"
CURRENT = "2025"
SCHEMES = (CURRENT, LEGACY)


class EnvelopeError(ValueError):
    """The request envelope or its payload cannot be decoded."""


@dataclass(frozen=True)
class Scheme:
    """Envelope field names of one protocol generation."""

    name: str
    order: str
    function: str
    payload: str

    def fields(self, body: dict[str, Any]) -> tuple[str, Any, Any]:
        """Return ``(function name, order number, payload)`` of a request body."""
        function = body.get(self.function)
        if not isinstance(function, str) or self.order not in body or self.payload not in body:
            raise EnvelopeError(f"envelope does not use the {self.name} field names")
        return function, body[self.order], body[self.payload]


SCHEME_FIELDS = {
    CURRENT: Scheme(CURRENT, order="no", function="id", payload="dataSec"),
    LEGACY: Scheme(LEGACY, order="numeroOrdre", function="nom", payload="donneesSec"),
}


def scheme(name: str) -> Scheme:
    """Return the field names of ``"2025"`` or ``"legacy"``."""
    try:
        return SCHEME_FIELDS[name]
    except KeyError as err:
        raise ValueError(f"unknown envelope scheme {name!r}") from err


def deflate(data: bytes) -> bytes:
    """Raw DEFLATE (no zlib header or trailer), level 6."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def inflate(data: bytes) -> bytes:
    try:
        return zlib.decompress(data, wbits=-15)
    except zlib.error as err:
        raise EnvelopeError("payload is not raw DEFLATE data") from err


def encode_order(cipher: CipherState, number: int) -> str:
    """Encrypted order number as lower-case hex."""
    return cipher.encrypt_hex(str(number))


def decode_order(cipher: CipherState, text: Any) -> int | None:
    """Decrypt an order number (hex of either case); ``None`` when it does not decrypt."""
    if not isinstance(text, str):
        return None
    try:
        return int(cipher.decrypt_hex(text))
    except (CryptoError, ValueError):
        return None


def decode_request_payload(
    raw: Any, cipher: CipherState, *, encrypt: bool, compress: bool
) -> dict[str, Any]:
    """Decode a request ``dataSec``: unhex -> AES -> inflate -> unhex -> JSON.

    A plain JSON object is accepted whatever the flags (lenient, as when both are off).
    """
    if isinstance(raw, dict):
        return raw
    if not isinstance(raw, str):
        raise EnvelopeError("dataSec is neither an object nor a hex string")
    try:
        data = unhex(raw)
        if encrypt:
            data = cipher.decrypt(data)
        if compress:
            data = unhex(inflate(data).decode("ascii"))
        decoded = json.loads(data.decode())
    except (CryptoError, UnicodeDecodeError, ValueError) as err:
        raise EnvelopeError(f"cannot decode dataSec: {err}") from err
    if not isinstance(decoded, dict):
        raise EnvelopeError("dataSec does not hold a JSON object")
    return decoded


def encode_response_payload(
    payload: dict[str, Any], cipher: CipherState, *, encrypt: bool, compress: bool
) -> str | dict[str, Any]:
    """Encode a response ``dataSec``: JSON -> deflate -> AES -> hex (or the plain object)."""
    if not encrypt and not compress:
        return payload
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    if compress:
        data = deflate(data)
    if encrypt:
        data = cipher.encrypt(data)
    return data.hex().upper()


def encode_request_payload(
    payload: dict[str, Any], cipher: CipherState, *, encrypt: bool, compress: bool
) -> str | dict[str, Any]:
    """Client-side encoding of a request ``dataSec`` (used by tests and tools)."""
    if not encrypt and not compress:
        return payload
    data = json.dumps(payload).encode()
    if compress:
        data = deflate(data.hex().encode())
    if encrypt:
        data = cipher.encrypt(data)
    return data.hex().upper()


def decode_response_payload(
    raw: Any, cipher: CipherState, *, encrypt: bool, compress: bool
) -> dict[str, Any]:
    """Client-side decoding of a response ``dataSec`` (used by tests and tools)."""
    if isinstance(raw, dict):
        return raw
    data = unhex(raw)
    if encrypt:
        data = cipher.decrypt(data)
    if compress:
        data = inflate(data)
    decoded = json.loads(data.decode())
    if not isinstance(decoded, dict):
        raise EnvelopeError("dataSec does not hold a JSON object")
    return decoded


def split_payload(payload: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return ``(data, Signature)`` accepting both inner naming generations.

    ``data``/``Signature`` (2024.3.9+) and ``donnees``/``_Signature_`` (older).
    """
    data = payload.get("data")
    if data is None:
        data = payload.get("donnees")
    signature = payload.get("Signature")
    if signature is None:
        signature = payload.get("_Signature_")
    return (
        data if isinstance(data, dict) else {},
        signature if isinstance(signature, dict) else {},
    )

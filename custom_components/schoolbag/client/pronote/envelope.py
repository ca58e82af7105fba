"""Request/response envelopes: field names, order numbers and the ``dataSec`` pipelines (2.2-2.6).

Requests:  ``dataSec`` = hex(AES(deflate(hex(JSON))))  (note the hex layer before deflate).
Responses: ``dataSec`` = hex(AES(deflate(JSON))).
Either step is skipped when its flag is off; with both off ``dataSec`` is the object itself.
"""

from __future__ import annotations

from dataclasses import dataclass
import json
from typing import Any
import zlib

from ..errors import ProtocolChangedError
from .crypto import AesKey, CryptoError, unhex

# Field names changed in 2024.3.9 (payload) and 2025.1.3 (envelope).
VERSION_DATA_NAMES = (2024, 3, 9)
VERSION_CURRENT_ENVELOPE = (2025, 1, 3)


@dataclass(frozen=True, slots=True)
class Scheme:
    """Field names of one protocol generation."""

    name: str
    order: str
    function: str
    payload: str
    data: str
    signature: str
    keep_alive: str


CURRENT = Scheme("2025", "no", "id", "dataSec", "data", "Signature", "Navigation")
LEGACY = Scheme("legacy", "numeroOrdre", "nom", "donneesSec", "data", "Signature", "Navigation")
LEGACY_OLD = Scheme(
    "legacy-2024", "numeroOrdre", "nom", "donneesSec", "donnees", "_Signature_", "Presence"
)


def scheme_for_version(version: tuple[int, ...]) -> Scheme:
    """The field names a server of this version uses."""
    if version >= VERSION_CURRENT_ENVELOPE:
        return CURRENT
    if version >= VERSION_DATA_NAMES:
        return LEGACY
    return LEGACY_OLD


def parse_version(text: object) -> tuple[int, ...] | None:
    """``"2026.2.5"`` -> ``(2026, 2, 5)``; None when it is not a version."""
    if not isinstance(text, str):
        return None
    try:
        parts = tuple(int(part) for part in text.strip().split("."))
    except ValueError:
        return None
    return parts if len(parts) >= 2 else None


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def encode_order(key: AesKey, number: int) -> str:
    """The encrypted order number (lower-case hex, as pronotepy sends it)."""
    return key.encrypt_hex(str(number))


def encode_payload(
    payload: dict[str, Any], key: AesKey, *, encrypt: bool, compress: bool
) -> str | dict[str, Any]:
    """Encode a request payload for ``dataSec``."""
    if not encrypt and not compress:
        return payload
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    if compress:
        data = _deflate(data.hex().encode())
    if encrypt:
        data = key.encrypt(data)
    return data.hex().upper()


def decode_payload(raw: object, key: AesKey, *, encrypt: bool, compress: bool) -> dict[str, Any]:
    """Decode a response ``dataSec`` (a hex string, or the object when both flags are off)."""
    if isinstance(raw, dict):
        return raw
    if not isinstance(raw, str):
        raise ProtocolChangedError("Pronote answer has no readable payload")
    try:
        data = unhex(raw)
        if encrypt:
            data = key.decrypt(data)
        if compress:
            data = zlib.decompress(data, wbits=-15)
        decoded = json.loads(data.decode())
    except (CryptoError, zlib.error, UnicodeDecodeError, ValueError) as err:
        raise ProtocolChangedError("Pronote answer payload cannot be decoded") from err
    if not isinstance(decoded, dict):
        raise ProtocolChangedError("Pronote answer payload is not an object")
    return decoded


def build_request(
    scheme: Scheme,
    *,
    session_id: int,
    order: str,
    function: str,
    payload: str | dict[str, Any],
) -> dict[str, Any]:
    """The JSON body of an ``appelfonction`` request."""
    return {
        "session": session_id,
        scheme.order: order,
        scheme.function: function,
        scheme.payload: payload,
    }


def response_payload(body: dict[str, Any]) -> tuple[Scheme | None, object]:
    """The raw payload of a response and the generation its field name reveals."""
    if CURRENT.payload in body:
        return CURRENT, body[CURRENT.payload]
    if LEGACY.payload in body:
        return LEGACY, body[LEGACY.payload]
    return None, None


def split_payload(payload: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
    """``(data, Signature)`` of a decoded payload, whichever generation named them."""
    data = payload.get("data", payload.get("donnees"))
    signature = payload.get("Signature", payload.get("_Signature_"))
    return data, signature if isinstance(signature, dict) else {}

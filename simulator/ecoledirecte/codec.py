"""Request body parsing and response envelope helpers (EcoleDirecte protocol §1.1, 2 and 6.1)."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any
from urllib.parse import unquote_plus

HOST = "HTTPSIM"
JSON_CONTENT_TYPE = "application/json; charset=UTF-8"

MESSAGES: dict[int, str] = {
    200: "",
    210: "",
    225: "Paramètres spécifiés incorrects !",
    250: "",
    505: "Identifiant et/ou mot de passe invalide !",
    512: "Opération refusée.",
    516: "Compte bloqué.",
    517: "Version de l'application invalide, veuillez mettre à jour l'application.",
    520: "Token invalide !",
    522: "Format JSON invalide.\nPour la chaîne du JEDObject",
    525: "Session expirée",
    535: "L'établissement n'est pas disponible sur EcoleDirecte pour le moment.",
}

JsonObject = dict[str, Any]


class BodyFormatError(ValueError):
    """The ``data=`` body could not be decoded as a JSON object (code 522)."""


def _loads_object(text: str) -> JsonObject | None:
    try:
        value = json.loads(text)
    except ValueError:
        return None
    if isinstance(value, dict):
        return value
    raise BodyFormatError("data is not a JSON object")


def parse_body(raw: str) -> JsonObject | None:
    """Decode a request body the way the real server tolerates it.

    Returns ``None`` for an empty body. Order: strip a leading ``data=``; try JSON; else
    URL-decode (form semantics, ``+`` is a space) and retry; else turn single quotes into double
    quotes and retry. Anything else raises :class:`BodyFormatError`.
    """
    text = raw.strip()
    if not text:
        return None
    if text.startswith("data="):
        text = text[len("data=") :]
    if not text.strip():
        return None
    decoded = unquote_plus(text)
    for candidate in (text, decoded, text.replace("'", '"'), decoded.replace("'", '"')):
        parsed = _loads_object(candidate)
        if parsed is not None:
            return parsed
    raise BodyFormatError("invalid JSON body")


def url_decode_field(value: object) -> str:
    """URL-decode a string field (``motdepasse``, ``identifiant``) after JSON parsing."""
    if value is None:
        return ""
    return unquote_plus(str(value))


def b64encode_text(text: str) -> str:
    """Return the base64 of the UTF-8 encoding of ``text``."""
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def b64decode_text(value: str) -> str | None:
    """Decode base64 UTF-8 text; ``None`` when ``value`` is not valid base64 text."""
    try:
        return base64.b64decode(value.encode("ascii"), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        return None


def parse_version(value: str) -> tuple[int, ...] | None:
    """Parse ``"4.75.0"`` into ``(4, 75, 0)``; ``None`` when not a dotted number."""
    parts = value.strip().split(".")
    if not parts or not all(part.isdigit() for part in parts):
        return None
    return tuple(int(part) for part in parts)


def envelope(
    code: int, *, token: str = "", data: Any = None, message: str | None = None
) -> JsonObject:
    """Build the JSON envelope of EcoleDirecte protocol §2."""
    return {
        "host": HOST,
        "code": code,
        "token": token,
        "message": MESSAGES.get(code, "") if message is None else message,
        "data": data,
    }


def login_error_data() -> JsonObject:
    """Return the ``data`` object that accompanies login errors."""
    return {"changementMDP": False, "accounts": []}


def dumps(payload: Any) -> str:
    """Serialise a payload as compact UTF-8 JSON."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))

"""The QR code of the Pronote app (Pronote protocol §4.2): read it and decrypt it with the PIN."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
import json
from typing import Any

from ..errors import InvalidCredentialsError
from .crypto import CryptoError, qr_key


@dataclass(frozen=True, slots=True)
class QrCode:
    """The QR code content: the space page and the encrypted login and one-shot secret."""

    url: str
    login: str
    jeton: str

    def __repr__(self) -> str:
        """The encrypted fields stay out of logs."""
        return f"QrCode(url={self.url!r})"


@dataclass(frozen=True, slots=True)
class QrSecret:
    """The decrypted login and one-shot secret."""

    login: str
    jeton: str

    def __repr__(self) -> str:
        """Secrets stay out of logs."""
        return "QrSecret(***)"


def read_qr_code(content: str | Mapping[str, Any]) -> QrCode:
    """Read the JSON of a Pronote QR code (text or already parsed).

    Raises ValueError when it is not a Pronote QR code.
    """
    data: Any = content
    if isinstance(content, str):
        try:
            data = json.loads(content)
        except ValueError:
            raise ValueError("this is not a Pronote QR code (not JSON)") from None
    fields = {
        name: data.get(name) if isinstance(data, Mapping) else None
        for name in ("url", "login", "jeton")
    }
    if not all(isinstance(item, str) and item for item in fields.values()):
        raise ValueError("this Pronote QR code lacks url, login or jeton")
    return QrCode(url=str(fields["url"]), login=str(fields["login"]), jeton=str(fields["jeton"]))


def decrypt_qr_code(code: QrCode, pin: str) -> QrSecret:
    """Decrypt the login and secret with the 4-digit PIN chosen when the QR code was made."""
    key = qr_key(pin.strip())
    try:
        return QrSecret(login=key.decrypt_hex(code.login), jeton=key.decrypt_hex(code.jeton))
    except CryptoError:
        raise InvalidCredentialsError("the PIN does not match this Pronote QR code") from None

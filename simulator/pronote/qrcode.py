"""QR-code login grants (Pronote protocol §4.2) and mobile tokens (§4.3).

``JetonAppliMobile`` (onglet 7, ``data.code`` = 4-digit PIN) returns ``login`` and ``jeton``,
each hex of AES-CBC(key MD5(PIN), zero IV). The decrypted ``login`` is the account login;
the decrypted ``jeton`` is the one-shot secret of the QR login (valid ``qr_ttl`` seconds).
"""

from __future__ import annotations

from dataclasses import dataclass
import secrets

from simulator.pronote.crypto import qr_cipher
from simulator.pronote.errors import Refusal
from simulator.pronote.protocol import Call, Json

BYDLG = "A6ABB224-12DD-4E31-AD3E-8A39A1C2C335"


@dataclass
class QrGrant:
    """A QR code a user could scan: who, which space, its secret and its PIN."""

    space_kind: str
    username: str
    jeton: str
    pin: str
    expires: float

    def payload(self, url: str) -> dict[str, str]:
        """The encrypted fields of the QR JSON (``url`` added by the caller)."""
        cipher = qr_cipher(self.pin)
        return {
            "jeton": cipher.encrypt_hex(self.jeton),
            "login": cipher.encrypt_hex(self.username),
            "url": url,
        }


class QrStore:
    """Live QR grants, newest first per (space, login)."""

    def __init__(self) -> None:
        self._grants: list[QrGrant] = []

    def issue(self, space_kind: str, username: str, pin: str, now: float, ttl: float) -> QrGrant:
        grant = QrGrant(space_kind, username, secrets.token_hex(48).upper(), pin, now + ttl)
        self._grants.insert(0, grant)
        return grant

    def find(self, space_kind: str, login: str, now: float) -> QrGrant | None:
        wanted = login.lower()
        self._grants = [g for g in self._grants if g.expires > now]
        return next(
            (
                g
                for g in self._grants
                if g.space_kind == space_kind and g.username.lower() == wanted
            ),
            None,
        )

    def consume(self, space_kind: str, username: str) -> None:
        """Spend the grant used by a successful QR login (single use)."""
        wanted = username.lower()
        for index, grant in enumerate(self._grants):
            if grant.space_kind == space_kind and grant.username.lower() == wanted:
                del self._grants[index]
                return

    def clear(self) -> None:
        self._grants.clear()


def jeton_appli_mobile(call: Call) -> Json:
    """Generate QR data for the logged-in account from the PIN chosen by the user."""
    pin = call.data.get("code")
    if not isinstance(pin, str) or len(pin) != 4 or not pin.isdigit():
        raise Refusal("Le code doit comporter 4 chiffres.")
    account = call.account
    sim = call.sim
    grant = sim.qr_codes.issue(
        call.session.space.kind, account.username, pin, sim.clock(), sim.qr_ttl
    )
    encrypted = grant.payload("")
    return {"jeton": encrypted["jeton"], "login": encrypted["login"]}

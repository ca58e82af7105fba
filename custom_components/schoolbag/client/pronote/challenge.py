"""Solve the login challenge: the legacy alea-wrapped variant, else the direct one.

See Pronote protocol §3.3.
"""

from __future__ import annotations

from dataclasses import dataclass

from .crypto import AesKey, CryptoError, unhex


@dataclass(frozen=True, slots=True)
class ChallengeAnswer:
    """The hex answer for Authentification and which variant produced it."""

    answer: str
    legacy: bool

    def __repr__(self) -> str:
        """Keep the answer (derived from the password) out of logs."""
        return f"ChallengeAnswer(legacy={self.legacy})"


def _legacy_plaintext(challenge: str, key: AesKey) -> str | None:
    """The decrypted challenge when it looks like the legacy variant's, else None.

    Legacy challenges decrypt to printable text. A direct challenge (or a
    wrong key) almost never unpads to printable text, which is why a wrong
    password usually shows up here first on old servers.
    """
    try:
        text = key.decrypt(unhex(challenge)).decode()
    except (CryptoError, UnicodeDecodeError):
        return None
    if not text or not text.isprintable():
        return None
    return text


def solve_challenge(challenge: str, key: AesKey, *, direct_only: bool = False) -> ChallengeAnswer:
    """Answer a challenge with the key derived from the login and secret.

    Legacy servers send AES(text with a filler character after each real
    one): keep the characters at even indexes and encrypt them again.
    Servers since 2026.2.5 send an opaque string to encrypt as it is.
    """
    if not direct_only:
        plain = _legacy_plaintext(challenge, key)
        if plain is not None:
            return ChallengeAnswer(key.encrypt_hex(plain[::2]), legacy=True)
    return ChallengeAnswer(key.encrypt_hex(challenge), legacy=False)

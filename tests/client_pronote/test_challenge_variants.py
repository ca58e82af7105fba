"""Which login challenge variant is answered: legacy (printable alea text) or direct."""

from __future__ import annotations

import pytest

from custom_components.schoolbag.client.pronote import crypto
from custom_components.schoolbag.client.pronote.challenge import solve_challenge
from custom_components.schoolbag.client.pronote.crypto import AesKey

KEY = AesKey(crypto.md5(b"login-key"), crypto.md5(bytes(range(16))))


@pytest.mark.parametrize(
    "plaintext",
    [b"", b"\x00\x01\x02\x03", b"a\tb\nc", "é\u200bé".encode()],
    ids=["empty", "control-bytes", "tab-newline", "zero-width-space"],
)
def test_challenge_decrypting_to_unprintable_text_is_direct(plaintext: bytes) -> None:
    """Valid padding is not enough: empty or unprintable plaintext means a direct challenge."""
    challenge = KEY.encrypt(plaintext).hex()
    answer = solve_challenge(challenge, KEY)
    assert not answer.legacy
    assert KEY.decrypt_hex(answer.answer) == challenge


def test_printable_plaintext_is_the_legacy_variant() -> None:
    """Printable plaintext keeps every other character, encrypted again."""
    challenge = KEY.encrypt(b"a-b-c-1-2-3-").hex()
    answer = solve_challenge(challenge, KEY)
    assert answer.legacy
    assert KEY.decrypt_hex(answer.answer) == "abc123"


def test_direct_only_never_unwraps_a_legacy_looking_challenge() -> None:
    """Once the server is known to be direct, even a printable plaintext is not unwrapped."""
    challenge = KEY.encrypt(b"a-b-c-").hex()
    answer = solve_challenge(challenge, KEY, direct_only=True)
    assert not answer.legacy
    assert KEY.decrypt_hex(answer.answer) == challenge

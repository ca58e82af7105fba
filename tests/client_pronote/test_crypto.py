"""Cryptography against the Pronote protocol notes' test vectors, and round trips.

See Pronote protocol §2.3-2.5, 3.3-3.5, 4.2.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.hazmat.primitives.asymmetric import padding, rsa
import pytest

from custom_components.schoolbag.client.pronote import crypto
from custom_components.schoolbag.client.pronote.challenge import solve_challenge
from custom_components.schoolbag.client.pronote.crypto import AesKey, CryptoError
from custom_components.schoolbag.client.pronote.envelope import encode_order

SEED = bytes(range(16))
# pronotepy 2.15.7's decimal form of the web client's RSA modulus.
PRONOTEPY_MODULUS = int(
    "1303378745172860417784450122535143958013414803346689794169209893654645289046181502453880"
    "4810586505938707635749268457317220324522138637640594782437782722484686069913063856664312"
    "9067735803555082190977267155957271492183684665050351182476506458843580431717209261903043"
    "895605014125081521285387341454154194253026277"
)


def test_initial_key_and_first_order_number() -> None:
    assert crypto.EMPTY_KEY.hex() == "d41d8cd98f00b204e9800998ecf8427e"
    assert encode_order(AesKey(), 1) == "3fa959b13967e0ef176069e01e23c8d7"


def test_session_iv_and_challenge_vector() -> None:
    iv = crypto.md5(SEED)
    assert iv.hex() == "1ac1ef01e96caf1be0d329331a4fc2a8"
    key = crypto.challenge_key("Demo.Eleve", "secret", "", lower_login=True, lower_secret=False)
    assert key.hex() == "41fb8b26ac2eedf790a3b5e05be6ea0d"
    answer = solve_challenge("0123456789ABCDEF0123456789ABCDEF", AesKey(key, iv), direct_only=True)
    assert answer.answer == (
        "c0ee0307d989300745bf5a87d67c6a308e61f1fb71231df2c02af535dacfc20a"
        "63b214f0fab12898273feaad2bbbab93"
    )
    assert not answer.legacy
    assert "c0ee" not in repr(answer)


def test_challenge_key_lower_cases_on_request() -> None:
    upper = crypto.challenge_key("A", "PW", "x", lower_login=False, lower_secret=False)
    lower = crypto.challenge_key("A", "PW", "x", lower_login=True, lower_secret=True)
    expected = crypto.md5(("a" + hashlib.sha256(b"xpw").hexdigest().upper()).encode())
    assert lower == expected
    assert upper != lower


def test_ent_challenge_key() -> None:
    expected = crypto.md5(hashlib.sha256(b"F1").hexdigest().upper().encode())
    assert crypto.ent_challenge_key("F1") == expected


def test_legacy_challenge_round_trip() -> None:
    key = AesKey(crypto.md5(b"k"), crypto.md5(SEED))
    plain = "a1b2c3d4e5f6"
    interleaved = "".join(char + "z" for char in plain)
    challenge = key.encrypt(interleaved.encode()).hex().upper()
    answer = solve_challenge(challenge, key)
    assert answer.legacy
    assert key.decrypt_hex(answer.answer) == plain


def test_direct_challenge_when_legacy_decryption_fails() -> None:
    key = AesKey(crypto.md5(b"k"), crypto.md5(SEED))
    challenge = "5A0C3F7E9B1D24688AC2E0F1B3D5A7C9"
    answer = solve_challenge(challenge, key)
    assert not answer.legacy
    assert key.decrypt_hex(answer.answer) == challenge
    # Not hex at all: direct too.
    assert not solve_challenge("not-hex", key).legacy


def test_aes_round_trip_and_errors() -> None:
    key = AesKey(crypto.md5(b"k"), crypto.md5(b"iv"))
    assert key.decrypt_hex(key.encrypt_hex("héllo")) == "héllo"
    assert key.with_key(crypto.EMPTY_KEY).iv == key.iv
    with pytest.raises(CryptoError):
        key.decrypt(b"short")
    with pytest.raises(CryptoError):
        key.decrypt(bytes(16))  # bad padding
    with pytest.raises(CryptoError):
        crypto.unhex("zz")
    other = AesKey(crypto.md5(b"other"), key.iv)
    with pytest.raises(CryptoError):
        other.decrypt_hex(key.encrypt(b"\xff\xfe" * 8).hex())
    assert key.key.hex() not in repr(key)


def test_non_utf8_plaintext_is_a_crypto_error() -> None:
    key = AesKey()
    with pytest.raises(CryptoError):
        key.decrypt_hex(key.encrypt(b"\xff\xfe\xfd").hex())


def test_session_key_from_cle() -> None:
    assert crypto.session_key_from_cle("1,2,255") == crypto.md5(bytes([1, 2, 255]))
    with pytest.raises(CryptoError):
        crypto.session_key_from_cle("1,x")
    with pytest.raises(CryptoError):
        crypto.session_key_from_cle("1,300")


def test_qr_key() -> None:
    key = crypto.qr_key("1234")
    assert key.key == crypto.md5(b"1234")
    assert key.iv == bytes(16)


def test_rsa_modulus_matches_pronotepy() -> None:
    assert crypto.RSA_MODULUS == PRONOTEPY_MODULUS
    assert crypto.RSA_MODULUS.bit_length() == 1024


def test_rsa_encryption_decrypts_with_the_private_key() -> None:
    private = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    numbers = private.public_key().public_numbers()
    sealed = crypto.rsa_encrypt(SEED, numbers.n, numbers.e)
    assert private.decrypt(sealed, padding.PKCS1v15()) == SEED
    assert len(base64.b64encode(crypto.rsa_encrypt(SEED))) == 172

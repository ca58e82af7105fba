"""Crypto and encoding building blocks (Pronote protocol §2.3-2.6, 3.4, 7)."""

from __future__ import annotations

from datetime import datetime
import hashlib
import json
import zlib

import pytest

from simulator.pronote import envelope
from simulator.pronote.crypto import (
    EMPTY_KEY,
    ZERO_IV,
    CipherState,
    CryptoError,
    add_alea,
    challenge_key,
    decrypt_lenient,
    ent_challenge_key,
    md5,
    pad,
    qr_cipher,
    remove_alea,
)
from simulator.pronote.values import (
    domain_text,
    entity_id,
    fr_number,
    parse_datetime,
    parse_domain,
    parse_fr_number,
)


def test_first_order_number_vector() -> None:
    assert EMPTY_KEY.hex() == "d41d8cd98f00b204e9800998ecf8427e"
    first = envelope.encode_order(CipherState(EMPTY_KEY, ZERO_IV), 1)
    assert first == "3fa959b13967e0ef176069e01e23c8d7"
    assert envelope.decode_order(CipherState(), first.upper()) == 1
    assert envelope.decode_order(CipherState(), "zz") is None


def test_challenge_key_and_answer_vector() -> None:
    iv = md5(bytes(range(16)))
    assert iv.hex() == "1ac1ef01e96caf1be0d329331a4fc2a8"
    key = challenge_key("demo.eleve", "secret", "", lower_login=True, lower_secret=False)
    assert key.hex() == "41fb8b26ac2eedf790a3b5e05be6ea0d"
    answer = CipherState(key, iv).encrypt_hex("0123456789ABCDEF0123456789ABCDEF")
    assert answer == (
        "c0ee0307d989300745bf5a87d67c6a308e61f1fb71231df2c02af535dacfc20a"
        "63b214f0fab12898273feaad2bbbab93"
    )


def test_key_derivation_rules() -> None:
    upper = challenge_key("Demo.Eleve", "Secret", "", lower_login=True, lower_secret=True)
    assert upper == challenge_key("demo.eleve", "secret", "", lower_login=False, lower_secret=False)
    with_alea = challenge_key("demo.eleve", "secret", "abc", lower_login=True, lower_secret=False)
    assert with_alea != upper
    expected = hashlib.md5(hashlib.sha256(b"F00").hexdigest().upper().encode()).digest()
    assert ent_challenge_key("F00") == expected


def test_alea_interleaving_round_trip() -> None:
    wrapped = add_alea("1234", "xy")
    assert wrapped == "1x2y3x4y"
    assert remove_alea(wrapped) == "1234"


def test_bad_key_fails_unpadding() -> None:
    data = CipherState(md5(b"a"), ZERO_IV).encrypt(b"hello world")
    with pytest.raises(CryptoError):
        CipherState(md5(b"b"), ZERO_IV).decrypt(data)
    with pytest.raises(CryptoError):
        CipherState().decrypt(b"short")


def test_qr_cipher_and_double_padding() -> None:
    cipher = qr_cipher("1234")
    assert cipher.key == md5(b"1234")
    assert cipher.iv == ZERO_IV
    payload = b'{"N":"48#x","Actif":true}'
    assert decrypt_lenient(cipher, cipher.encrypt(pad(payload))) == payload
    assert decrypt_lenient(cipher, cipher.encrypt(payload)) == payload


@pytest.mark.parametrize(("encrypt", "compress"), [(True, True), (True, False), (False, True)])
def test_request_pipeline_has_a_hex_layer_before_deflate(encrypt: bool, compress: bool) -> None:
    cipher = CipherState(md5(b"k"), md5(b"iv"))
    payload = {"data": {"Uuid": "abc", "accent": "é"}}
    encoded = envelope.encode_request_payload(payload, cipher, encrypt=encrypt, compress=compress)
    assert isinstance(encoded, str)
    assert encoded == encoded.upper()
    raw = bytes.fromhex(encoded)
    if encrypt:
        raw = cipher.decrypt(raw)
    if compress:
        raw = bytes.fromhex(zlib.decompress(raw, wbits=-15).decode())
    assert json.loads(raw) == payload
    decoded = envelope.decode_request_payload(encoded, cipher, encrypt=encrypt, compress=compress)
    assert decoded == payload


def test_response_pipeline_deflates_json_directly() -> None:
    cipher = CipherState(md5(b"k"), md5(b"iv"))
    payload = {"data": {"L": "Léa"}}
    encoded = envelope.encode_response_payload(payload, cipher, encrypt=True, compress=True)
    assert isinstance(encoded, str)
    inflated = zlib.decompress(cipher.decrypt(bytes.fromhex(encoded)), wbits=-15)
    assert json.loads(inflated) == payload
    plain = envelope.encode_response_payload(payload, cipher, encrypt=False, compress=False)
    assert plain == payload


def test_plain_request_object_is_accepted_and_garbage_rejected() -> None:
    cipher = CipherState()
    assert envelope.decode_request_payload({"data": {}}, cipher, encrypt=True, compress=True) == {
        "data": {}
    }
    with pytest.raises(envelope.EnvelopeError):
        envelope.decode_request_payload("ABCD", cipher, encrypt=True, compress=True)
    with pytest.raises(envelope.EnvelopeError):
        envelope.decode_request_payload(12, cipher, encrypt=True, compress=True)


def test_split_payload_accepts_both_inner_namings() -> None:
    assert envelope.split_payload({"data": {"a": 1}, "Signature": {"onglet": 16}}) == (
        {"a": 1},
        {"onglet": 16},
    )
    assert envelope.split_payload({"donnees": {"a": 1}, "_Signature_": {"onglet": 16}}) == (
        {"a": 1},
        {"onglet": 16},
    )
    assert envelope.split_payload({}) == ({}, {})


def test_domains() -> None:
    assert parse_domain("[3..5]") == {3, 4, 5}
    assert parse_domain("[1,3..4,6]") == {1, 3, 4, 6}
    assert parse_domain("[]") == set()
    assert domain_text({1, 2, 3, 5}) == "[1..3,5]"
    for bad in ("3..5", "[a]", "[1..999]"):
        with pytest.raises(ValueError, match="domain"):
            parse_domain(bad)


def test_dates_and_numbers() -> None:
    assert parse_datetime("5/9/2025 0:0:0") == datetime(2025, 9, 5)
    assert parse_datetime("15/09/2025 09:00:00") == datetime(2025, 9, 15, 9)
    assert parse_datetime("15/09/25 09h30") == datetime(2025, 9, 15, 9, 30)
    with pytest.raises(ValueError, match="date"):
        parse_datetime("2025-09-15")
    assert fr_number(15.5) == "15,5"
    assert fr_number(12.0) == "12"
    assert fr_number(11.256) == "11,26"
    assert parse_fr_number("15,5") == 15.5
    assert parse_fr_number("|1") is None
    assert entity_id(38, "x") == entity_id(38, "x")
    assert entity_id(38, "x").startswith("38#")
    assert entity_id(38, "x") != entity_id(38, "y")

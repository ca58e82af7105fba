"""Envelopes: both naming schemes, the asymmetric pipelines, order numbers.

See Pronote protocol §2.2-2.6.

The simulator's codec is an independent implementation: requests encoded
here must decode there, and its responses must decode here.
"""

from __future__ import annotations

import json
from typing import Any
import zlib

import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError
from custom_components.schoolbag.client.pronote import envelope
from custom_components.schoolbag.client.pronote.crypto import AesKey, md5
from simulator.pronote import envelope as sim_envelope
from simulator.pronote.crypto import CipherState

KEY = AesKey(md5(b"session"), md5(b"iv"))
SIM_KEY = CipherState(KEY.key, KEY.iv)
PAYLOAD: dict[str, Any] = {"Signature": {"onglet": 16}, "data": {"numeroSemaine": 3, "é": "à"}}
FLAGS = [(True, True), (True, False), (False, True), (False, False)]


@pytest.mark.parametrize(("encrypt", "compress"), FLAGS)
def test_request_pipeline_matches_the_simulator(encrypt: bool, compress: bool) -> None:
    encoded = envelope.encode_payload(PAYLOAD, KEY, encrypt=encrypt, compress=compress)
    decoded = sim_envelope.decode_request_payload(
        encoded, SIM_KEY, encrypt=encrypt, compress=compress
    )
    assert decoded == PAYLOAD


@pytest.mark.parametrize(("encrypt", "compress"), FLAGS)
def test_response_pipeline_matches_the_simulator(encrypt: bool, compress: bool) -> None:
    encoded = sim_envelope.encode_response_payload(
        PAYLOAD, SIM_KEY, encrypt=encrypt, compress=compress
    )
    assert envelope.decode_payload(encoded, KEY, encrypt=encrypt, compress=compress) == PAYLOAD


def test_request_compression_deflates_the_hex_text() -> None:
    encoded = envelope.encode_payload({"a": 1}, KEY, encrypt=False, compress=True)
    assert isinstance(encoded, str)
    assert encoded == encoded.upper()
    inflated = zlib.decompress(bytes.fromhex(encoded), wbits=-15).decode()
    assert json.loads(bytes.fromhex(inflated)) == {"a": 1}


def test_response_compression_has_no_hex_layer() -> None:
    raw = zlib.compressobj(6, zlib.DEFLATED, -15)
    data = raw.compress(b'{"data":{"x":1}}') + raw.flush()
    decoded = envelope.decode_payload(data.hex(), KEY, encrypt=False, compress=True)
    assert decoded == {"data": {"x": 1}}


@pytest.mark.parametrize("raw", [12, "zz", "00", KEY.encrypt(b"[1]").hex(), None])
def test_undecodable_payloads(raw: object) -> None:
    with pytest.raises(ProtocolChangedError):
        envelope.decode_payload(raw, KEY, encrypt=True, compress=False)


def test_order_numbers_match_the_simulator() -> None:
    for number in (1, 3, 41):
        text = envelope.encode_order(KEY, number)
        assert text == text.lower()
        assert sim_envelope.decode_order(SIM_KEY, text) == number
        assert sim_envelope.decode_order(SIM_KEY, text.upper()) == number


def test_request_bodies_of_both_schemes() -> None:
    current = envelope.build_request(
        envelope.CURRENT, session_id=42, order="ab", function="F", payload="CD"
    )
    assert current == {"session": 42, "no": "ab", "id": "F", "dataSec": "CD"}
    legacy = envelope.build_request(
        envelope.LEGACY, session_id=42, order="ab", function="F", payload={}
    )
    assert legacy == {"session": 42, "numeroOrdre": "ab", "nom": "F", "donneesSec": {}}
    for name, scheme in (("2025", envelope.CURRENT), ("legacy", envelope.LEGACY)):
        fields = sim_envelope.scheme(name).fields(
            envelope.build_request(scheme, session_id=1, order="x", function="G", payload={})
        )
        assert fields == ("G", "x", {})


def test_response_payload_names() -> None:
    assert envelope.response_payload({"dataSec": "A"}) == (envelope.CURRENT, "A")
    assert envelope.response_payload({"donneesSec": "B"}) == (envelope.LEGACY, "B")
    assert envelope.response_payload({"Erreur": {}}) == (None, None)


def test_split_payload_accepts_both_generations() -> None:
    assert envelope.split_payload({"data": {"a": 1}, "Signature": {"b": 2}}) == (
        {"a": 1},
        {"b": 2},
    )
    assert envelope.split_payload({"donnees": {"a": 1}, "_Signature_": {"b": 2}}) == (
        {"a": 1},
        {"b": 2},
    )
    assert envelope.split_payload({"nom": "x"}) == (None, {})


@pytest.mark.parametrize(
    ("version", "scheme"),
    [
        ((2026, 2, 5, 7), envelope.CURRENT),
        ((2025, 1, 3), envelope.CURRENT),
        ((2025, 1, 2, 9), envelope.LEGACY),
        ((2024, 3, 9), envelope.LEGACY),
        ((2024, 3, 8), envelope.LEGACY_OLD),
        ((2023, 1), envelope.LEGACY_OLD),
    ],
)
def test_scheme_for_version(version: tuple[int, ...], scheme: envelope.Scheme) -> None:
    assert envelope.scheme_for_version(version) is scheme


def test_old_names() -> None:
    assert envelope.LEGACY_OLD.data == "donnees"
    assert envelope.LEGACY_OLD.signature == "_Signature_"
    assert envelope.LEGACY_OLD.keep_alive == "Presence"
    assert envelope.CURRENT.keep_alive == "Navigation"


@pytest.mark.parametrize(
    ("text", "version"),
    [("2026.2.5", (2026, 2, 5)), (" 2024.3.9 ", (2024, 3, 9)), ("2026", None), ("x.y", None)],
)
def test_parse_version(text: str, version: tuple[int, ...] | None) -> None:
    assert envelope.parse_version(text) == version
    assert envelope.parse_version(None) is None

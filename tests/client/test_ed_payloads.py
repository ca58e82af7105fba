"""What is EcoleDirecte's own in its payloads: expected shapes and base64 text."""

from __future__ import annotations

import base64

import pytest

from custom_components.schoolbag.client.ecoledirecte.payloads import (
    b64_text,
    require_dict,
    require_keys,
    require_list,
)
from custom_components.schoolbag.client.errors import ProtocolChangedError


def test_b64_text() -> None:
    encoded = base64.b64encode("Quel est ton année de naissance ?".encode()).decode()
    assert b64_text(encoded) == "Quel est ton année de naissance ?"
    assert b64_text(encoded.rstrip("=")) == "Quel est ton année de naissance ?"
    assert b64_text("") == ""
    assert b64_text(None) == ""
    assert b64_text("pas du base64 !") == "pas du base64 !"


def test_null_is_an_empty_payload() -> None:
    assert require_dict(None, "notes") == {}
    assert require_keys(None, "notes", "notes") == {}
    assert require_list(None, "emploi du temps") == []


def test_a_payload_of_another_shape_is_a_protocol_change() -> None:
    assert require_keys({"notes": []}, "notes", "notes") == {"notes": []}
    with pytest.raises(ProtocolChangedError, match="has no periodes"):
        require_keys({"notes": []}, "notes", "notes", "periodes")
    with pytest.raises(ProtocolChangedError, match="list"):
        require_dict([], "notes")
    with pytest.raises(ProtocolChangedError, match="dict"):
        require_list({}, "emploi du temps")

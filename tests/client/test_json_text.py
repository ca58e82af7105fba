"""Text out of loosely typed JSON values (EcoleDirecte, ScoDoc)."""

from __future__ import annotations

import pytest

from custom_components.schoolbag.client.json_text import optional_text, text


def test_strings_are_stripped_and_numbers_are_written_out() -> None:
    """Strings lose surrounding blanks; numbers become their decimal text."""
    assert text("  4e B ") == "4e B"
    assert text(12) == "12"
    assert text(12.5) == "12.5"
    assert text(0) == "0"


@pytest.mark.parametrize("value", [None, True, False, [1, 2], {"libelle": "x"}, object()])
def test_other_values_give_the_default(value: object) -> None:
    """Booleans, null, lists and objects are no text: the default comes back, nothing raises."""
    assert text(value) == ""
    assert text(value, "inconnu") == "inconnu"


def test_optional_text_is_none_when_blank() -> None:
    """Blank strings and non-text values are None; text and numbers are kept."""
    assert optional_text("  ") is None
    assert optional_text(["x"]) is None
    assert optional_text(None) is None
    assert optional_text(" Mme DUPONT ") == "Mme DUPONT"
    assert optional_text(0) == "0"

"""Every language file has exactly the keys and placeholders of strings.json."""

from __future__ import annotations

import json
from pathlib import Path
import re
from typing import Any

import pytest

INTEGRATION = Path(__file__).parent.parent / "custom_components" / "schoolbag"
LANGUAGES = sorted(path.stem for path in (INTEGRATION / "translations").glob("*.json"))
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            flat.update(_flatten(value, path))
        else:
            flat[path] = value
    return flat


SOURCE = _flatten(json.loads((INTEGRATION / "strings.json").read_text(encoding="utf-8")))


def test_english_french_and_danish_exist() -> None:
    assert {"en", "fr", "da"} <= set(LANGUAGES)


def test_english_is_strings_json() -> None:
    english = json.loads((INTEGRATION / "translations" / "en.json").read_text(encoding="utf-8"))
    assert _flatten(english) == SOURCE


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_keys_and_placeholders(language: str) -> None:
    path = INTEGRATION / "translations" / f"{language}.json"
    translated = _flatten(json.loads(path.read_text(encoding="utf-8")))
    assert set(translated) == set(SOURCE)
    for key, text in SOURCE.items():
        assert set(PLACEHOLDER.findall(translated[key])) == set(PLACEHOLDER.findall(text)), key
        assert translated[key].strip(), key


def test_every_named_entity_and_action_has_an_icon() -> None:
    strings = json.loads((INTEGRATION / "strings.json").read_text(encoding="utf-8"))
    icons = json.loads((INTEGRATION / "icons.json").read_text(encoding="utf-8"))
    for platform, keys in strings["entity"].items():
        assert set(keys) == set(icons["entity"][platform]), platform
    assert set(strings["services"]) == set(icons["services"])

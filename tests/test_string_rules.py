"""hassfest's rules for strings, applied to strings.json and every translation.

hassfest cannot be installed here, so its rules that matter to us are checked here:
no URL or HTML in any string (placeholders carry them) and a description for every
form field. test_translations.py checks that every language has the same placeholders.
"""

from __future__ import annotations

from collections.abc import Iterator
import json
from pathlib import Path
import re
from typing import Any

import pytest

INTEGRATION = Path(__file__).parent.parent / "custom_components" / "schoolbag"
FILES = [INTEGRATION / "strings.json", *sorted((INTEGRATION / "translations").glob("*.json"))]
URL = re.compile(r"(https?://|www\.)\S+", re.IGNORECASE)
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _strings(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in tree.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            yield from _strings(value, path)
        else:
            yield path, value


def _forms(tree: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every form (flow step or form section) that has fields, with its path."""
    for flow in ("config", "options"):
        for step_id, step in tree.get(flow, {}).get("step", {}).items():
            yield f"{flow}.step.{step_id}", step
            for section_id, section in step.get("sections", {}).items():
                yield f"{flow}.step.{step_id}.sections.{section_id}", section


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_no_url_or_html(path: Path) -> None:
    offending = [
        key for key, text in _strings(_load(path)) if URL.search(text) or HTML_TAG.search(text)
    ]
    assert offending == []


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_field_has_a_description(path: Path) -> None:
    for form_path, form in _forms(_load(path)):
        fields = set(form.get("data", {}))
        described = set(form.get("data_description", {}))
        assert fields == described, form_path


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_every_section_has_a_name(path: Path) -> None:
    for form_path, form in _forms(_load(path)):
        for section_id, section in form.get("sections", {}).items():
            assert section.get("name", "").strip(), f"{form_path}.sections.{section_id}"


def test_the_rules_catch_what_hassfest_refuses() -> None:
    """The checks themselves: a URL, a bare host, a tag and a missing description."""
    assert URL.search("for example https://school.example/pronote")
    assert URL.search("Cookies → www.lectio.dk")
    assert HTML_TAG.search("Open <b>Settings</b>")
    assert not URL.search("for example {pronote_example_url}")
    bad_form = {"config": {"step": {"s": {"data": {"a": "A"}, "data_description": {}}}}}
    assert [set(form["data"]) - set(form["data_description"]) for _, form in _forms(bad_form)] == [
        {"a"}
    ]

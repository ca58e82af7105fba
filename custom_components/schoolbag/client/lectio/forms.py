"""The hidden WebForms state of a page (view state, event validation, footer marker)."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from .const import IGNORED_FIELDS
from .html import attribute

_SKIPPED_TYPES = frozenset({"submit", "button", "image", "reset", "file"})
_TOGGLES = frozenset({"checkbox", "radio"})


def _main_form(document: BeautifulSoup) -> Tag | None:
    form = document.find("form", id="aspnetForm")
    if isinstance(form, Tag):
        return form
    for candidate in document.find_all("form"):
        if attribute(candidate, "method").lower() == "post":
            return candidate
    return None


def form_action(document: BeautifulSoup) -> str:
    """The ``action`` of the main form ("" when absent: post to the page itself)."""
    form = _main_form(document)
    return attribute(form, "action") if form is not None else ""


def form_fields(document: BeautifulSoup) -> dict[str, str]:
    """Every input of the main form to post back, values verbatim (the header search left out)."""
    form = _main_form(document)
    if form is None:
        return {}
    fields: dict[str, str] = {}
    for tag in form.find_all("input"):
        name = attribute(tag, "name")
        kind = attribute(tag, "type").lower()
        if not name or name in IGNORED_FIELDS or kind in _SKIPPED_TYPES:
            continue
        if kind in _TOGGLES and not tag.has_attr("checked"):
            continue
        fields[name] = attribute(tag, "value") or ("on" if kind in _TOGGLES else "")
    return fields

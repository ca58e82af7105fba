"""Redaction at record time: learn each exchange's secrets, then replace them everywhere.

A value is replaced by the same placeholder wherever it appears in one capture (in a
URL, a header, a JSON or HTML body, escaped or URL-encoded), so a replay still finds
the ids it was given. Placeholders keep the value's shape: digits stay digits of the
same length, names stay words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
import html
from http.cookies import CookieError, SimpleCookie
import json
import re
from typing import Any
from urllib.parse import parse_qsl, quote, quote_plus, urlsplit

from .rules import (
    COOKIE_HEADERS,
    LECTIO_HEADER,
    PERSON_ID_KEYS,
    PERSON_ID_PARAMS,
    PERSON_MARKERS,
    PERSON_NAME_KEYS,
    PRONOTE_PERSON_KEYS,
    SECRET_FIELD_PATTERN,
    SECRET_FIELDS,
    SECRET_HEADERS,
)

# Shorter values are left alone: replacing "12" everywhere would garble a page.
MIN_SECRET = 3
# Numbers shorter than this stay: 200 is an answer code far more often than an id.
MIN_NUMBER = 4
MIN_NAME_WORD = 3
_WORD = re.compile(r"[^\W\d_]+")
# JSON and JavaScript words a flag may hold: never a secret, everywhere in a body.
_LITERALS = frozenset({"true", "false", "null", "none", "undefined"})
_HIDDEN_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r'(\w[\w$:.-]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
# Pronote's bootstrap: Start ({h:'123',a:3,MR:'...',ER:'...'}) in the page.
_JS_FIELD = re.compile(r"""\b(h|MR|ER|mr|er)\s*:\s*['"]?([0-9A-Za-z+/=]{3,})""")


class Redactor:
    """Known secrets of one capture and the placeholder each one is replaced by."""

    def __init__(self) -> None:
        self._placeholders: dict[str, str] = {}
        self._counts: dict[str, int] = {}
        self._pattern: re.Pattern[str] | None = None
        self._variants: dict[str, str] = {}

    @property
    def counts(self) -> dict[str, int]:
        """How many values of each kind were replaced (the values themselves are not kept)."""
        return dict(self._counts)

    # -- learning ------------------------------------------------------------------------

    def secret(self, value: object) -> None:
        """A password, PIN, token, cookie or key: replaced whole wherever it appears."""
        text = _text(value)
        if text is not None and len(text) >= (MIN_NUMBER if text.isdigit() else MIN_SECRET):
            self._add(text, "digits" if text.isdigit() else "secret")

    def person_id(self, value: object) -> None:
        """The id of a person: replaced by an id of the same shape."""
        text = _text(value)
        if text is not None and len(text) >= (MIN_NUMBER if text.isdigit() else MIN_SECRET):
            self._add(text, "digits" if text.isdigit() else "id")

    def person_name(self, value: object) -> None:
        """A person's name (or e-mail, login): the whole and each of its words."""
        text = _text(value)
        if text is None or len(text) < 2:
            return
        if "@" in text:
            self._add(text, "email")
            return
        if text.isdigit():
            self.person_id(text)
            return
        for word in _WORD.findall(text):
            if len(word) >= MIN_NAME_WORD:
                self._add(word, "name")

    def learn_headers(self, headers: Iterable[tuple[str, str]]) -> None:
        """Secret headers whole; each cookie's value."""
        for name, value in headers:
            lowered = name.lower()
            if lowered in SECRET_HEADERS:
                self.secret(value)
                # "Bearer abc": the token alone too, where it is echoed elsewhere.
                self.secret(value.partition(" ")[2])
            elif lowered in COOKIE_HEADERS:
                for cookie_value in _cookie_values(value):
                    self.secret(cookie_value)

    def learn_url(self, url: str) -> None:
        """Ids of people in the query (Lectio's ``elevid``), secrets in fields."""
        self.learn_form(urlsplit(url).query)

    def learn_form(self, body: str) -> None:
        """A url-encoded form: secret fields, and JSON carried in a field (EcoleDirecte)."""
        for name, value in parse_qsl(body, keep_blank_values=True):
            lowered = name.lower()
            if lowered in PERSON_ID_PARAMS:
                self.person_id(value)
            elif lowered in SECRET_FIELDS or SECRET_FIELD_PATTERN.search(name):
                self.secret(value)
            elif value[:1] in ("{", "["):
                self.learn_json_text(value)

    def learn_json_text(self, text: str) -> None:
        """A JSON document, if ``text`` is one."""
        try:
            data = json.loads(text)
        except ValueError:
            return
        self.learn_json(data)

    def learn_json(self, data: Any, *, person: bool = False) -> None:
        """Walk a JSON value: secret keys anywhere, names and ids inside people."""
        if isinstance(data, list):
            for item in data:
                self.learn_json(item, person=person)
            return
        if not isinstance(data, dict):
            return
        keys = {str(key).lower() for key in data}
        is_person = person or bool(keys & PERSON_MARKERS)
        for key, value in data.items():
            lowered = str(key).lower()
            if lowered in SECRET_FIELDS and not isinstance(value, (dict, list, bool)):
                self.secret(value)
            elif lowered in SECRET_FIELDS:
                self._secret_tree(value)
            elif is_person and lowered in PERSON_NAME_KEYS and isinstance(value, str):
                self.person_name(value)
            elif is_person and lowered in PERSON_ID_KEYS and not isinstance(value, bool):
                self.person_id(value)
            elif lowered in PRONOTE_PERSON_KEYS:
                self.learn_json(value, person=True)
            elif isinstance(value, str) and value[:1] in ("{", "["):
                self.learn_json_text(value)
            else:
                self.learn_json(value)

    def learn_html(self, text: str) -> None:
        """Hidden form values that carry session state, bootstrap keys, the page's student."""
        for tag in _HIDDEN_INPUT.findall(text):
            attributes = {
                name.lower(): (double if double is not None else single)
                for name, double, single in _ATTRIBUTE.findall(tag)
            }
            name = attributes.get("name") or attributes.get("id") or ""
            value = html.unescape(attributes.get("value") or "")
            if name.lower() in SECRET_FIELDS or SECRET_FIELD_PATTERN.search(name):
                self.secret(value)
        for match in _JS_FIELD.finditer(text):
            self.secret(match.group(2))
        for match in LECTIO_HEADER.finditer(text):
            self.person_name(html.unescape(match.group(1)))

    def learn_text(self, text: str, content_type: str) -> None:
        """Whatever a body is: JSON, a form, or a page."""
        stripped = text.lstrip()
        if stripped[:1] in ("{", "["):
            self.learn_json_text(stripped)
        elif "x-www-form-urlencoded" in content_type:
            self.learn_form(text)
        elif "<" in text:
            self.learn_html(text)

    # -- replacing -----------------------------------------------------------------------

    def apply(self, text: str) -> str:
        """``text`` with every known value (in any of its encodings) replaced."""
        if not self._variants or not text:
            return text
        if self._pattern is None:
            self._pattern = _pattern(self._variants)
        return self._pattern.sub(lambda found: self._variants[found.group(0)], text)

    def _add(self, value: str, kind: str) -> None:
        if value in self._placeholders or value.lower() in _LITERALS:
            return
        self._counts[kind] = self._counts.get(kind, 0) + 1
        placeholder = _placeholder(kind, self._counts[kind], value)
        self._placeholders[value] = placeholder
        for variant in _encodings(value):
            self._variants.setdefault(variant, placeholder)
        self._pattern = None

    def _secret_tree(self, value: Any) -> None:
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            for item in value:
                self._secret_tree(item)
        elif not isinstance(value, bool):
            self.secret(value)


def _pattern(variants: Iterable[str]) -> re.Pattern[str]:
    """Whole numbers and whole words, the longest value first.

    "S6001" holds id 6001 but 13456 does not hold 345; "Léandre" does not hold "Léa".
    """
    ordered = sorted(variants, key=len, reverse=True)
    numbers = "|".join(re.escape(item) for item in ordered if item.isdigit())
    words = "|".join(re.escape(item) for item in ordered if not item.isdigit())
    parts = []
    if numbers:
        parts.append(rf"(?<!\d)(?:{numbers})(?!\d)")
    if words:
        parts.append(rf"(?<!\w)(?:{words})(?!\w)")
    return re.compile("|".join(parts))


def _text(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, str)):
        text = str(value).strip()
        return text or None
    return None


def _cookie_values(header: str) -> Iterator[str]:
    cookie: SimpleCookie = SimpleCookie()
    try:
        cookie.load(header)
    except CookieError:
        cookie = SimpleCookie()
    if cookie:
        for morsel in cookie.values():
            yield morsel.value
            yield morsel.coded_value
        return
    # Not a header SimpleCookie reads: every "name=value" pair's value.
    for part in header.split(";"):
        yield part.partition("=")[2].strip().strip('"')


def _letters(number: int) -> str:
    out = ""
    while True:
        number, rest = divmod(number, 26)
        out = chr(ord("a") + rest) + out
        if number == 0:
            return out
        number -= 1


def _placeholder(kind: str, number: int, value: str) -> str:
    if kind == "digits":
        # Same length, starting with 9s, so the shape (and a parser's int()) still works.
        return (("9" * len(value)) + str(number))[-len(value) :].rjust(len(value), "9")
    if kind == "name":
        word = f"Name{_letters(number - 1)}"
        return word.upper() if value.isupper() else word
    if kind == "email":
        return f"person{number}@example.invalid"
    if kind == "id":
        return f"ID{number:04d}X"
    return f"REDACTED{number:04d}X"


def _encodings(value: str) -> set[str]:
    """The forms a value takes in a body, a URL or a page."""
    forms = {
        value,
        json.dumps(value)[1:-1],
        json.dumps(value, ensure_ascii=False)[1:-1],
        html.escape(value),
        html.escape(value).encode("ascii", "xmlcharrefreplace").decode(),
        quote(value, safe=""),
        quote_plus(value, safe=""),
        quote(value, safe="/"),
    }
    return {form for form in forms if form}

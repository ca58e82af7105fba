"""What an ENT page offers a script: its forms, links, scripts and visible text.

Only what the login steps look at is kept: each form's inputs (hidden values,
text and password fields, selects with their options, named submit buttons),
each link with the words a user would see on it (text, image ``alt``,
``title``), the ``<body onload>`` and inline scripts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_TEXT_TYPES = frozenset({"text", "email", "tel", ""})
_SKIPPED_TYPES = frozenset({"button", "image", "reset", "checkbox", "radio", "file"})


@dataclass(frozen=True, slots=True)
class Option:
    """One choice of a ``<select>`` (or a radio button): its value and label."""

    value: str
    label: str


@dataclass(slots=True)
class Form:
    """A form as a browser would submit it without a user touching it."""

    action: str
    method: str
    form_id: str = ""
    classes: str = ""
    # Every named input with its value (hidden ones, and text fields as shown).
    fields: dict[str, str] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)
    text_fields: list[str] = field(default_factory=list)
    password_fields: list[str] = field(default_factory=list)
    choices: dict[str, list[Option]] = field(default_factory=dict)
    submit: tuple[str, str] | None = None

    @property
    def all_hidden(self) -> bool:
        """Nothing to type or choose: a form meant to be posted by a script."""
        return not (self.text_fields or self.password_fields or self.choices)

    def has(self, *names: str) -> bool:
        """Whether the form has every input named."""
        present = {name.lower() for name in (*self.fields, *self.choices)}
        return all(name.lower() in present for name in names)


@dataclass(frozen=True, slots=True)
class Link:
    """A link and the words shown on or about it."""

    href: str
    words: str


@dataclass(slots=True)
class HtmlPage:
    """The parts of a page the ENT steps read."""

    forms: list[Form] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    onload: str = ""
    scripts: str = ""
    markers: str = ""  # ids, classes and names of every element, for widget detection

    def login_forms(self) -> list[Form]:
        """Forms asking for a password."""
        return [form for form in self.forms if form.password_fields]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = HtmlPage()
        self._form: Form | None = None
        self._select: list[Option] | None = None
        self._option: tuple[str, list[str]] | None = None
        self._link: tuple[str, list[str]] | None = None
        self._in_script = False
        self._scripts: list[str] = []
        self._markers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        self._markers.extend(values.get(name, "") for name in ("id", "class", "name"))
        if tag == "body":
            self.page.onload = values.get("onload", "")
        elif tag == "script":
            self._in_script = True
        elif tag == "form":
            self._form = Form(
                action=values.get("action", ""),
                method=(values.get("method") or "get").lower(),
                form_id=values.get("id", ""),
                classes=values.get("class", ""),
            )
            self.page.forms.append(self._form)
        elif tag == "a" and values.get("href"):
            self._link = (values["href"], [values.get("title", ""), values.get("class", "")])
        elif tag == "img" and self._link is not None:
            self._link[1].extend((values.get("alt", ""), values.get("src", "")))
        elif self._form is not None:
            self._form_element(tag, values)

    def _form_element(self, tag: str, values: dict[str, str]) -> None:
        form = self._form
        assert form is not None
        name = values.get("name", "")
        if tag == "input":
            _add_input(form, name, values)
        elif tag == "button" and name and values.get("type", "submit").lower() == "submit":
            form.submit = form.submit or (name, values.get("value", ""))
        elif tag == "select" and name:
            self._select = form.choices.setdefault(name, [])
        elif tag == "option" and self._select is not None:
            self._option = (values.get("value", ""), [])

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self._scripts.append(data)
        if self._option is not None:
            self._option[1].append(data)
        if self._link is not None:
            self._link[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        elif tag == "form":
            self._form = None
            self._select = None
        elif tag == "select":
            self._select = None
        elif tag == "option":
            self._close_option()
        elif tag == "a" and self._link is not None:
            href, words = self._link
            self.page.links.append(Link(href, " ".join(" ".join(words).split())))
            self._link = None

    def _close_option(self) -> None:
        if self._option is not None and self._select is not None:
            value, words = self._option
            label = " ".join(" ".join(words).split())
            self._select.append(Option(value or label, label))
        self._option = None

    def close(self) -> None:
        super().close()
        self._close_option()
        self.page.scripts = "\n".join(self._scripts)
        self.page.markers = " ".join(marker for marker in self._markers if marker)


def _add_input(form: Form, name: str, values: dict[str, str]) -> None:
    kind = values.get("type", "").lower()
    if not name:
        return
    if kind == "radio":
        label = values.get("title") or values.get("aria-label") or values.get("value", "")
        form.choices.setdefault(name, []).append(Option(values.get("value", ""), label))
    elif kind == "submit":
        form.submit = form.submit or (name, values.get("value", ""))
    elif kind in _SKIPPED_TYPES:
        return
    elif kind == "password":
        form.password_fields.append(name)
    elif kind == "hidden":
        form.fields[name] = values.get("value", "")
        form.hidden.add(name)
    elif kind in _TEXT_TYPES:
        form.text_fields.append(name)
        form.fields[name] = values.get("value", "")
    else:
        form.fields[name] = values.get("value", "")


def parse_html(text: str) -> HtmlPage:
    """Forms, links and scripts of a page (tolerates broken HTML)."""
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page

"""Generic CAS (Apereo) login in front of a Pronote space (spec 8.1, 8.2 "Generic CAS").

The space page without ``login=true`` redirects to the ENT's CAS. Its login
form is filled (hidden fields copied, username and password set) and posted;
the CAS redirects back with a ticket and Pronote serves the page whose
bootstrap carries the ENT login (``e``) and one-shot secret (``f``). Other
ENT families (EduConnect SAML, Open ENT NG, WAYF...) are not supported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
import logging
from urllib.parse import urljoin, urlsplit

from ..errors import InvalidCredentials, NotSupported
from .bootstrap import page_problem, parse_start
from .http_client import Http, Page, check_status

_LOGGER = logging.getLogger(__name__)

_TEXT_TYPES = frozenset({"text", "email", ""})
_IGNORED_TYPES = frozenset({"submit", "button", "image", "reset", "checkbox", "radio", "file"})


@dataclass
class LoginForm:
    """A form with a password field."""

    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)
    username_field: str | None = None
    password_field: str | None = None


class _FormFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[LoginForm] = []
        self._current: LoginForm | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._current = LoginForm(
                action=values.get("action", ""), method=values.get("method", "get").lower()
            )
            self.forms.append(self._current)
        elif tag == "input" and self._current is not None:
            self._input(self._current, values)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None

    @staticmethod
    def _input(form: LoginForm, values: dict[str, str]) -> None:
        name = values.get("name", "")
        kind = values.get("type", "").lower()
        if not name or kind in _IGNORED_TYPES:
            return
        if kind == "password":
            form.password_field = form.password_field or name
        elif kind in _TEXT_TYPES and form.username_field is None:
            form.username_field = name
        else:
            form.fields[name] = values.get("value", "")


def find_login_form(html: str) -> LoginForm | None:
    """The first form of the page that asks for a password."""
    finder = _FormFinder()
    finder.feed(html)
    finder.close()
    return next((form for form in finder.forms if form.password_field), None)


def _is_space_page(page: Page) -> bool:
    params = parse_start(page.text)
    return params is not None and "h" in params


async def open_through_cas(http: Http, page_url: str, username: str, password: str) -> Page:
    """Log in on the CAS the space page redirects to; return the Pronote space page."""
    page = await http.get(page_url)
    check_status(page.status, page.headers)
    if _is_space_page(page):
        return page
    host = urlsplit(page.url).hostname or "?"
    form = find_login_form(page.text)
    if form is None:
        problem = page_problem(page.text)
        if problem is not None:
            raise problem
        raise NotSupported(f"this ENT is not supported yet: {host}")
    payload = dict(form.fields)
    payload[form.username_field or "username"] = username
    payload[form.password_field or "password"] = password
    action = urljoin(page.url, form.action or page.url)
    _LOGGER.debug("Posting the CAS login form of %s", host)
    result = await http.post_form(action, payload)
    check_status(result.status, result.headers)
    if _is_space_page(result):
        return result
    if find_login_form(result.text) is not None:
        raise InvalidCredentials(f"the ENT ({host}) refused the username or password")
    problem = page_problem(result.text)
    if problem is not None:
        raise problem
    raise NotSupported(f"this ENT is not supported yet: {host}")

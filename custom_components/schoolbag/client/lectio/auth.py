"""Logging in: the ASP.NET login form (spec 2.1) or a browser's auto-login cookie (2.3)."""

from __future__ import annotations

from asyncio import to_thread
from enum import StrEnum
import logging
import re
from urllib.parse import urljoin

from ..errors import (
    InvalidCredentialsError,
    ProtocolChangedError,
    SessionExpiredError,
    required,
)
from .const import (
    AUTOLOGIN_FIELD,
    KEY_COOKIE,
    LOCKED_RETRY_AFTER,
    PASSWORD_FIELD,
    SESSION_COOKIE,
    SUBMIT_TARGET,
    USERNAME_FIELD,
)
from .errors import AccountLockedError, MitIdOnlyError, UnknownSchoolError
from .forms import form_action, form_fields
from .html import soup
from .pages import (
    is_unknown_school,
    login_error_says_locked,
    offers_only_federated_login,
    raise_for_error_page,
    shows_login_form,
)
from .parsers_account import Identity, parse_identity
from .transport import Http, Page
from .urls import SchoolUrls

_LOGGER = logging.getLogger(__name__)
_COOKIE_PAIR = re.compile(r"\s*([^=;\s]+)\s*=\s*([^;]*)")


class LoginMode(StrEnum):
    """How the client logs in."""

    # Lectio's own username and password.
    PASSWORD = "password"
    # The ``autologinkeyV2`` cookie of a browser that logged in with MitID/UniLogin.
    COOKIE = "cookie"


def read_pasted_cookie(value: str) -> dict[str, str]:
    """Cookies from what a user pastes: a bare key, or ``autologinkeyV2=...; lectiogsc=...``."""
    value = value.strip()
    if f"{KEY_COOKIE}=" not in value:
        return {KEY_COOKIE: value} if value else {}
    return {name: val.strip() for name, val in _COOKIE_PAIR.findall(value) if val.strip()}


def _check_school(page: Page) -> None:
    if is_unknown_school(page.url, page.text):
        raise UnknownSchoolError("Lectio has no school with this number")
    raise_for_error_page(page.text)


async def password_login(http: Http, urls: SchoolUrls, username: str, password: str) -> Identity:
    """Post the login form with the page's hidden fields; return the logged-in student."""
    http.cookies.drop(SESSION_COOKIE)
    form_page = await http.get(urls.login)
    _check_school(form_page)
    fields, action = await to_thread(_login_form, form_page.text)
    fields.pop(AUTOLOGIN_FIELD, None)
    fields.update(
        {
            "__EVENTTARGET": SUBMIT_TARGET,
            "__EVENTARGUMENT": "",
            USERNAME_FIELD: username,
            PASSWORD_FIELD: password,
        }
    )
    target = urljoin(form_page.url, action or form_page.url)
    answer = await http.post_form(target, fields, referer=urls.login)
    raise_for_error_page(answer.text)
    if answer.left_site:
        raise ProtocolChangedError("Lectio sent the login to another site")
    if shows_login_form(answer.text):
        if answer.redirected:
            # Lectio accepted the form (it redirected) but the new session did not hold.
            raise SessionExpiredError("Lectio showed its login form again right after the login")
        if await to_thread(_says_locked, answer.text):
            raise AccountLockedError("Lectio locked this account for a while", LOCKED_RETRY_AFTER)
        raise InvalidCredentialsError("Lectio refused the username or password")
    identity = await to_thread(_identity_on, answer.text)
    if identity is None:
        identity = await read_identity(http, urls)
    _LOGGER.debug("Logged in to Lectio school %s", urls.school_id)
    return identity


async def read_identity(http: Http, urls: SchoolUrls) -> Identity:
    """The student of the current session, from the front page."""
    page = await http.get(urls.front)
    _check_school(page)
    if page.left_site:
        raise ProtocolChangedError("Lectio sent its front page to another site")
    if page.to_login or shows_login_form(page.text):
        # The password was accepted a moment ago: a lost session is no reason to ask for it.
        raise SessionExpiredError("Lectio did not keep the session after login")
    return required(
        await to_thread(_identity_on, page.text), "no student id (elevid) on the Lectio front page"
    )


async def cookie_login(http: Http, urls: SchoolUrls, cookies: dict[str, str]) -> Identity:
    """Open a session from the auto-login cookie (InvalidCredentialsError once it is refused)."""
    http.cookies.clear()
    for name, value in cookies.items():
        http.cookies.set(name, value)
    http.cookies.drop(SESSION_COOKIE)
    try:
        return await read_identity(http, urls)
    except SessionExpiredError as err:
        # Without a session, the cookie alone must open one: Lectio refused the cookie.
        raise InvalidCredentialsError("Lectio no longer accepts the auto-login cookie") from err


# Pages are parsed in a worker thread: a real Lectio page takes BeautifulSoup tens of
# milliseconds, too long for the event loop.
def _login_form(page: str) -> tuple[dict[str, str], str | None]:
    """The login form's fields and its action; raises when the page has no such form."""
    document = soup(page)
    if not shows_login_form(page):
        if offers_only_federated_login(document):
            raise MitIdOnlyError(
                "this school only offers MitID/UniLogin: log in with the auto-login cookie"
            )
        raise ProtocolChangedError("the Lectio login page has no username field")
    return form_fields(document), form_action(document)


def _says_locked(page: str) -> bool:
    return login_error_says_locked(soup(page))


def _identity_on(page: str) -> Identity | None:
    return parse_identity(soup(page))

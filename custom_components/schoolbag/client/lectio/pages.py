"""Recognising what kind of page Lectio answered."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from ..errors import ProtocolChangedError, RateLimitedError, ServerUnavailableError
from ..html_text import html_title
from .const import RATE_LIMIT_RETRY_AFTER, UNKNOWN_ERROR_TEXT
from .html import attribute, find_table, soup, text_of

_LOGIN_FORM = re.compile(r"""name\s*=\s*["']m\$Content\$username["']""")
_UNKNOWN_SCHOOL = ("skolen eksisterer ikke", "fejlhandled.aspx")
_LOCKED_WORDS = ("låst", "spærret", "locked")
_FEDERATED = ("mitid", "uni-login", "unilogin")
# The hidden field every page of a logged-in student ends its form with.
_FOOTER_FIELD = re.compile(r"""name\s*=\s*["']masterfootervalue["']""")


def shows_login_form(page: str) -> bool:
    """The page holds the username field of the login form."""
    return _LOGIN_FORM.search(page) is not None


def raise_for_error_page(page: str) -> None:
    """Lectio's "unknown error" page is its answer to overload: back off."""
    if UNKNOWN_ERROR_TEXT.casefold() in page.casefold():
        raise RateLimitedError(
            "Lectio answered its error page (overloaded?)", RATE_LIMIT_RETRY_AFTER
        )


def is_unknown_school(url: str, page: str) -> bool:
    """The error page (or its URL) for a school id that does not exist."""
    lowered = f"{url} {page}".casefold().replace("+", " ")
    return any(marker in lowered for marker in _UNKNOWN_SCHOOL)


def login_error_says_locked(document: BeautifulSoup) -> bool:
    """The login page's error text says the account is locked."""
    content = document.find(id=re.compile("(loginPanel|Content)", re.IGNORECASE))
    text = text_of(content) if content is not None else text_of(document.body)
    return any(word in text.casefold() for word in _LOCKED_WORDS)


def offers_only_federated_login(document: BeautifulSoup) -> bool:
    """A login page with MitID/UniLogin links and no password form."""
    for link in document.find_all("a"):
        label = f"{text_of(link)} {attribute(link, 'href')}".casefold()
        if any(word in label for word in _FEDERATED):
            return True
    return False


def raise_for_incomplete_page(page: str) -> None:
    """A page cut short, or a maintenance notice, has no master footer: never read it.

    Reading it would show "nothing" where the school has data.
    """
    if _FOOTER_FIELD.search(page) is None:
        raise ServerUnavailableError(
            f"Lectio answered an incomplete page or a notice ({html_title(page)!r})"
        )


def raise_unless_page(document: BeautifulSoup, page_name: str) -> None:
    """The form of a WebForms page posts back to the page itself: check it is ``page_name``.

    Parsers call this when their grid is missing, to tell an empty list from another page.
    """
    form = document.find("form")
    action = attribute(form, "action") if isinstance(form, Tag) else ""
    shown = urlsplit(action).path.rsplit("/", 1)[-1]
    if shown.casefold() != page_name.casefold():
        title = text_of(document.title) if document.title else ""
        raise ProtocolChangedError(
            f"expected Lectio's {page_name}, got {shown or title or 'a page'!r}"
        )


def page_table(page: str, id_part: str, page_name: str) -> Tag | None:
    """The grid of ``page_name``, or None when that page shows none (an empty grid is not drawn).

    Any other page raises ``ProtocolChangedError`` (see ``raise_unless_page``).
    """
    document = soup(page)
    table = find_table(document, id_part)
    if table is None:
        raise_unless_page(document, page_name)
    return table

"""Pronote addresses: normalise what users paste, build space pages, spot ENT addresses."""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

from ..errors import NotSupportedError
from .const import MOBILE_BYPASS_GUID
from .errors import EntNotSupportedError

STUDENT_SPACE = "eleve"
PARENT_SPACE = "parent"
SUPPORTED_SPACES = (STUDENT_SPACE, PARENT_SPACE)
_OTHER_SPACES = frozenset(
    {
        "professeur",
        "viescolaire",
        "direction",
        "accompagnant",
        "entreprise",
        "academie",
        "inscription",
    }
)
_MOBILE_PREFIX = "mobile."
_PAGE_SUFFIX = ".html"
# Query parameters that carry the Pronote address on ENT/CAS login pages.
_SERVICE_PARAMS = ("service", "url", "redirect_uri", "callback", "RelayState")


class PronoteUrl(NamedTuple):
    """A Pronote instance root (``https://host/pronote``) and a space (``eleve``/``parent``)."""

    base: str
    space: str

    def page(self, *, mobile: bool = False) -> str:
        """The desktop (or mobile) space page without query."""
        prefix = _MOBILE_PREFIX if mobile else ""
        return f"{self.base}/{prefix}{self.space}{_PAGE_SUFFIX}"

    def login_page(self, *, mobile: bool) -> str:
        """The page showing Pronote's own login (not the ENT's).

        Mobile pages carry the app's parameters (QR code and token logins).
        """
        if mobile:
            query = urlencode({"fd": "1", "bydlg": MOBILE_BYPASS_GUID, "login": "true"})
        else:
            query = urlencode({"login": "true", "fd": "1"})
        return f"{self.page(mobile=mobile)}?{query}"


def _with_scheme(url: str) -> str:
    text = url.strip()
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    return text


def _service_target(url: str) -> str | None:
    """The Pronote address an ENT/CAS login page redirects to, if it names one."""
    query = parse_qs(urlsplit(url).query)
    for name in _SERVICE_PARAMS:
        for value in query.get(name, []):
            if ".html" in value and "://" in value:
                return value
    return None


def detect_ent(url: str) -> str | None:
    """Return the host of an ENT/CAS page, or None when ``url`` is a Pronote space page.

    A CAS login page that names a Pronote ``service`` is still an ENT address:
    its Pronote page is what ``normalize_pronote_url`` returns.
    """
    parts = urlsplit(_with_scheme(url))
    page = parts.path.rstrip("/").rsplit("/", 1)[-1].lower()
    if _service_target(url) is not None:
        return parts.hostname or None
    if page.endswith(_PAGE_SUFFIX) or is_pronote_home(url):
        return None
    return parts.hostname or None


def is_pronote_home(url: str) -> bool:
    """Whether ``url`` is a Pronote instance without its space page (``…/pronote/``)."""
    parts = urlsplit(_with_scheme(url))
    path = parts.path.rstrip("/").lower()
    return not path.endswith(_PAGE_SUFFIX) and (
        path.rsplit("/", 1)[-1] == "pronote" or _is_index_education_host(parts.hostname)
    )


def _is_index_education_host(hostname: str | None) -> bool:
    """Pronote instances hosted by its publisher live under index-education.net."""
    return bool(hostname) and str(hostname).lower().endswith(".index-education.net")


def normalize_pronote_url(url: str) -> PronoteUrl:
    """Return ``(base, space)`` from a student, parent or mobile space address.

    Accepts ``…/eleve.html``, ``…/parent.html``, their ``mobile.`` forms, any
    query (``?login=true``, ``fd``, ``bydlg``), a missing ``https://``, and a
    CAS login address whose ``service`` parameter names the space page.
    Raises ``ValueError`` for something that is not a space address and
    ``NotSupportedError`` for other spaces (teacher...) or an ENT address that does
    not name its Pronote page.
    """
    target = _service_target(_with_scheme(url))
    parts = urlsplit(_with_scheme(target or url))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("not a Pronote address")
    path = parts.path.rstrip("/")
    folder, _, page = path.rpartition("/")
    page = page.lower()
    if not page.endswith(_PAGE_SUFFIX):
        if "pronote" in path.lower() or _is_index_education_host(parts.hostname):
            raise ValueError("add the space page to the address (eleve.html or parent.html)")
        raise EntNotSupportedError(f"this ENT is not supported yet: {parts.hostname}")
    space = page.removesuffix(_PAGE_SUFFIX).removeprefix(_MOBILE_PREFIX)
    if space in _OTHER_SPACES:
        raise NotSupportedError(f"the Pronote {space} space is not supported (use eleve or parent)")
    if space not in SUPPORTED_SPACES:
        raise ValueError("not a Pronote space page")
    base = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), folder, "", ""))
    return PronoteUrl(base=base, space=space)

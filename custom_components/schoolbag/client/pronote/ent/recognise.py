"""Tell what an ENT page is, from its content rather than from a list of host names.

Checked in this order: the Pronote space page; pages no script gets through;
the EduConnect hub's refusals; forms a script posts on load (SAML); the
login forms of each family (Keycloak, EduConnect, WAYF discovery); a link to
EduConnect (CAS or Open ENT NG pages offering it, preferred to their own
form as most pupils and parents have an EduConnect account); Open ENT NG's
and the generic CAS's own forms.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from ..bootstrap import parse_start
from .blockers import blocker, hub_error
from .html_forms import Form, HtmlPage, Link, Option, parse_html
from .steps import (
    Arrived,
    AutoPost,
    ChooseIdentityProvider,
    Family,
    FillLogin,
    FollowEduConnect,
    ServiceRefused,
    Step,
    Unknown,
    Unsupported,
)

_SAML_FIELDS = ("SAMLRequest", "SAMLResponse")
_CAS_HIDDEN = ("execution", "lt", "_eventId")
_DISCOVERY_RETURN = ("returnX", "return")
_EDUCONNECT_WORDS = ("educonnect", "éduconnect")
_SUBMIT_SCRIPT = (".submit()", ".submit ()")


def is_space_page(text: str) -> bool:
    """A Pronote space page: its bootstrap has a session number."""
    params = parse_start(text)
    return params is not None and "h" in params


def mentions_educonnect(text: str) -> bool:
    """Whether a text names EduConnect (with or without its accent)."""
    lowered = text.casefold()
    return any(word in lowered for word in _EDUCONNECT_WORDS)


def _auto_post(page: HtmlPage) -> Form | None:
    for form in page.forms:
        if any(form.has(name) for name in _SAML_FIELDS):
            return form
    scripted = any(marker in f"{page.onload} {page.scripts}" for marker in _SUBMIT_SCRIPT)
    if scripted and len(page.forms) == 1 and page.forms[0].all_hidden and page.forms[0].fields:
        return page.forms[0]
    return None


def _educonnect_choice(form: Form) -> tuple[str, Option] | None:
    for name, options in form.choices.items():
        for option in options:
            if mentions_educonnect(f"{option.value} {option.label}"):
                return name, option
    return None


def _discovery(page: HtmlPage) -> ChooseIdentityProvider | None:
    for form in page.forms:
        if not any(form.has(name) for name in _DISCOVERY_RETURN) and not form.has("entityID"):
            continue
        choice = _educonnect_choice(form)
        if choice is not None:
            name, option = choice
            return ChooseIdentityProvider(form, name, option.value)
    return None


def _educonnect_link(page: HtmlPage, url: str) -> Link | None:
    for link in page.links:
        if link.href.startswith(("#", "javascript:", "mailto:")):
            continue
        if mentions_educonnect(f"{link.href} {link.words}") and urljoin(url, link.href) != url:
            return link
    return None


def _action_path(url: str, form: Form) -> str:
    return urlsplit(urljoin(url, form.action or url)).path.rstrip("/").lower()


def _family_form(page: HtmlPage, url: str) -> FillLogin | None:
    """Open ENT NG's or a generic CAS's own login form."""
    for form in page.login_forms():
        if _action_path(url, form).endswith("/auth/login") and form.has("email"):
            return FillLogin(Family.OPEN_ENT_NG, form)
        if any(form.has(name) for name in _CAS_HIDDEN) or "/cas" in _action_path(url, form):
            return FillLogin(Family.CAS, form)
    return None


def recognise(url: str, text: str, *, avoid_educonnect: bool = False) -> Step:
    """The next step from a page reached at ``url``."""
    if is_space_page(text):
        return Arrived()
    page = parse_html(text)
    host = urlsplit(url).hostname or "?"
    blocked = blocker(page, host)
    if blocked is not None:
        return Unsupported(blocked)
    refused = hub_error(text)
    if refused is not None:
        return ServiceRefused(refused)
    form = _auto_post(page)
    if form is not None:
        return AutoPost(form)
    for form in page.login_forms():
        if form.form_id == "kc-form-login":
            return FillLogin(Family.KEYCLOAK, form)
        if form.has("j_username"):
            return FillLogin(Family.EDUCONNECT, form)
    discovery = _discovery(page)
    if discovery is not None:
        return discovery
    local = _family_form(page, url)
    link = None if avoid_educonnect else _educonnect_link(page, url)
    if link is not None:
        return FollowEduConnect(urljoin(url, link.href), local_login=local is not None)
    return local or Unknown()

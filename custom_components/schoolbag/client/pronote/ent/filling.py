"""Turn a form into what a browser would send: hidden values kept, credentials set."""

from __future__ import annotations

from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from .html_forms import Form
from .steps import Family

# Field names each family documents (Pronote protocol §8.2); the generic CAS uses its form's.
_CREDENTIAL_FIELDS = {
    Family.EDUCONNECT: ("j_username", "j_password"),
    Family.OPEN_ENT_NG: ("email", "password"),
    Family.KEYCLOAK: ("username", "password"),
}
_EDUCONNECT_PROCEED = "_eventId_proceed"


def submitted_fields(form: Form) -> dict[str, str]:
    """The form's own values, with its submit button as a click would send it."""
    values = dict(form.fields)
    for name, options in form.choices.items():
        if options and name not in values:
            values[name] = options[0].value
    if form.submit is not None:
        values.setdefault(*form.submit)
    return values


def credentials_payload(family: Family, form: Form, username: str, password: str) -> dict[str, str]:
    """The form filled in with the username and password."""
    values = submitted_fields(form)
    user_field, password_field = _CREDENTIAL_FIELDS.get(
        family,
        (
            form.text_fields[0] if form.text_fields else "username",
            form.password_fields[0] if form.password_fields else "password",
        ),
    )
    values[user_field] = username
    values[password_field] = password
    if family is Family.EDUCONNECT:
        values.setdefault(_EDUCONNECT_PROCEED, "")
    return values


def action_url(page_url: str, form: Form) -> str:
    """Where the form goes (its own page when it names no action)."""
    return urljoin(page_url, form.action or page_url)


def get_url(action: str, values: dict[str, str]) -> str:
    """A GET form's target: its values replace the action's query (as browsers do)."""
    parts = urlsplit(action)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(values), ""))

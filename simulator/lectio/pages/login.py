"""``login.aspx`` (Lectio protocol §2.1, 11.2) and the school list ``login_list.aspx`` (§1.1)."""

from __future__ import annotations

from simulator.lectio.fixtures.people import SCHOOLS, School
from simulator.lectio.layout import text

MITID_URL = "https://broker.unilogin.dk/auth/realms/broker/protocol/openid-connect/auth"
WRONG_CREDENTIALS = "Forkert brugernavn eller adgangskode."
LOCKED = "Din bruger er midlertidigt låst på grund af for mange forkerte forsøg."
STALE_FORM = "Siden er udløbet. Prøv igen."


def render_form(school: School, error: str = "") -> str:
    if school.mitid_only:
        return (
            '<div id="m_Content_loginMethods"><h1>Log ind</h1>'
            f'<a class="button" href="{MITID_URL}?school={school.id}">Log ind med MitID</a>'
            f'<a class="button" href="{MITID_URL}?school={school.id}&amp;idp=uni">'
            "Log ind med UNI-login</a></div>"
        )
    message = f'<span id="MainContentErrorLabel" class="errorText">{text(error)}</span>'
    return (
        f'<div id="m_Content_loginPanel"><h1>Log ind</h1>{message if error else ""}'
        '<label for="username">Brugernavn</label>'
        '<input name="m$Content$username" type="text" id="username" autocomplete="username" />'
        '<label for="password2">Adgangskode</label>'
        '<input name="m$Content$password" type="password" id="password2" />'
        '<input id="m_Content_AutologinCbx" type="checkbox" name="m$Content$AutologinCbx" />'
        '<label for="m_Content_AutologinCbx">Husk mig</label>'
        '<a id="m_Content_submitbtn2" class="button" '
        "href=\"javascript:__doPostBack('m$Content$submitbtn2','')\">Log ind</a></div>"
    )


def render_school_list() -> str:
    schools = "".join(
        f'<div class="buttonHeader"><a href="/lectio/{s.id}/default.aspx">{text(s.name)}</a></div>'
        for s in SCHOOLS
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8" /><title>Vælg skole - Lectio'
        '</title></head><body><h1>Vælg skole</h1><div id="schoolsdiv">'
        f"{schools}"
        '<div class="buttonHeader"><a href="/lectio/login_list.aspx?showall=1">Vis alle skoler'
        "</a></div></div></body></html>"
    )

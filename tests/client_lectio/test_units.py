"""Cookies, forms, URLs, weeks, the school list and page recognition."""

from __future__ import annotations

from datetime import date
from http.cookies import SimpleCookie

import pytest

from custom_components.schoolbag.client.errors import RateLimitedError
from custom_components.schoolbag.client.lectio import (
    parse_school_list,
    read_pasted_cookie,
    school_id_from,
)
from custom_components.schoolbag.client.lectio.cookies import lectio_cookie_store
from custom_components.schoolbag.client.lectio.dates import parse_clock, parse_date, weeks_between
from custom_components.schoolbag.client.lectio.forms import form_action, form_fields
from custom_components.schoolbag.client.lectio.html import soup
from custom_components.schoolbag.client.lectio.pages import (
    is_unknown_school,
    login_error_says_locked,
    offers_only_federated_login,
    raise_for_error_page,
    shows_login_form,
)
from custom_components.schoolbag.client.lectio.text import danish_number, unescape_until_stable


def _cookies(header: str) -> SimpleCookie:
    cookie: SimpleCookie = SimpleCookie()
    cookie.load(header)
    return cookie


def test_empty_cookie_never_erases_the_session_or_the_key() -> None:
    store = lectio_cookie_store().site("www.lectio.dk")
    store.update(_cookies("autologinkeyV2=k1; Path=/"))
    store.update(_cookies("ASP.NET_SessionId=s1; Path=/"))
    store.update(_cookies("isloggedin3=Y"))
    store.update(_cookies('autologinkeyV2=""; Path=/'))
    store.update(_cookies('ASP.NET_SessionId=""'))
    store.update(_cookies('isloggedin3=""'))
    assert store.as_dict() == {"autologinkeyV2": "k1", "ASP.NET_SessionId": "s1"}
    store.update(_cookies("autologinkeyV2=k2; Max-Age=86400"))
    assert store.get("autologinkeyV2") == "k2"
    store.update(_cookies("autologinkeyV2=k2; Max-Age=0"))
    assert store.get("autologinkeyV2") is None
    store.update(_cookies("x=1; Max-Age=soon"))
    assert store.get("x") == "1"
    assert "k1" not in repr(store)
    assert "s1" not in repr(store)


def test_form_fields_round_trip_hidden_values() -> None:
    page = soup(
        '<form id="other" method="get"><input name="nope" value="1"></form>'
        '<form id="aspnetForm" method="post" action="login.aspx?x=1">'
        '<input type="hidden" name="__VIEWSTATEX" value="a+b/c=">'
        '<input type="hidden" name="masterfootervalue" value="X1!ÆØÅ">'
        '<input type="text" name="query" value="søg">'
        '<input type="submit" name="m$defaultformbtn" value="">'
        '<input type="checkbox" name="unchecked">'
        '<input type="checkbox" name="checked" checked>'
        '<input type="submit" name="go" value="Gå">'
        '<input name="novalue"><input value="anonymous"></form>'
    )
    assert form_fields(page) == {
        "__VIEWSTATEX": "a+b/c=",
        "masterfootervalue": "X1!ÆØÅ",
        "checked": "on",
        "novalue": "",
    }
    assert form_action(page) == "login.aspx?x=1"
    fallback = soup('<form method="POST" action="a.aspx"><input type="hidden" name="k" value="v">')
    assert form_fields(fallback) == {"k": "v"}
    assert form_fields(soup("<p>no form</p>")) == {}
    assert form_action(soup("<p>no form</p>")) == ""


def test_school_id_from_numbers_and_urls() -> None:
    assert school_id_from(" 123 ") == "123"
    assert school_id_from("https://www.lectio.dk/lectio/0094/forside.aspx") == "94"
    assert school_id_from("www.lectio.dk/lectio/681") == "681"
    assert school_id_from("https://www.lectio.dk/lectio/12?x=1") == "12"
    for bad in ("", "lectio", "https://example.com/123/"):
        with pytest.raises(ValueError, match="Lectio"):
            school_id_from(bad)


def test_pasted_cookie_forms() -> None:
    assert read_pasted_cookie("  abc==  ") == {"autologinkeyV2": "abc=="}
    assert read_pasted_cookie("") == {}
    assert read_pasted_cookie("lectiogsc=g1; autologinkeyV2=k1==;ASP.NET_SessionId=; x") == {
        "lectiogsc": "g1",
        "autologinkeyV2": "k1==",
    }


def test_weeks_cover_the_range_with_iso_codes() -> None:
    weeks = weeks_between(date(2026, 12, 30), date(2027, 1, 5))
    assert [week.code for week in weeks] == ["532026", "012027"]
    assert weeks[0].monday == date(2026, 12, 28)
    assert [w.code for w in weeks_between(date(2025, 9, 1), date(2025, 9, 1))] == ["362025"]
    assert [w.code for w in weeks_between(date(2026, 1, 5), date(2026, 1, 11))] == ["022026"]
    assert weeks_between(date(2025, 9, 8), date(2025, 9, 1)) == []


def test_date_and_clock_parsing() -> None:
    assert parse_date("Frist 5/9-2025") == date(2025, 9, 5)
    assert parse_date("30/2-2025") is None
    assert parse_date("i dag") is None
    assert parse_clock("8:10") is not None
    assert parse_clock("24:00") is None
    assert parse_clock("klokken") is None


def test_text_helpers() -> None:
    assert unescape_until_stable("a &amp;amp;amp; b") == "a & b"
    assert danish_number(" 4,76% ") == 4.76
    assert danish_number("1.234,5") == 1234.5
    assert danish_number("-") is None


def test_school_list() -> None:
    page = (
        '<div id="schoolsdiv"><div><a href="/lectio/12/default.aspx">Århus Skole</a></div>'
        '<div><a href="/lectio/3/default.aspx">Aalborg</a></div>'
        '<div><a href="/lectio/12/default.aspx">Århus Skole</a></div>'
        '<div><a href="/lectio/login_list.aspx?showall=1">Vis alle skoler</a></div>'
        '<div><a href="/lectio/4/default.aspx"> </a></div></div>'
    )
    assert [(s.id, s.name) for s in parse_school_list(page)] == [
        ("3", "Aalborg"),
        ("12", "Århus Skole"),
    ]


def test_page_recognition() -> None:
    assert shows_login_form('<input name="m$Content$username" type="text">')
    assert shows_login_form("<input name='m$Content$username'>")
    assert not shows_login_form("<p>Log ind</p>")
    with pytest.raises(RateLimitedError):
        raise_for_error_page("<h1>Der opstod en ukendt fejl</h1>")
    raise_for_error_page("<h1>Skema</h1>")
    assert is_unknown_school("https://x/lectio/fejlhandled.aspx?title=Skolen+eksisterer+ikke", "")
    assert is_unknown_school("https://x/", "<h1>Skolen eksisterer ikke</h1>")
    assert not is_unknown_school("https://x/lectio/1/login.aspx", "<h1>Log ind</h1>")
    locked = soup('<div id="m_Content_loginPanel">Din bruger er midlertidigt låst</div>')
    assert login_error_says_locked(locked)
    assert login_error_says_locked(soup("<body>Kontoen er spærret</body>"))
    assert not login_error_says_locked(soup("<body>Forkert adgangskode</body>"))
    assert offers_only_federated_login(soup('<a href="https://broker/x">Log ind med MitID</a>'))
    assert not offers_only_federated_login(soup('<a href="/hjaelp">Hjælp</a>'))

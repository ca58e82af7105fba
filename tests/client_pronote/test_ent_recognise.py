"""ENT page recognition and form filling on varied HTML (Pronote protocol §8.2)."""

from __future__ import annotations

import pytest

from custom_components.schoolbag.client.pronote.ent import recognise
from custom_components.schoolbag.client.pronote.ent.filling import (
    credentials_payload,
    get_url,
    submitted_fields,
)
from custom_components.schoolbag.client.pronote.ent.html_forms import parse_html
from custom_components.schoolbag.client.pronote.ent.steps import (
    Arrived,
    AutoPost,
    ChooseIdentityProvider,
    Family,
    FillLogin,
    FollowEduConnect,
    ServiceRefused,
    Unknown,
    Unsupported,
    step_name,
)

URL = "https://ent.example.fr/cas/login?service=x"

SAML_REQUEST = """<html><body onload="document.forms[0].submit()">
<noscript><p>Cliquez sur Continuer.</p></noscript>
<form action="https://idp.example.fr/idp/profile/SAML2/POST/SSO" method="post">
<input type="hidden" name="RelayState" value="ss:mem:42"/>
<input type="hidden" name="SAMLRequest" value="PHNhbWw+"/>
<noscript><input type="submit" value="Continuer"/></noscript></form></body></html>"""

EDUCONNECT = """<form id="formulaire" action="/idp/profile/SAML2/POST/SSO?execution=e1s1"
 method="post"><input type="hidden" name="csrf_token" value="c1">
<input id="username" name="j_username" type="text"><input name="j_password" type="password">
<button type="submit" name="_eventId_proceed">Se connecter</button></form>
<form method="post"><button name="_eventId_FranceConnect" class="fr-connect">FC</button></form>"""

KEYCLOAK = """<form id="kc-form-login" onsubmit="login.disabled = true; return true;"
 action="/realms/ent/login-actions/authenticate?session_code=a&amp;execution=b" method="post">
<input id="username" name="username" type="text"><input name="password" type="password">
<input type="checkbox" name="rememberMe"><input type="hidden" name="credentialId">
<input name="login" id="kc-login" type="submit" value="Connexion"></form>"""

CAS = """<form id="fm1" method="post" action="/cas/login?service=x">
<input id="username" name="username" type="text" value=""><input name="password"
 type="password"><input type="hidden" name="execution" value="e1"><input type="hidden"
 name="_eventId" value="submit"><input type="hidden" name="lt" value=""></form>"""

OPEN_ENT_NG = """<form method="post" action="/auth/login" name="loginForm">
<input type="text" id="email" name="email"><input type="password" name="password">
<input type="hidden" name="callBack" value=""><input type="checkbox" name="rememberMe"
 value="true"><button type="submit">Se connecter</button></form>"""

WAYF_SELECT = """<form id="IdPList" method="get" action="/discovery/WAYF">
<input type="hidden" name="entityID" value="https://ent/sp"><input type="hidden"
 name="returnX" value="https://ent/Shibboleth.sso/Login?SAMLDS=1">
<select name="origin"><option value="https://academie/idp">Personnel</option>
<option value="https://educonnect.education.gouv.fr/idp">Élève ou parent</option></select>
<input type="submit" value="Valider"></form>"""

WAYF_RADIO = """<form method="post" action="/wayf"><input type="hidden" name="return"
 value="https://sp/login"><input type="radio" name="user_idp" value="agents"
 title="Agents"><input type="radio" name="user_idp" value="parents"
 title="Parents et élèves - ÉduConnect"><button type="submit">OK</button></form>"""


def test_space_page_is_the_end() -> None:
    page = "<script>Start ({h:'1234567',a:3,e:'jdupont',f:'0A1B'})</script>"
    assert isinstance(recognise(URL, page), Arrived)


def test_saml_request_page_is_posted_as_it_is() -> None:
    step = recognise(URL, SAML_REQUEST)
    assert isinstance(step, AutoPost)
    assert submitted_fields(step.form) == {"RelayState": "ss:mem:42", "SAMLRequest": "PHNhbWw+"}
    assert step.form.method == "post"


def test_saml_response_without_script_is_posted_too() -> None:
    page = (
        '<form action="https://ent/acs" method="POST"><input type="hidden" name="SAMLResponse" '
        'value="PHI+"><input type="hidden" name="RelayState" value="r"></form>'
    )
    step = recognise(URL, page)
    assert isinstance(step, AutoPost)
    assert step.form.fields == {"SAMLResponse": "PHI+", "RelayState": "r"}


def test_other_script_posted_form_is_posted() -> None:
    page = (
        '<form method="post" action="https://ent/oidc"><input type="hidden" name="code" '
        'value="c"><input type="hidden" name="state" value="s"></form>'
        "<script>document.forms[0].submit();</script>"
    )
    assert isinstance(recognise(URL, page), AutoPost)


def test_hidden_form_without_script_is_not_posted() -> None:
    page = '<form method="post" action="/x"><input type="hidden" name="state" value="s"></form>'
    assert isinstance(recognise(URL, page), Unknown)


@pytest.mark.parametrize(
    ("page", "family"),
    [
        (EDUCONNECT, Family.EDUCONNECT),
        (KEYCLOAK, Family.KEYCLOAK),
        (CAS, Family.CAS),
        (OPEN_ENT_NG, Family.OPEN_ENT_NG),
        (
            '<form method="post" action="https://sso.example.fr/cas/login"><input name="user">'
            '<input type="password" name="pass"></form>',
            Family.CAS,
        ),
    ],
)
def test_login_forms(page: str, family: Family) -> None:
    step = recognise(URL, page)
    assert isinstance(step, FillLogin)
    assert step.family is family
    assert step_name(step) == f"{family} login form"


def test_unknown_password_form_is_not_guessed() -> None:
    page = '<form method="post" action="/connect"><input name="u"><input type="password"></form>'
    assert isinstance(recognise("https://portal.example.fr/", page), Unknown)


def test_educonnect_payload_has_the_documented_fields() -> None:
    step = recognise(URL, EDUCONNECT)
    assert isinstance(step, FillLogin)
    payload = credentials_payload(step.family, step.form, "jdupont", "secret")
    assert payload == {
        "csrf_token": "c1",
        "j_username": "jdupont",
        "j_password": "secret",
        "_eventId_proceed": "",
    }


def test_open_ent_ng_payload() -> None:
    step = recognise("https://ent.example.fr/auth/login", OPEN_ENT_NG)
    assert isinstance(step, FillLogin)
    payload = credentials_payload(step.family, step.form, "jdupont", "secret")
    assert payload == {"email": "jdupont", "password": "secret", "callBack": ""}


def test_keycloak_payload_keeps_hidden_fields_and_the_button() -> None:
    step = recognise(URL, KEYCLOAK)
    assert isinstance(step, FillLogin)
    payload = credentials_payload(step.family, step.form, "jdupont", "secret")
    assert payload == {
        "username": "jdupont",
        "password": "secret",
        "credentialId": "",
        "login": "Connexion",
    }
    assert step.form.action.endswith("session_code=a&execution=b")


def test_cas_payload_uses_the_fields_the_form_shows() -> None:
    page = CAS.replace('name="username"', 'name="login"').replace('name="password"', 'name="mdp"')
    step = recognise(URL, page)
    assert isinstance(step, FillLogin)
    payload = credentials_payload(step.family, step.form, "jdupont", "secret")
    assert payload == {
        "login": "jdupont",
        "mdp": "secret",
        "execution": "e1",
        "_eventId": "submit",
        "lt": "",
    }


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/cas/login?idp=educonnect"><img src="/x.svg" alt="bouton"></a>',
        '<a href="/saml/start?p=3" title="Se connecter avec ÉduConnect"><span></span></a>',
        '<a href="/saml/start?p=3"><img src="/img/logo.svg" alt="EduConnect"></a>',
        '<a class="btn" href="/delegate">Connexion <b>ÉduConnect</b></a>',
    ],
)
def test_cas_page_offering_educonnect(link: str) -> None:
    step = recognise(URL, f"<p>Élèves et parents</p>{link}{CAS}")
    assert isinstance(step, FollowEduConnect)
    assert step.url.startswith("https://ent.example.fr/")
    assert step.local_login


def test_educonnect_link_alone() -> None:
    page = '<a href="https://ent.example.fr/educonnect/login">Se connecter</a>'
    step = recognise(URL, page)
    assert step == FollowEduConnect("https://ent.example.fr/educonnect/login", local_login=False)


def test_educonnect_link_can_be_avoided_for_the_local_form() -> None:
    step = recognise(URL, f'<a href="/x?idp=educonnect">E</a>{CAS}', avoid_educonnect=True)
    assert isinstance(step, FillLogin)
    assert step.family is Family.CAS


def test_links_that_go_nowhere_are_ignored() -> None:
    page = '<a href="#educonnect">Aide</a><a href="javascript:educonnect()">E</a>'
    assert isinstance(recognise(URL, page), Unknown)


def test_wayf_select_picks_educonnect() -> None:
    step = recognise(URL, WAYF_SELECT)
    assert isinstance(step, ChooseIdentityProvider)
    assert (step.field, step.value) == ("origin", "https://educonnect.education.gouv.fr/idp")
    values = submitted_fields(step.form)
    values[step.field] = step.value
    url = get_url("https://ent/discovery/WAYF?old=1", values)
    assert url.startswith("https://ent/discovery/WAYF?entityID=https%3A%2F%2Fent%2Fsp&returnX=")
    assert "old=1" not in url
    assert "origin=https%3A%2F%2Feduconnect.education.gouv.fr%2Fidp" in url


def test_wayf_radio_buttons_pick_educonnect_by_label() -> None:
    step = recognise(URL, WAYF_RADIO)
    assert isinstance(step, ChooseIdentityProvider)
    assert (step.field, step.value) == ("user_idp", "parents")


def test_discovery_without_educonnect_is_unknown() -> None:
    page = WAYF_SELECT.replace("educonnect.education.gouv.fr", "autre.fr")
    assert isinstance(recognise(URL, page), Unknown)


def test_select_defaults_to_its_first_option() -> None:
    page = parse_html('<form><select name="p"><option value="a">A</option></select></form>')
    assert submitted_fields(page.forms[0]) == {"p": "a"}


@pytest.mark.parametrize(
    ("url", "page", "name"),
    [
        (URL, '<body onload="go()"><script>function go(){}</script></body>', "anti-robot"),
        (URL, "<script>document.cookie = 'KEY=' + k; location.reload();</script>", "anti-robot"),
        (URL, f'{CAS}<div class="g-recaptcha" data-sitekey="k"></div>', "CAPTCHA"),
        (URL, f'{CAS}<div class="h-captcha"></div>', "CAPTCHA"),
        (URL, f'{OPEN_ENT_NG}<div class="cf-turnstile"></div>', "CAPTCHA"),
        (URL, '<form id="kc-otp-login-form"><input name="otp"></form>', "double authentication"),
        (
            URL,
            '<form method="post"><input type="text" name="totp"></form>',
            "double authentication",
        ),
        ("https://app.franceconnect.gouv.fr/api/v1/authorize", "<p>Choisir</p>", "FranceConnect"),
    ],
)
def test_pages_a_script_cannot_pass(url: str, page: str, name: str) -> None:
    step = recognise(url, page)
    assert isinstance(step, Unsupported)
    assert step.name.startswith(name)


def test_franceconnect_button_on_educonnect_does_not_block() -> None:
    assert isinstance(recognise(URL, EDUCONNECT), FillLogin)


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("<p>L&#39;url de service est vide.</p>", "was not given"),
        (
            "<p>L\u2019url de service « x » n\u2019est pas une url de confiance.</p>",
            "does not trust",
        ),
    ],
)
def test_hub_refusals(page: str, reason: str) -> None:
    step = recognise("https://hubeduconnect.index-education.net/EduConnect/cas/login", page)
    assert isinstance(step, ServiceRefused)
    assert reason in step.reason


def test_broken_html_is_tolerated() -> None:
    page = '<form action="/cas/login"><input name="u"><input type="password" name="p"><select'
    step = recognise(URL, page)
    assert isinstance(step, FillLogin)
    assert step.form.password_fields == ["p"]


def test_form_inputs_of_every_kind() -> None:
    page = parse_html(
        '<form action="/x" method="POST" id="f" class="c"><input value="no name">'
        '<input type="number" name="year" value="2026"><input type="checkbox" name="keep">'
        '<input type="submit" name="go" value="Go"><button type="button" name="b">B</button>'
        "</form>"
    )
    (form,) = page.forms
    assert (form.method, form.form_id, form.classes) == ("post", "f", "c")
    assert form.fields == {"year": "2026"}
    assert form.submit == ("go", "Go")
    assert submitted_fields(form) == {"year": "2026", "go": "Go"}

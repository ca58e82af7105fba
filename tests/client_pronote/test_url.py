"""Normalising the addresses users paste, and spotting ENT addresses."""

from __future__ import annotations

import pytest

from custom_components.schoolbag.client.errors import NotSupportedError
from custom_components.schoolbag.client.pronote import (
    PronoteUrl,
    detect_ent,
    is_pronote_home,
    normalize_pronote_url,
)

ROOT = "https://0123456x.index-education.net/pronote"


@pytest.mark.parametrize(
    ("url", "space"),
    [
        (f"{ROOT}/eleve.html", "eleve"),
        (f"{ROOT}/parent.html", "parent"),
        (f"{ROOT}/mobile.eleve.html", "eleve"),
        (f"{ROOT}/mobile.parent.html?fd=1&bydlg=A6ABB224&login=true", "parent"),
        (f"{ROOT}/eleve.html?login=true", "eleve"),
        (f"  {ROOT}/Eleve.html#top  ", "eleve"),
        ("0123456x.index-education.net/pronote/parent.html", "parent"),
        ("HTTPS://0123456X.Index-Education.net/pronote/eleve.html", "eleve"),
    ],
)
def test_space_pages(url: str, space: str) -> None:
    assert normalize_pronote_url(url) == PronoteUrl(ROOT, space)


def test_self_hosted_and_plain_http() -> None:
    assert normalize_pronote_url("http://192.168.1.20:8080/pronote/eleve.html") == PronoteUrl(
        "http://192.168.1.20:8080/pronote", "eleve"
    )
    assert normalize_pronote_url("https://pronote.lycee.fr/parent.html").base == (
        "https://pronote.lycee.fr"
    )


def test_pages_built_from_the_url() -> None:
    url = PronoteUrl(ROOT, "parent")
    assert url.page() == f"{ROOT}/parent.html"
    assert url.page(mobile=True) == f"{ROOT}/mobile.parent.html"
    assert url.login_page(mobile=False) == f"{ROOT}/parent.html?login=true&fd=1"
    assert url.login_page(mobile=True) == (
        f"{ROOT}/mobile.parent.html?fd=1&bydlg=A6ABB224-12DD-4E31-AD3E-8A39A1C2C335&login=true"
    )


def test_cas_login_address_names_the_space_page() -> None:
    cas = (
        "https://cas.kosmoseducation.com/login?selection=ATS_parent_eleve&service="
        "https%3A%2F%2F0123456x.index-education.net%2Fpronote%2Feleve.html"
    )
    assert normalize_pronote_url(cas) == PronoteUrl(ROOT, "eleve")
    assert detect_ent(cas) == "cas.kosmoseducation.com"
    assert detect_ent(f"{ROOT}/eleve.html") is None


def test_ent_address_without_pronote_page() -> None:
    with pytest.raises(NotSupportedError, match=r"this ENT is not supported yet: ent\.example\.fr"):
        normalize_pronote_url("https://ent.example.fr/portail/")
    assert detect_ent("https://ent.example.fr/portail/") == "ent.example.fr"


def test_other_spaces_are_not_supported() -> None:
    with pytest.raises(NotSupportedError, match="professeur"):
        normalize_pronote_url(f"{ROOT}/professeur.html")
    with pytest.raises(NotSupportedError):
        normalize_pronote_url(f"{ROOT}/mobile.viescolaire.html")


@pytest.mark.parametrize(
    "url",
    [f"{ROOT}/", ROOT, f"{ROOT}/index.html", "ftp://host/pronote/eleve.html", "", "https://"],
)
def test_not_a_space_page(url: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - several messages
        normalize_pronote_url(url)


@pytest.mark.parametrize(
    "url",
    [f"{ROOT}/", ROOT, "https://0123456x.index-education.net/", "0123456x.index-education.net"],
)
def test_pronote_home_without_its_page_is_not_an_ent(url: str) -> None:
    assert is_pronote_home(url)
    assert detect_ent(url) is None
    with pytest.raises(ValueError, match=r"eleve\.html or parent\.html"):
        normalize_pronote_url(url)


@pytest.mark.parametrize("url", [f"{ROOT}/eleve.html", "https://ent.example.fr/portail/"])
def test_space_pages_and_ent_portals_are_not_pronote_homes(url: str) -> None:
    assert not is_pronote_home(url)

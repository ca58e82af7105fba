"""The shared cookie store: per host, expired and emptied cookies, secrets kept out of repr."""

from __future__ import annotations

from http.cookies import SimpleCookie

from custom_components.schoolbag.client.http import CookieStore


def _cookies(*headers: str) -> SimpleCookie:
    cookie: SimpleCookie = SimpleCookie()
    for header in headers:
        cookie.load(header)
    return cookie


def test_cookies_are_kept_per_host() -> None:
    store = CookieStore()
    assert store.site("h").header() is None
    store.site("Host").update(
        _cookies("A=1; Path=/", "B=2; Max-Age=0", "C=3; Max-Age=60", "D=4; Max-Age=x")
    )
    assert store.site("host").header() == "A=1; C=3; D=4"
    assert store.site("other").header() is None
    store.site("host").update(_cookies('A=""'))
    store.site("host").set("appliMobile", "1")
    assert store.site("HOST").header() == "C=3; D=4; appliMobile=1"
    assert store.site("host").as_dict() == {"C": "3", "D": "4", "appliMobile": "1"}
    assert "C=3" not in repr(store)
    assert "3" not in repr(store.site("host"))
    store.site("host").drop("C")
    assert store.site("host").get("C") is None
    store.clear()
    assert store.site("host").header() is None


def test_named_cookies_survive_being_emptied() -> None:
    store = CookieStore(kept_when_emptied=frozenset({"key"}))
    site = store.site("h")
    site.update(_cookies("key=k1", "other=o1"))
    site.update(_cookies('key=""', 'other=""'))
    assert site.as_dict() == {"key": "k1"}
    site.update(_cookies("key=k1; Max-Age=0"))
    assert site.get("key") is None

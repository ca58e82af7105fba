"""The client's own cookie store (works whatever jar the borrowed aiohttp session has).

Lectio rotates ``ASP.NET_SessionId`` and ``autologinkeyV2`` during redirects and
sometimes answers ``autologinkeyV2=`` (empty): an empty value never erases a stored
session or key (spec 2.2).
"""

from __future__ import annotations

from http.cookies import Morsel, SimpleCookie

from .const import KEY_COOKIE, SESSION_COOKIE

_KEPT_WHEN_EMPTIED = frozenset({KEY_COOKIE, SESSION_COOKIE})


class CookieStore:
    """Cookies of the Lectio host, sent back with every request."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}

    def __repr__(self) -> str:
        """Cookie values are secrets: show names only."""
        return f"CookieStore(names={sorted(self._values)!r})"

    def get(self, name: str) -> str | None:
        """The value of a cookie, if stored."""
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        """Store a cookie (e.g. a pasted auto-login key)."""
        self._values[name] = value

    def drop(self, name: str) -> None:
        """Forget one cookie."""
        self._values.pop(name, None)

    def clear(self) -> None:
        """Forget every cookie."""
        self._values.clear()

    def as_dict(self) -> dict[str, str]:
        """Name to value, ready for aiohttp's ``cookies=`` (which wins over its jar)."""
        return dict(self._values)

    def update(self, cookies: SimpleCookie) -> None:
        """Store what a response set; expired cookies go, empty values never erase a key."""
        for name, morsel in cookies.items():
            if _expired(morsel):
                self._values.pop(name, None)
            elif morsel.value:
                self._values[name] = morsel.value
            elif name not in _KEPT_WHEN_EMPTIED:
                self._values.pop(name, None)


def _expired(morsel: Morsel[str]) -> bool:
    max_age = morsel.get("max-age")
    if not max_age:
        return False
    try:
        return int(max_age) <= 0
    except ValueError:
        return False

"""The client's own cookie store, so logins work whatever jar the borrowed session has.

aiohttp's default jar ignores cookies from IP addresses (a self-hosted server, the
simulators). Cookies are kept per host and path-agnostic: the platforms scope theirs
to the whole site, and sending one to a sibling path is harmless.
"""

from __future__ import annotations

from http.cookies import Morsel, SimpleCookie


class SiteCookies:
    """The cookies of one host.

    A cookie emptied by the server is forgotten, unless its name is in
    ``kept_when_emptied`` (a server that blanks a key it still expects back).
    """

    def __init__(self, kept_when_emptied: frozenset[str] = frozenset()) -> None:
        self._values: dict[str, str] = {}
        self._kept_when_emptied = kept_when_emptied

    def __repr__(self) -> str:
        """Cookie values are secrets: show names only."""
        return f"SiteCookies(names={sorted(self._values)!r})"

    def get(self, name: str) -> str | None:
        """The value of a cookie, if stored."""
        return self._values.get(name)

    def set(self, name: str, value: str) -> None:
        """Store a cookie ourselves (a pasted key, a marker the web app sets)."""
        self._values[name] = value

    def drop(self, name: str) -> None:
        """Forget one cookie."""
        self._values.pop(name, None)

    def clear(self) -> None:
        """Forget every cookie."""
        self._values.clear()

    def as_dict(self) -> dict[str, str]:
        """Name to value."""
        return dict(self._values)

    def header(self) -> str | None:
        """The ``Cookie`` header, or None when there is nothing to send."""
        if not self._values:
            return None
        return "; ".join(f"{name}={value}" for name, value in self._values.items())

    def update(self, cookies: SimpleCookie) -> None:
        """Store what an answer set: expired cookies go, emptied ones go unless kept."""
        for name, morsel in cookies.items():
            if _expired(morsel):
                self._values.pop(name, None)
            elif morsel.value:
                self._values[name] = morsel.value
            elif name not in self._kept_when_emptied:
                self._values.pop(name, None)


class CookieStore:
    """Cookies received from each host, sent back to the same host only."""

    def __init__(self, *, kept_when_emptied: frozenset[str] = frozenset()) -> None:
        self._by_host: dict[str, SiteCookies] = {}
        self._kept_when_emptied = kept_when_emptied

    def __repr__(self) -> str:
        """Cookie values are secrets: show hosts only."""
        return f"CookieStore(hosts={sorted(self._by_host)!r})"

    def site(self, host: str) -> SiteCookies:
        """The cookies of ``host`` (``name:port`` as in a URL), created empty when new."""
        key = host.lower()
        if key not in self._by_host:
            self._by_host[key] = SiteCookies(self._kept_when_emptied)
        return self._by_host[key]

    def clear(self) -> None:
        """Forget every cookie of every host."""
        for cookies in self._by_host.values():
            cookies.clear()


def _expired(morsel: Morsel[str]) -> bool:
    max_age = morsel.get("max-age")
    if not max_age:
        return False
    try:
        return int(max_age) <= 0
    except ValueError:
        return False

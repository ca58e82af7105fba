"""A minimal cookie store, so logins work whatever the borrowed session's jar accepts.

aiohttp's default jar ignores cookies from IP addresses (a self-hosted
Pronote, the simulator). Cookies are kept per host, path-agnostic: Pronote
and CAS servers scope theirs to the same site, and sending one to a sibling
path is harmless.
"""

from __future__ import annotations

from http.cookies import Morsel, SimpleCookie


class CookieStore:
    """Cookies received from each host, sent back to the same host."""

    def __init__(self) -> None:
        self._by_host: dict[str, dict[str, str]] = {}

    def __repr__(self) -> str:
        """Cookie values are secrets."""
        return f"CookieStore(hosts={sorted(self._by_host)!r})"

    def clear(self) -> None:
        """Forget every cookie."""
        self._by_host.clear()

    def update(self, host: str, cookies: SimpleCookie) -> None:
        """Store what a response set (an expired or emptied cookie is removed)."""
        jar = self._by_host.setdefault(host.lower(), {})
        for name, morsel in cookies.items():
            if _expired(morsel):
                jar.pop(name, None)
            else:
                jar[name] = morsel.value

    def set(self, host: str, name: str, value: str) -> None:
        """Set a cookie ourselves (e.g. the mobile app marker)."""
        self._by_host.setdefault(host.lower(), {})[name] = value

    def header(self, host: str) -> str | None:
        """The ``Cookie`` header for a host, or None when there is nothing to send."""
        jar = self._by_host.get(host.lower())
        if not jar:
            return None
        return "; ".join(f"{name}={value}" for name, value in jar.items())


def _expired(morsel: Morsel[str]) -> bool:
    if not morsel.value:
        return True
    max_age = morsel.get("max-age")
    if max_age:
        try:
            return int(max_age) <= 0
        except ValueError:
            return False
    return False

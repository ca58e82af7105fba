"""Logged-in sessions held by a cookie (an ENT's, an identity provider's)."""

from __future__ import annotations

import secrets

from aiohttp import web


class CookieSessions:
    """Cookie value -> username, for one cookie name and path."""

    def __init__(self, cookie: str, path: str) -> None:
        self.cookie = cookie
        self.path = path
        self._users: dict[str, str] = {}

    def user(self, request: web.Request) -> str | None:
        return self._users.get(request.cookies.get(self.cookie, ""))

    def open(self, response: web.StreamResponse, username: str) -> None:
        """Log ``username`` in: a new session cookie on ``response``."""
        value = secrets.token_hex(16)
        self._users[value] = username
        response.set_cookie(self.cookie, value, path=self.path, httponly=True)

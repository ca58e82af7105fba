"""API tokens: one per user account, 32 base64 characters, renewed in the last minute."""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
import secrets

DEFAULT_TOKEN_TTL = 3600.0
# A new POST /tokens returns the same token while more than this is left
# (ScoDoc protocol §2, point 3).
REUSE_MARGIN = 60.0


def new_token() -> str:
    """24 random bytes in standard base64: 32 characters, ``+`` and ``/`` included."""
    return base64.b64encode(secrets.token_bytes(24)).decode("ascii")


@dataclass
class _Token:
    value: str
    expires: float


class TokenStore:
    """Tokens stored on the user record: every client of a login shares one."""

    def __init__(self, clock: Callable[[], float], ttl: float = DEFAULT_TOKEN_TTL) -> None:
        self._clock = clock
        self.ttl = ttl
        self._by_user: dict[str, _Token] = {}
        self.issued = 0

    def issue(self, username: str) -> str:
        """The user's token, or a new one replacing it when less than a minute is left."""
        now = self._clock()
        current = self._by_user.get(username)
        if current is not None and current.expires - now > REUSE_MARGIN:
            return current.value
        token = _Token(new_token(), now + self.ttl)
        self._by_user[username] = token
        self.issued += 1
        return token.value

    def user_of(self, value: str) -> str | None:
        """The user owning a live token, or None for unknown or expired tokens."""
        now = self._clock()
        for username, token in self._by_user.items():
            if secrets.compare_digest(token.value, value) and token.expires > now:
                return username
        return None

    def revoke(self, value: str) -> None:
        """``DELETE /tokens``: the token dies now, for every client of the account."""
        for token in self._by_user.values():
            if token.value == value:
                token.expires = self._clock()

    def expire(self, username: str | None = None) -> int:
        """Expire the tokens of one user (or all): the next call gets 401."""
        now = self._clock()
        count = 0
        for name, token in self._by_user.items():
            if username in (None, name) and token.expires > now:
                token.expires = now
                count += 1
        return count

    def rotate(self, username: str) -> str:
        """Another client of the same login got a fresh token: the old one is dead."""
        token = _Token(new_token(), self._clock() + self.ttl)
        self._by_user[username] = token
        self.issued += 1
        return token.value

    def live_count(self) -> int:
        now = self._clock()
        return sum(1 for token in self._by_user.values() if token.expires > now)

"""Lectio's cookie rule, on the shared store.

Lectio rotates ``ASP.NET_SessionId`` and ``autologinkeyV2`` during redirects and
sometimes answers ``autologinkeyV2=`` (empty): an empty value never erases a stored
session or key (Lectio protocol §2.2).
"""

from __future__ import annotations

from ..http import CookieStore
from .const import KEY_COOKIE, SESSION_COOKIE

KEPT_WHEN_EMPTIED = frozenset({KEY_COOKIE, SESSION_COOKIE})


def lectio_cookie_store() -> CookieStore:
    """A store whose Lectio session and key survive an emptied cookie."""
    return CookieStore(kept_when_emptied=KEPT_WHEN_EMPTIED)

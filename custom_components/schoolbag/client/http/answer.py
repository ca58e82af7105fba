"""What a server answered to one request."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from http.cookies import SimpleCookie
from urllib.parse import urljoin

from .charset import decode_text

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Answer:
    """One HTTP answer, its body read in full.

    ``url`` is the address asked (after any redirect followed by hand); ``redirects``
    counts the redirects followed to reach it.
    """

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    charset: str | None = None
    content_type: str = ""
    cookies: SimpleCookie = field(default_factory=SimpleCookie, repr=False)
    redirects: int = 0

    @cached_property
    def text(self) -> str:
        """The body decoded with its charset (UTF-8 when unknown)."""
        return decode_text(self.body, self.charset)

    @property
    def redirect_target(self) -> str | None:
        """The absolute address a redirect points at, or None for any other answer."""
        location = self.headers.get("Location")
        if self.status not in REDIRECT_STATUSES or not location:
            return None
        return urljoin(self.url, location)

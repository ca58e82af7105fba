"""URLs of one Lectio school, and reading a school id from what a user pastes."""

from __future__ import annotations

from dataclasses import dataclass
import re
from urllib.parse import urlencode

_SCHOOL_IN_URL = re.compile(r"/lectio/(\d+)(?:/|$|\?)", re.IGNORECASE)


def school_id_from(value: str) -> str:
    """A school id from ``"123"`` or any Lectio URL of the school (``.../lectio/123/...``).

    Raises ValueError for anything else.
    """
    value = value.strip()
    if value.isdigit():
        return str(int(value))
    match = _SCHOOL_IN_URL.search(value)
    if match is None:
        raise ValueError("not a Lectio school number or school URL")
    return str(int(match[1]))


@dataclass(frozen=True, slots=True)
class SchoolUrls:
    """Absolute URLs of the pages of one school."""

    base_url: str
    school_id: str

    def page(self, name: str, **params: str) -> str:
        """``<base>/lectio/<school>/<name>?<params>``."""
        url = f"{self.base_url.rstrip('/')}/lectio/{self.school_id}/{name}"
        return f"{url}?{urlencode(params)}" if params else url

    @property
    def login(self) -> str:
        """The login page."""
        return self.page("login.aspx")

    @property
    def front(self) -> str:
        """The front page (``forside.aspx``)."""
        return self.page("forside.aspx")

"""The list of Lectio schools (``login_list.aspx``, Lectio protocol §1.1), cached for a day."""

from __future__ import annotations

from asyncio import to_thread
from dataclasses import dataclass
import re
import time
import unicodedata

import aiohttp

from ..errors import ServerUnavailableError
from ..http import DEFAULT_TIMEOUT
from .const import ACCEPT_LANGUAGE, DEFAULT_BASE_URL, SCHOOL_LIST_TTL, USER_AGENT
from .html import attribute, soup, text_of

_SCHOOL_LINK = re.compile(r"/lectio/(\d+)/", re.IGNORECASE)
_cache: dict[str, tuple[float, tuple[School, ...]]] = {}


@dataclass(frozen=True, slots=True)
class School:
    """A Lectio school: its number and name."""

    id: str
    name: str


def parse_school_list(page: str) -> list[School]:
    """Schools of the list page (the "Vis alle skoler" link is skipped)."""
    document = soup(page)
    scope = document.find(id="schoolsdiv") or document
    schools: dict[str, School] = {}
    for link in scope.find_all("a"):
        match = _SCHOOL_LINK.search(attribute(link, "href"))
        name = text_of(link)
        if match and name:
            schools.setdefault(match[1], School(match[1], name))
    return sorted(schools.values(), key=lambda school: school.name.casefold())


def _folded(value: str) -> str:
    return unicodedata.normalize("NFC", value).casefold()


async def _school_list(session: aiohttp.ClientSession, base_url: str) -> tuple[School, ...]:
    cached = _cache.get(base_url)
    if cached is not None and time.monotonic() - cached[0] < SCHOOL_LIST_TTL:
        return cached[1]
    url = f"{base_url.rstrip('/')}/lectio/login_list.aspx?showall=1"
    try:
        async with session.get(
            url,
            headers={"User-Agent": USER_AGENT, "Accept-Language": ACCEPT_LANGUAGE},
            timeout=aiohttp.ClientTimeout(total=DEFAULT_TIMEOUT),
        ) as resp:
            if resp.status >= 400:
                raise ServerUnavailableError(f"Lectio school list answered HTTP {resp.status}")
            page = await resp.text(errors="replace")
    except TimeoutError as err:
        raise ServerUnavailableError("Lectio did not answer in time") from err
    except aiohttp.ClientError as err:
        raise ServerUnavailableError(f"cannot reach Lectio ({type(err).__name__})") from err
    # The list of every school is a long page: parsed in a worker thread, off the loop.
    schools = tuple(await to_thread(parse_school_list, page))
    if schools:
        _cache[base_url] = (time.monotonic(), schools)
    return schools


async def search_schools(
    session: aiohttp.ClientSession, query: str = "", base_url: str = DEFAULT_BASE_URL
) -> list[School]:
    """Schools whose name contains ``query`` (case-insensitive) or whose number is ``query``."""
    wanted = _folded(query.strip())
    return [
        school
        for school in await _school_list(session, base_url)
        if not wanted or wanted in _folded(school.name) or wanted == school.id
    ]

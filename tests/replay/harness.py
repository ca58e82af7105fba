"""Serving a capture back to the real client, and running the refresh a capture recorded.

``ReplayServer`` answers each request with the recorded answer of the first unused
exchange of the same method and path (in recorded order). Pronote's call paths end with
an order number the client encrypts afresh, so that last segment is not compared.
A request the capture does not hold gets a 599 answer and is listed in ``unmatched``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast
from urllib.parse import urlsplit, urlunsplit

import aiohttp
from aiohttp import web
from homeassistant.config_entries import ConfigEntry

from custom_components.schoolbag.client import SchoolClient
from custom_components.schoolbag.client.capture import loads
from custom_components.schoolbag.client.models import Student
from custom_components.schoolbag.data import StudentData
from custom_components.schoolbag.entry_data import ClientContext
from custom_components.schoolbag.flow_platforms import stored_login
from custom_components.schoolbag.student_fetch import StudentFetcher

CAPTURES = Path(__file__).parent / "captures"
# Headers aiohttp computes itself for the answer it sends.
_COMPUTED = frozenset({"content-length", "content-encoding", "transfer-encoding", "connection"})


def load(path: Path) -> dict[str, Any]:
    """A capture file."""
    return loads(path.read_text(encoding="utf-8"))


def _key(method: str, url: str) -> tuple[str, str]:
    path = urlsplit(url).path
    head, marker, _ = path.rpartition("/appelfonction/")
    if marker:
        # /appelfonction/<space>/<session>/<order>: drop the order number.
        path = head + marker + path.rpartition("/appelfonction/")[2].rsplit("/", 1)[0]
    return method.upper(), path.lower()


@dataclass
class ReplayServer:
    """The recorded answers of one capture, in order."""

    capture: dict[str, Any]
    used: set[int] = field(default_factory=set)
    unmatched: list[str] = field(default_factory=list)

    def app(self) -> web.Application:
        """An aiohttp app answering every path."""
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._answer)
        return app

    async def _answer(self, request: web.Request) -> web.StreamResponse:
        wanted = _key(request.method, str(request.url))
        for index, exchange in enumerate(self.capture["exchanges"]):
            if index in self.used or exchange["response"] is None:
                continue
            if _key(exchange["request"]["method"], exchange["request"]["url"]) == wanted:
                self.used.add(index)
                return self._response(exchange["response"], request)
        self.unmatched.append(f"{request.method} {request.path_qs}")
        return web.Response(status=599, text="not in the capture")

    @staticmethod
    def _response(recorded: dict[str, Any], request: web.Request) -> web.Response:
        response = web.Response(
            status=recorded["status"],
            body=(recorded.get("body") or "").encode(recorded.get("charset") or "utf-8"),
        )
        origin = f"{request.scheme}://{request.host}"
        for name, value in recorded["headers"]:
            if name.lower() in _COMPUTED:
                continue
            moved = _moved(value, origin) if name.lower() == "location" else value
            response.headers.add(name, moved)
        return response


def _moved(url: str, origin: str) -> str:
    """``url`` on the replay server (recorded addresses named the school's)."""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    new = urlsplit(origin)
    return urlunsplit((new.scheme, new.netloc, parts.path, parts.query, parts.fragment))


def replay_client(
    capture: dict[str, Any], origin: str, session: aiohttp.ClientSession
) -> SchoolClient:
    """The client the capture was recorded with, its server moved to ``origin``."""
    data = dict(capture["client"]["data"])
    if data.get("server_url"):
        data["server_url"] = _moved(data["server_url"], origin)
    if data.get("platform") == "lectio" and not data.get("server_url"):
        data["server_url"] = origin
    context = ClientContext(options=capture["client"].get("options", {}))
    return stored_login(data).client(session, context)


async def replay_refresh(
    capture: dict[str, Any], client: SchoolClient
) -> tuple[list[Student], list[StudentData]]:
    """Log in and read each followed student once, as the recorded refresh did."""
    account = await client.login()
    options = capture["client"].get("options", {})
    chosen = options.get("students")
    students = [s for s in account.students if not chosen or s.id in chosen]
    entry = cast(ConfigEntry, SimpleNamespace(options=options))
    return students, await StudentFetcher(client, entry).async_fetch(students)

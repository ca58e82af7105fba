"""A tiny scriptable EcoleDirecte-like server to check the client's wire format."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
import json
from typing import Any

from aiohttp import web

GTK_VALUE = "gtk-123"
TOKEN = "token-" + "x" * 40


@dataclass
class Recorded:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: str

    @property
    def payload(self) -> Any:
        """The JSON after ``data=``."""
        assert self.body.startswith("data=")
        return json.loads(self.body[len("data=") :])


Handler = Callable[[Recorded], web.StreamResponse | Awaitable[web.StreamResponse]]


def envelope(
    code: int = 200, data: Any = None, token: str = TOKEN, *, headers: dict[str, str] | None = None
) -> web.Response:
    """Answer like EcoleDirecte: JSON envelope, token in header and body."""
    all_headers = {"X-Token": token} if token else {}
    all_headers.update(headers or {})
    return web.json_response(
        {"host": "FAKE", "code": code, "token": token, "message": "", "data": data},
        headers=all_headers,
    )


def student_account(student_id: int = 2345) -> dict[str, Any]:
    """A minimal student account."""
    return {
        "idLogin": 1,
        "id": student_id,
        "typeCompte": "E",
        "main": True,
        "prenom": "Lucie",
        "nom": "MARTIN",
        "anneeScolaireCourante": "2025-2026",
        "modules": [],
        "profile": {"classe": {"libelle": "3B"}},
    }


# The smallest payload each data endpoint answers when there is nothing: its marker keys.
EMPTY_PAYLOADS: dict[str, Any] = {
    "notes.awp": {"periodes": [], "notes": []},
    "viescolaire.awp": {"absencesRetards": [], "sanctionsEncouragements": []},
    "messages.awp": {"messages": {"received": []}},
    "sansdetails.awp": {"comptes": []},
    "emploidutemps.awp": [],
}


def empty_data(path: str) -> Any:
    """The recognised "nothing" of the endpoint at ``path`` (``{}`` for the others)."""
    return EMPTY_PAYLOADS.get(path.rsplit("/", 1)[-1], {})


@dataclass
class FakeServer:
    """Routes by path; every request is recorded."""

    handlers: dict[str, Handler] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    accounts: list[dict[str, Any]] = field(default_factory=lambda: [student_account()])

    def app(self) -> web.Application:
        """Build the aiohttp application."""
        app = web.Application()
        app.router.add_route("*", "/v3/{tail:.*}", self._dispatch)
        return app

    def paths(self) -> list[str]:
        """Paths requested so far."""
        return [request.path for request in self.requests]

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        recorded = Recorded(
            method=request.method,
            path=request.match_info["tail"],
            query=dict(request.query),
            headers=dict(request.headers),
            body=await request.text(),
        )
        self.requests.append(recorded)
        handler = self.handlers.get(recorded.path)
        if handler is None:
            handler = self._default
        result = handler(recorded)
        if isinstance(result, web.StreamResponse):
            return result
        return await result

    def _default(self, request: Recorded) -> web.StreamResponse:
        if request.path == "login.awp" and request.query.get("gtk") == "1":
            response = envelope(data=None, token="")
            response.set_cookie("GTK", GTK_VALUE)
            response.set_cookie("OTHER", "1")
            return response
        if request.path == "login.awp":
            return envelope(data={"changementMDP": False, "accounts": self.accounts})
        return envelope(data=empty_data(request.path))

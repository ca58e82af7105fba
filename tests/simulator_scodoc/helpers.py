"""A minimal wire-level ScoDoc API client for the simulator tests.

Written from the ScoDoc protocol notes (``docs/protocols/scodoc.md``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import BasicAuth, web
from aiohttp.test_utils import TestClient


@dataclass
class Answer:
    status: int
    content_type: str
    body: Any


class Api:
    """Fetch tokens with Basic auth, then GET with the Bearer token."""

    def __init__(self, client: TestClient[web.Request, web.Application]) -> None:
        self.client = client

    async def token(self, username: str = "demo", password: str = "demo") -> str:
        resp = await self.client.post("/ScoDoc/api/tokens", auth=BasicAuth(username, password))
        assert resp.status == 200
        token = (await resp.json())["token"]
        assert isinstance(token, str)
        return token

    async def get(
        self, path: str, *, token: str | None = None, user: str = "demo", **params: str
    ) -> Answer:
        bearer = token if token is not None else await self.token(user)
        resp = await self.client.get(
            path, params=params, headers={"Authorization": f"Bearer {bearer}"}
        )
        if resp.content_type == "application/json":
            body: Any = await resp.json()
        else:
            body = await resp.read()
        return Answer(resp.status, resp.content_type, body)

    async def control(self, action: str, **params: Any) -> Any:
        resp = await self.client.post(f"/_sim/scodoc/{action}", json=params)
        return resp.status, await resp.json()

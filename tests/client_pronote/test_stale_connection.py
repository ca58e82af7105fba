"""A kept-alive connection that the server drops as the next POST goes out is retried once."""

from __future__ import annotations

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import ServerUnavailableError
from custom_components.schoolbag.client.pronote.http_client import Http

from ..client.dropping_server import dropping_server


async def _post_twice(drop: set[int]) -> tuple[int, int]:
    async with dropping_server(drop) as server, aiohttp.ClientSession() as session:
        http = Http(session, timeout=5)
        url = f"{server}/pronote/appelfonction/3/1/x"
        first = await http.post_json(url, {})
        second = await http.post_json(url, {})
        return first.status, second.status


async def test_post_on_a_dropped_kept_alive_connection_is_retried(socket_enabled: None) -> None:
    assert await _post_twice({1}) == (200, 200)


async def test_a_second_drop_is_reported(socket_enabled: None) -> None:
    with pytest.raises(ServerUnavailableError):
        await _post_twice({1, 2})

"""A kept-alive connection that the server drops as the next POST goes out is retried once."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import ServerUnavailableError
from custom_components.schoolbag.client.pronote.http_client import Http

OK = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"


def _dropping_server(drop: set[int]) -> object:
    """Answer requests in arrival order, closing the connection unanswered on the numbered ones."""
    seen = [0]

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ),
                    0,
                )
                if length:
                    await reader.readexactly(length)
                number = seen[0]
                seen[0] += 1
                if number in drop:
                    return
                writer.write(OK)
                await writer.drain()
        except asyncio.IncompleteReadError:
            return
        finally:
            writer.close()

    return handle


async def _post_twice(drop: set[int]) -> tuple[int, int]:
    server = await asyncio.start_server(_dropping_server(drop), "127.0.0.1", 0)  # type: ignore[arg-type]
    port = server.sockets[0].getsockname()[1]
    url = f"http://127.0.0.1:{port}/pronote/appelfonction/3/1/x"
    try:
        async with aiohttp.ClientSession() as session:
            http = Http(session, timeout=5)
            first = await http.post_json(url, {})
            second = await http.post_json(url, {})
            return first.status, second.status
    finally:
        server.close()
        await server.wait_closed()


async def test_post_on_a_dropped_kept_alive_connection_is_retried(socket_enabled: None) -> None:
    assert await _post_twice({1}) == (200, 200)


async def test_a_second_drop_is_reported(socket_enabled: None) -> None:
    with pytest.raises(ServerUnavailableError):
        await _post_twice({1, 2})

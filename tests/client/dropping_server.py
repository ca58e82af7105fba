"""A raw HTTP server that drops chosen kept-alive connections, as a busy server does."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

OK = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"


def _handler(drop: set[int]) -> object:
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


@asynccontextmanager
async def dropping_server(drop: set[int]) -> AsyncGenerator[str]:
    """Serve on 127.0.0.1 and give its origin; request number ``n`` in ``drop`` is dropped."""
    server = await asyncio.start_server(_handler(drop), "127.0.0.1", 0)  # type: ignore[arg-type]
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.close()
        await server.wait_closed()

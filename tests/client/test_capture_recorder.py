"""The shared sender's optional recorder, and redaction at record time."""

from __future__ import annotations

import aiohttp
from aiohttp import web

from custom_components.schoolbag.client.capture import CaptureRecorder, dumps, loads, recording
from custom_components.schoolbag.client.http import CookieStore, Sender
from custom_components.schoolbag.client.models import SchoolPlatform

from ..servers import ServeApp


async def test_sender_hands_exchanges_only_while_recording(serve_app: ServeApp) -> None:
    async def login(request: web.Request) -> web.Response:
        response = web.json_response(
            {"code": 200, "token": "tok-123456", "compte": {"prenom": "Léa", "nom": "MARTIN"}}
        )
        response.set_cookie("SESSION", "cookie-abcdef")
        return response

    app = web.Application()
    app.router.add_post("/login", login)
    origin = await serve_app(app)
    recorder = CaptureRecorder(SchoolPlatform.ECOLEDIRECTE, secrets=["hunter22"])
    async with aiohttp.ClientSession() as session:
        sender = Sender(session, server="Test", timeout=5, cookies=CookieStore())
        await sender.send("POST", f"{origin}/login", data={"password": "hunter22"})
        with recording(recorder):
            await sender.send("POST", f"{origin}/login", data={"password": "hunter22"})
        await sender.send("POST", f"{origin}/login", data={"password": "hunter22"})
    text = dumps(recorder.capture())
    assert len(loads(text)["exchanges"]) == 1
    for secret in ("hunter22", "tok-123456", "cookie-abcdef", "Léa", "MARTIN"):
        assert secret not in text
    body = loads(text)["exchanges"][0]["response"]["body"]
    assert '"code": 200' in body
    assert '"nom": "NAMEB"' in body

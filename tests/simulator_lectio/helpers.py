"""A tiny browser for wire-level simulator tests (no client code involved)."""

from __future__ import annotations

from html import unescape
import re

from aiohttp import web
from aiohttp.test_utils import TestClient

INPUT = re.compile(r'<input type="hidden" name="([^"]+)" id="[^"]*" value="([^"]*)"')
FOOTER = re.compile(r'name="masterfootervalue" value="([^"]*)"')


def hidden_fields(page: str) -> dict[str, str]:
    fields = {name: unescape(value) for name, value in INPUT.findall(page)}
    footer = FOOTER.search(page)
    if footer:
        fields["masterfootervalue"] = unescape(footer[1])
    return fields


class Browser:
    """GET/POST with the test client's cookie jar, redirects not followed."""

    def __init__(self, client: TestClient[web.Request, web.Application]) -> None:
        self.client = client
        # Cookies set by the last response (name -> value, "" when emptied).
        self.set_cookies: dict[str, str] = {}

    async def get(self, path: str) -> tuple[int, str, str]:
        async with self.client.get(path, allow_redirects=False) as resp:
            self.set_cookies = {name: morsel.value for name, morsel in resp.cookies.items()}
            return resp.status, resp.headers.get("Location", ""), await resp.text()

    async def post(self, path: str, form: dict[str, str]) -> tuple[int, str, str]:
        async with self.client.post(path, data=form, allow_redirects=False) as resp:
            self.set_cookies = {name: morsel.value for name, morsel in resp.cookies.items()}
            return resp.status, resp.headers.get("Location", ""), await resp.text()

    async def login(
        self, username: str = "demo", password: str = "demo", school: str = "680", **extra: str
    ) -> tuple[int, str, str]:
        _, _, page = await self.get(f"/lectio/{school}/login.aspx")
        form = hidden_fields(page)
        form.update(
            {
                "__EVENTTARGET": "m$Content$submitbtn2",
                "m$Content$username": username,
                "m$Content$password": password,
                **extra,
            }
        )
        return await self.post(f"/lectio/{school}/login.aspx", form)

    def cookie(self, name: str) -> str | None:
        for cookie in self.client.session.cookie_jar:
            if cookie.key == name:
                return cookie.value
        return None

"""Reading the simulated ENTs' pages as a script-less browser would (regexes, no client code)."""

from __future__ import annotations

import base64
from html import unescape
import re

from aiohttp import ClientResponse, web
from aiohttp.test_utils import TestClient

Client = TestClient[web.Request, web.Application]
_FORM = re.compile(r"<form\b(?P<attrs>[^>]*)>(?P<body>.*?)</form>", re.DOTALL)
_ATTR = re.compile(r'(?P<name>[\w-]+)="(?P<value>[^"]*)"')
_INPUT = re.compile(r"<input\b(?P<attrs>[^>]*)>")


def attributes(text: str) -> dict[str, str]:
    return {m["name"]: unescape(m["value"]) for m in _ATTR.finditer(text)}


def forms(html: str) -> list[tuple[dict[str, str], dict[str, str]]]:
    """Each form's attributes and its named inputs' values."""
    found = []
    for match in _FORM.finditer(html):
        inputs = {}
        for tag in _INPUT.finditer(match["body"]):
            attrs = attributes(tag["attrs"])
            if "name" in attrs:
                inputs[attrs["name"]] = attrs.get("value", "")
        found.append((attributes(match["attrs"]), inputs))
    return found


def relative(url: str) -> str:
    """``http://host:port/path?q`` -> ``/path?q`` (what the test client wants)."""
    return re.sub(r"^https?://[^/]+", "", url)


async def submit(client: Client, html: str, values: dict[str, str] | None = None) -> ClientResponse:
    """Post the first form of a page with its values (and ``values`` on top)."""
    attrs, inputs = forms(html)[0]
    inputs.update(values or {})
    return await client.post(relative(attrs["action"]), data=inputs)


def saml_xml(message: str) -> str:
    return base64.b64decode(message).decode()

"""The shared mechanics of the simulators' test-control surfaces (``/_sim/<platform>/...``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
import json
from typing import Any

from aiohttp import web

Params = dict[str, str]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class BadParameter(ValueError):
    """A control parameter is missing or invalid."""


def required_text(params: Params, name: str) -> str:
    """A parameter that must be present and non-empty."""
    value = params.get(name)
    if value is None or value == "":
        raise BadParameter(f"missing parameter {name!r}")
    return value


def integer(params: Params, name: str) -> int:
    """A required integer parameter."""
    try:
        return int(required_text(params, name))
    except ValueError as err:
        raise BadParameter(f"{name!r} must be an integer") from err


def boolean(params: Params, name: str, default: bool) -> bool:
    """An optional yes/no parameter."""
    value = params.get(name)
    if value is None or value == "":
        return default
    return value.lower() in {"1", "true", "yes", "on"}


async def read_params(request: web.Request) -> Params:
    """Query parameters, overridden by a JSON object body on POST."""
    params: Params = dict(request.query)
    if request.method == "POST" and request.can_read_body:
        try:
            body = json.loads(await request.text() or "{}")
        except ValueError:
            body = {}
        if isinstance(body, dict):
            params.update({str(k): str(v) for k, v in body.items()})
    return params


def control_handler(run: Callable[[Params, web.Request], dict[str, Any]]) -> Handler:
    """A JSON endpoint; a BadParameter becomes HTTP 400 with its message."""

    async def handle(request: web.Request) -> web.StreamResponse:
        try:
            result = run(await read_params(request), request)
        except BadParameter as err:
            return web.json_response({"error": str(err)}, status=400)
        return web.json_response(result)

    return handle


def mount_controls(
    app: web.Application,
    prefix: str,
    get_handlers: Mapping[str, Handler],
    post_handlers: Mapping[str, Handler],
) -> None:
    """Mount GET and POST control endpoints under ``prefix`` (``""`` is the prefix itself)."""
    for name, handler in get_handlers.items():
        app.router.add_get(f"{prefix}/{name}".rstrip("/"), handler)
    for name, handler in post_handlers.items():
        app.router.add_post(f"{prefix}/{name}", handler)

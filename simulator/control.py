"""The shared mechanics of the simulators' test-control surfaces (``/_sim/<platform>/...``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import date
import json
from typing import Any, Protocol

from aiohttp import web

Params = dict[str, str]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
type Action[Sim] = Callable[[Sim, Params, web.Request], dict[str, Any]]


class LatencyFaults(Protocol):
    """Faults with a delay added before every response."""

    latency: float


class ErrorQueueFaults(LatencyFaults, Protocol):
    """Faults with a queue of named one-shot errors."""

    next_errors: list[str]


class ControlledSimulator(Protocol):
    """What the shared actions need of a simulator: its faults and its recorded requests."""

    @property
    def faults(self) -> LatencyFaults: ...

    @property
    def requests(self) -> list[tuple[str, str]]: ...


class ResettableSimulator(Protocol):
    """A simulator that goes back to its initial state, its demo data relative to ``today``."""

    @property
    def today(self) -> date: ...

    def reset(self) -> None: ...


class ErrorQueueSimulator(ControlledSimulator, Protocol):
    """A simulator whose faults queue named one-shot errors."""

    @property
    def faults(self) -> ErrorQueueFaults: ...


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


def optional_integer(params: Params, name: str, default: int) -> int:
    """An integer parameter that may be left out (or empty)."""
    return integer(params, name) if params.get(name) else default


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


def control_handler(
    run: Callable[[Params, web.Request], dict[str, Any]],
    as_text: Callable[[dict[str, Any]], str] | None = None,
) -> Handler:
    """A JSON endpoint; a BadParameter becomes HTTP 400 with its message.

    With ``as_text``, ``format=text`` answers ``as_text(result)`` as plain text instead.
    """

    async def handle(request: web.Request) -> web.StreamResponse:
        params = await read_params(request)
        try:
            result = run(params, request)
        except BadParameter as err:
            return web.json_response({"error": str(err)}, status=400)
        if as_text is not None and params.get("format") == "text":
            return web.Response(text=as_text(result))
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


def mount_actions[Sim](
    app: web.Application,
    prefix: str,
    sim: Sim,
    get_actions: Mapping[str, Action[Sim]],
    post_actions: Mapping[str, Action[Sim]],
) -> None:
    """Mount the actions on ``sim`` as JSON control endpoints under ``prefix``."""

    def handler(action: Action[Sim]) -> Handler:
        return control_handler(lambda params, request: action(sim, params, request))

    mount_controls(
        app,
        prefix,
        {name: handler(action) for name, action in get_actions.items()},
        {name: handler(action) for name, action in post_actions.items()},
    )


def latency(sim: ControlledSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    """Delay every response by ``ms`` milliseconds (negative means none)."""
    sim.faults.latency = max(0, integer(params, "ms")) / 1000
    return {"latency": sim.faults.latency}


def reset(sim: ResettableSimulator, params: Params, request: web.Request) -> dict[str, Any]:
    """Back to the initial state."""
    sim.reset()
    return {"reset": True, "today": sim.today.isoformat()}


def requests_clear(
    sim: ControlledSimulator, params: Params, request: web.Request
) -> dict[str, Any]:
    """Forget the recorded requests."""
    sim.requests.clear()
    return {"count": 0}


def requests_list(fields: tuple[str, str]) -> Action[ControlledSimulator]:
    """The action listing the recorded requests, each pair named by ``fields``."""

    def answer(sim: ControlledSimulator, params: Params, request: web.Request) -> dict[str, Any]:
        return {
            "count": len(sim.requests),
            "requests": [dict(zip(fields, pair, strict=True)) for pair in sim.requests],
        }

    return answer


def next_error(check: Callable[[str], object]) -> Action[ErrorQueueSimulator]:
    """The action queueing ``count`` (default 1) times the error ``name`` that ``check`` accepts.

    ``check`` raises ``ValueError`` for an unknown error; that answers HTTP 400.
    """

    def answer(sim: ErrorQueueSimulator, params: Params, request: web.Request) -> dict[str, Any]:
        name = required_text(params, "name")
        try:
            check(name)
        except ValueError as err:
            raise BadParameter(str(err)) from err
        sim.faults.next_errors.extend([name] * optional_integer(params, "count", 1))
        return {"next_errors": list(sim.faults.next_errors)}

    return answer

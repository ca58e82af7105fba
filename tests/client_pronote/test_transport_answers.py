"""How a Pronote channel reads answers: error codes in any type, empty data, field names."""

from __future__ import annotations

from typing import Any

import aiohttp
from aiohttp import web
import pytest

from custom_components.schoolbag.client.errors import ProtocolChangedError, SessionExpiredError
from custom_components.schoolbag.client.pronote.bootstrap import Bootstrap
from custom_components.schoolbag.client.pronote.envelope import CURRENT
from custom_components.schoolbag.client.pronote.http_client import Http
from custom_components.schoolbag.client.pronote.transport import Channel
from simulator.pronote import PronoteSimulator

from ..servers import ServeApp
from .helpers import functions, make_client


async def _channel(serve_app: ServeApp, session: aiohttp.ClientSession, answer: Any) -> Channel:
    """A channel whose every call is answered with the JSON ``answer``."""

    async def call(request: web.Request) -> web.Response:
        return web.json_response(answer)

    app = web.Application()
    app.router.add_post("/pronote/appelfonction/{tail:.*}", call)
    origin = await serve_app(app)
    bootstrap = Bootstrap(
        session_id=1234567, space_number=3, encrypt=False, compress=False, scheme=CURRENT
    )
    return Channel(Http(session, timeout=5), f"{origin}/pronote", bootstrap)


@pytest.mark.parametrize("code", ["10", " 22 ", "13"])
async def test_session_code_written_as_text_ends_the_session(
    serve_app: ServeApp, http_session: aiohttp.ClientSession, code: str
) -> None:
    """``"G": "10"`` is the expired session it says; the channel is dead afterwards."""
    channel = await _channel(serve_app, http_session, {"Erreur": {"G": code, "Titre": ""}})
    with pytest.raises(SessionExpiredError):
        await channel.call("DernieresNotes", {}, tab=198)
    assert channel.dead


@pytest.mark.parametrize("code", [True, None, [10], "dix", 10.0])
async def test_error_code_that_is_no_integer_is_protocol_changed(
    serve_app: ServeApp, http_session: aiohttp.ClientSession, code: object
) -> None:
    """A code that is not an integer is never read as a known one (``true`` is not 1)."""
    channel = await _channel(serve_app, http_session, {"Erreur": {"G": code, "Titre": "?"}})
    with pytest.raises(ProtocolChangedError, match="unexpected Pronote error 0"):
        await channel.call("DernieresNotes", {}, tab=198)
    assert not channel.dead


async def test_answer_with_only_a_signature_has_empty_data(
    serve_app: ServeApp, http_session: aiohttp.ClientSession
) -> None:
    """A payload without ``data`` (acknowledgements) gives ``{}``, not an error."""
    channel = await _channel(serve_app, http_session, {"dataSec": {"Signature": {"onglet": 88}}})
    reply = await channel.call("SaisieDevoirFait", {"listeTAF": []}, tab=88)
    assert reply.data == {}
    assert reply.signature == {"onglet": 88}


async def test_legacy_page_keeps_legacy_names_whatever_the_version_says(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    """A page with legacy skip flags is spoken to in legacy names, even if its version is new."""
    sim.envelope_scheme = "legacy"
    sim.encrypt = False  # the page shows ``sCrA:true``: a legacy flag
    sim.version_override = "2026.2.5.7"
    client = make_client(http_session, root)
    account = await client.login()
    before = len(sim.requests)
    assert (await client.grades(account.students[0].id)).grades
    # The simulator names no function of a request in the wrong field names.
    assert "" not in functions(sim)
    assert len(sim.requests) > before

"""Tokens, Bearer auth and permissions (ScoDoc protocol §2, 3, 8.2)."""

from __future__ import annotations

import base64

from aiohttp import BasicAuth, web
from aiohttp.test_utils import TestClient

from simulator.scodoc import ScoDocSimulator

from .helpers import Api

Client = TestClient[web.Request, web.Application]


async def test_token_is_32_base64_characters_and_reused_while_valid(api: Api) -> None:
    first = await api.token()
    assert len(first) == 32
    assert len(base64.b64decode(first)) == 24
    assert await api.token() == first


async def test_token_is_renewed_in_its_last_minute(api: Api, sim: ScoDocSimulator) -> None:
    sim.tokens.ttl = 30  # always inside the last minute
    first = await api.token()
    second = await api.token()
    assert first != second
    assert (await api.get("/ScoDoc/api/departements", token=first)).status == 401
    assert (await api.get("/ScoDoc/api/departements", token=second)).status == 200


async def test_bad_basic_credentials_get_401_without_token(client: Client) -> None:
    resp = await client.post("/ScoDoc/api/tokens", auth=BasicAuth("demo", "wrong"))
    assert resp.status == 401
    assert await resp.json() == {"error": "Unauthorized"}


async def test_missing_or_unknown_token_gets_401_with_message(client: Client, api: Api) -> None:
    resp = await client.get("/ScoDoc/api/departements")
    assert resp.status == 401
    body = await resp.json()
    assert body["error"] == "Unauthorized"
    assert body["message"] == "Non autorise (logic)"
    assert (await api.get("/ScoDoc/api/departements", token="not-a-token")).status == 401


async def test_expired_token_gets_401(api: Api, sim: ScoDocSimulator) -> None:
    token = await api.token()
    assert sim.expire_tokens() == 1
    assert (await api.get("/ScoDoc/api/departements", token=token)).status == 401
    assert await api.token() != token


async def test_rotation_by_another_client_kills_the_old_token(
    api: Api, sim: ScoDocSimulator
) -> None:
    token = await api.token()
    sim.rotate_token("demo")
    assert (await api.get("/ScoDoc/api/departements", token=token)).status == 401


async def test_delete_token_answers_204_and_expires_it(client: Client, api: Api) -> None:
    token = await api.token()
    resp = await client.delete("/ScoDoc/api/tokens", headers={"Authorization": f"Bearer {token}"})
    assert resp.status == 204
    assert await resp.read() == b""
    assert (await api.get("/ScoDoc/api/departements", token=token)).status == 401


async def test_department_role_gets_403_on_global_root_and_200_on_its_department(
    api: Api,
) -> None:
    global_root = await api.get("/ScoDoc/api/etudiant/nip/31024587", user="infoonly")
    assert global_root.status == 403
    assert global_root.body["error"] == "Forbidden"
    info = await api.get("/ScoDoc/INFO/api/etudiant/nip/31024587", user="infoonly")
    assert info.status == 200
    assert info.body["dept_acronym"] == "INFO"
    other = await api.get("/ScoDoc/RT/api/departements", user="infoonly")
    assert other.status == 403


async def test_account_without_permission_gets_403_everywhere(api: Api) -> None:
    for path in ("/ScoDoc/api/departements", "/ScoDoc/INFO/api/departements"):
        answer = await api.get(path, user="noperm")
        assert answer.status == 403
        assert "ScoView" in answer.body["message"]


async def test_unknown_department_route_and_code_type(api: Api) -> None:
    unknown_dept = await api.get("/ScoDoc/NOPE/api/departements")
    assert (unknown_dept.status, unknown_dept.body["error"]) == (404, "Not Found")
    assert (await api.get("/ScoDoc/api/no/such/route")).status == 404
    bad_code = await api.get("/ScoDoc/api/etudiant/passport/123")
    assert (bad_code.status, bad_code.body["error"]) == (400, "Bad Request")


async def test_write_methods_on_read_routes_are_refused(client: Client, api: Api) -> None:
    token = await api.token()
    resp = await client.post(
        "/ScoDoc/api/departements", headers={"Authorization": f"Bearer {token}"}
    )
    assert resp.status == 405

"""Login, token renewal, permissions and error mapping against the simulator."""

from __future__ import annotations

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import (
    InvalidCredentialsError,
    NotFoundError,
    NotSupportedError,
    PermissionDeniedError,
    ProtocolChangedError,
    ServerUnavailableError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.models import AccountKind, Capability, SchoolPlatform
from custom_components.schoolbag.client.protocol import Credentials
from custom_components.schoolbag.client.scodoc import ScoDocClient
from simulator.scodoc import ScoDocSimulator

from .conftest import ALICE, HUGO, MakeClient


async def test_login_resolves_followed_students(make_client: MakeClient) -> None:
    client = make_client()
    assert client.account is None
    account = await client.login()
    assert (account.kind, account.display_name, account.school_name) == (
        AccountKind.STAFF,
        "demo",
        "Informatique",
    )
    alice, hugo = account.students
    assert (alice.id, alice.full_name, alice.class_name, alice.school_name) == (
        ALICE,
        "Alice Verneuil",
        "BUT Informatique semestre 3",
        "Informatique",
    )
    # Stored as "31029911.0" by ScoDoc, still followed under the NIP the user typed.
    assert (hugo.id, hugo.full_name) == (HUGO, "Hugo Lambert")
    assert client.account is account
    assert client.platform is SchoolPlatform.SCODOC
    assert client.capabilities == {
        Capability.GRADES,
        Capability.SCHOOL_LIFE,
        Capability.EVALUATIONS,
    }
    assert client.trust == {}


async def test_second_login_sends_no_request(make_client: MakeClient) -> None:
    client = make_client()
    account = await client.login()
    sent = client.request_count
    assert await client.login() is account
    assert client.request_count == sent


async def test_wrong_password_is_invalid_credentials(make_client: MakeClient) -> None:
    with pytest.raises(InvalidCredentialsError):
        await make_client(password="nope").login()


async def test_expired_token_is_renewed_once_without_user_action(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = make_client()
    await client.login()
    issued = sim.tokens.issued
    sim.expire_tokens()
    book = await client.grades(ALICE)
    assert book.averages
    assert sim.tokens.issued == issued + 1


async def test_token_rotated_by_another_client_is_renewed(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = make_client()
    await client.login()
    sim.rotate_token("demo")
    assert (await client.school_life(ALICE)).absences


async def test_a_token_refused_twice_is_session_expired(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = make_client()
    await client.login()
    sim.faults.next_errors.extend(["unauthorized", "unauthorized"])
    with pytest.raises(SessionExpiredError):
        await client.grades(ALICE)


async def test_account_without_permission_gets_an_explained_error(make_client: MakeClient) -> None:
    with pytest.raises(PermissionDeniedError) as caught:
        await make_client(username="noperm").login()
    assert isinstance(caught.value, NotSupportedError)
    message = str(caught.value)
    assert "ScoView" in message
    assert "administrator" in message
    assert "demo" not in message.replace("noperm", "")  # no password leaks


async def test_department_role_works_on_the_department_root(make_client: MakeClient) -> None:
    client = make_client(username="infoonly")
    account = await client.login()
    assert [s.id for s in account.students] == [ALICE, HUGO]
    # The global root refuses this account: the department root answers instead.
    assert [d.acronym for d in await client.departments()] == ["INFO", "RT"]
    with pytest.raises(PermissionDeniedError, match="all departments"):
        await make_client(username="infoonly", department=None).departments()


async def test_unknown_nip_and_department(make_client: MakeClient) -> None:
    with pytest.raises(NotFoundError, match="NIP 99999999 in department INFO"):
        await make_client(student_ids=["99999999"]).login()
    with pytest.raises(NotFoundError, match="NOPE"):
        await make_client(department="NOPE").login()


async def test_wrong_address_is_not_found(make_client: MakeClient, base_url: str) -> None:
    with pytest.raises(NotFoundError, match="ScoDoc 9 API"):
        await make_client(url=base_url.replace("/ScoDoc", "/Other/ScoDoc")).login()


async def test_base_url_without_scodoc_segment(make_client: MakeClient, base_url: str) -> None:
    account = await make_client(url=base_url.removesuffix("/ScoDoc") + "/").login()
    assert len(account.students) == 2


async def test_server_errors_and_html_answers(
    make_client: MakeClient, sim: ScoDocSimulator
) -> None:
    client = make_client()
    await client.login()
    sim.faults.next_errors.append("http_500")
    with pytest.raises(ServerUnavailableError, match="HTTP 500"):
        await client.grades(ALICE)
    sim.faults.next_errors.append("bad_json")
    # An HTML page with status 200 is a maintenance notice: worth a retry.
    with pytest.raises(ServerUnavailableError, match="HTML page"):
        await client.grades(ALICE)
    sim.faults.next_errors.append("wrong_shape:bulletin")
    with pytest.raises(ProtocolChangedError):
        await client.grades(ALICE)
    assert (await client.grades(ALICE)).grades


async def test_unreachable_server(
    socket_enabled: None, http_session: aiohttp.ClientSession
) -> None:
    client = ScoDocClient(
        http_session, Credentials("demo", "demo"), base_url="http://127.0.0.1:9", department="INFO"
    )
    with pytest.raises(ServerUnavailableError, match="cannot reach"):
        await client.login()


async def test_repr_and_errors_keep_the_password_out(make_client: MakeClient) -> None:
    client = make_client(password="s3cret-pass")
    assert "s3cret" not in repr(client)
    with pytest.raises(InvalidCredentialsError) as caught:
        await client.login()
    assert "s3cret" not in str(caught.value)

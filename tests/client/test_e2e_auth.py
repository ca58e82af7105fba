"""Authentication and error handling against the simulated EcoleDirecte server."""

from __future__ import annotations

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    ProtocolChangedError,
    RateLimitedError,
    SchoolError,
    ServerUnavailableError,
)
from custom_components.schoolbag.client.models import AccountKind, ChallengeKind
from simulator.ecoledirecte import EcoleDirecteSimulator

from .helpers import PASSWORDS, logged_in, make_client, paths, right_option


def _assert_no_secret(err: BaseException, *secrets: str | None) -> None:
    text = f"{err!s} {err!r}"
    for secret in secrets:
        if secret:
            assert secret not in text


async def test_login_with_special_characters_in_password(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = make_client(http_session, sim_url, "simple.eleve")
    account = await client.login()
    assert account.kind is AccountKind.STUDENT
    assert account.id == "2400"
    assert [student.id for student in account.students] == ["2400"]
    assert client.account == account
    assert set(client.trust) == {"uuid"}  # no QCM: only the device identity
    assert sim.requests == [("/v3/login.awp", ""), ("/v3/login.awp", "")]
    assert client.request_count == 2


async def test_wrong_password(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = make_client(http_session, sim_url, "simple.eleve", password="motdepasse+&")
    with pytest.raises(InvalidCredentialsError) as err:
        await client.login()
    _assert_no_secret(err.value, "motdepasse+&", "motdepasse%2B%26")
    before = len(sim.requests)
    with pytest.raises(InvalidCredentialsError):
        await client.login()
    assert len(sim.requests) == before  # never hammer the server with a refused password


async def test_qcm_flow(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = make_client(http_session, sim_url, "demo.eleve")
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    challenge = err.value.challenge
    assert challenge.kind is ChallengeKind.CHOICE
    assert challenge.question.endswith("?")
    assert "2011" in [option.label for option in challenge.options]
    assert client.account is None
    account = await client.answer_challenge(right_option(challenge, sim, "demo.eleve"))
    assert account.id == "2345"
    assert set(client.trust) == {"cn", "cv", "uuid"}
    assert paths(sim) == [
        "login.awp",
        "login.awp",
        "connexion/doubleauth.awp",
        "connexion/doubleauth.awp",
        "login.awp",
        "login.awp",
    ]
    assert [verbe for _, verbe in sim.requests[2:4]] == ["get", "post"]


async def test_parent_qcm_and_children(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "demo.parent")
    account = client.account
    assert account is not None
    assert account.kind is AccountKind.PARENT
    assert [student.id for student in account.students] == ["3456", "3457"]
    assert all(student.first_name and student.class_name for student in account.students)


async def test_wrong_qcm_answer(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = make_client(http_session, sim_url, "demo.eleve")
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    wrong = next(option for option in err.value.challenge.options if option.label != "2011")
    with pytest.raises(ChallengeFailedError) as failed:
        await client.answer_challenge(wrong.value)
    _assert_no_secret(failed.value, wrong.value, wrong.label, "demo")
    assert set(client.trust) == {"uuid"}
    # A new login asks a new question, which can be answered.
    with pytest.raises(DoubleAuthRequiredError) as again:
        await client.login()
    await client.answer_challenge(right_option(again.value.challenge, sim, "demo.eleve"))
    assert client.account is not None


async def test_trust_reuse_skips_qcm(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    first = await logged_in(http_session, sim_url, sim, "demo.eleve")
    trust = first.trust
    before = len(sim.requests)
    second = make_client(http_session, sim_url, "demo.eleve", trust=trust)
    account = await second.login()
    assert account.id == "2345"
    assert paths(sim, before) == ["login.awp", "login.awp"]
    assert second.trust == trust


async def test_revoked_trust_asks_again(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    first = await logged_in(http_session, sim_url, sim, "demo.eleve")
    sim.revoke_trust("demo.eleve")
    client = make_client(http_session, sim_url, "demo.eleve", trust=first.trust)
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    assert client.trust == {"uuid": first.trust["uuid"]}  # the device stays, the proof goes
    await client.answer_challenge(right_option(err.value.challenge, sim, "demo.eleve"))
    assert client.trust["cn"]
    assert client.trust != first.trust


@pytest.mark.parametrize("username", ["demo.eleve", "demo.parent"])
async def test_strict_2fa_token_mode(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str, username: str
) -> None:
    sim.faults.strict_2fa_token = True
    client = await logged_in(http_session, sim_url, sim, username)
    assert client.account is not None
    student = client.account.students[0]
    assert (await client.grades(student.id)).grades
    # The confirmed proof also works for a brand new client.
    again = make_client(http_session, sim_url, username, trust=client.trust)
    assert (await again.login()).id == client.account.id


async def test_session_reuse(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "demo.eleve")
    before = len(sim.requests)
    count = client.request_count
    account = await client.login()
    assert account == client.account
    assert len(sim.requests) == before
    assert client.request_count == count


async def test_transparent_relogin_without_qcm(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "demo.eleve")
    await client.school_life("2345")
    sim.expire_tokens()
    before = len(sim.requests)
    life = await client.school_life("2345")
    assert life.absences
    assert paths(sim, before) == [
        "eleves/2345/viescolaire.awp",
        "login.awp",
        "login.awp",
        "eleves/2345/viescolaire.awp",
    ]


async def test_forced_520_relogs_in_once(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "simple.eleve")
    sim.faults.next_codes = [520]
    assert (await client.grades("2400")).grades
    assert client.account is not None


async def test_background_relogin_needing_qcm(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "demo.eleve")
    sim.expire_tokens()
    sim.revoke_trust("demo.eleve")
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.grades("2345")
    await client.answer_challenge(right_option(err.value.challenge, sim, "demo.eleve"))
    assert (await client.grades("2345")).grades


async def test_version_refused(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = make_client(http_session, sim_url, "simple.eleve", api_version="3.9.0")
    with pytest.raises(ProtocolChangedError) as err:
        await client.login()
    assert "517" in str(err.value)


async def test_forced_517_on_data_call(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "simple.eleve")
    sim.faults.next_codes = [517]
    with pytest.raises(ProtocolChangedError):
        await client.timetable("2400", sim.today, sim.today)


@pytest.mark.parametrize("code", [522, 40129, 225])
async def test_format_codes(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str, code: int
) -> None:
    client = await logged_in(http_session, sim_url, sim, "simple.eleve")
    sim.faults.next_codes = [code]
    with pytest.raises(ProtocolChangedError):
        await client.school_life("2400")


async def test_maintenance_535_then_recovery(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "simple.eleve")
    token = client._transport.token
    sim.faults.next_codes = [535]
    with pytest.raises(ServerUnavailableError) as err:
        await client.grades("2400")
    _assert_no_secret(err.value, token, PASSWORDS["simple.eleve"])
    assert (await client.grades("2400")).grades


async def test_535_on_login_is_not_bad_credentials(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    sim.faults.next_codes = [535]
    client = make_client(http_session, sim_url, "simple.eleve")
    with pytest.raises(ServerUnavailableError):
        await client.login()
    assert (await client.login()).id == "2400"


@pytest.mark.parametrize("status", [500, 502, 503])
async def test_http_server_errors(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str, status: int
) -> None:
    client = await logged_in(http_session, sim_url, sim, "simple.eleve")
    sim.faults.next_http_status = [status]
    with pytest.raises(ServerUnavailableError) as err:
        await client.grades("2400")
    assert str(status) in str(err.value)


async def test_ip_flagged(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    sim.faults.ip_flagged = True
    client = make_client(http_session, sim_url, "simple.eleve")
    with pytest.raises(RateLimitedError) as err:
        await client.login()
    assert err.value.retry_after == 3600
    assert "blocked this IP" in str(err.value)
    _assert_no_secret(err.value, PASSWORDS["simple.eleve"])


async def test_malformed_json(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "simple.eleve")
    token = client._transport.token
    sim.faults.malformed_next = 1
    # A cut answer is worth a retry: ServerUnavailableError, not a changed protocol.
    with pytest.raises(ServerUnavailableError) as err:
        await client.grades("2400")
    _assert_no_secret(err.value, token)
    assert (await client.grades("2400")).grades


async def test_malformed_login_answer(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    sim.faults.malformed_next = 1
    client = make_client(http_session, sim_url, "simple.eleve")
    with pytest.raises(ServerUnavailableError):
        await client.login()


async def test_timeout(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    sim.faults.latency = 1.0
    client = make_client(http_session, sim_url, "simple.eleve", timeout=0.1)
    with pytest.raises(ServerUnavailableError):
        await client.login()


async def test_errors_never_leak_secrets(
    http_session: aiohttp.ClientSession, sim: EcoleDirecteSimulator, sim_url: str
) -> None:
    client = await logged_in(http_session, sim_url, sim, "demo.eleve")
    secrets = [client._transport.token, *client.trust.values(), "demo", "2011", "MjAxMQ=="]
    for fault in ([535], [517], [522], [520, 520], [525, 525]):
        sim.faults.next_codes = list(fault)
        with pytest.raises(SchoolError) as err:
            await client.grades("2345")
        _assert_no_secret(err.value, *secrets)
    sim.faults.next_codes.clear()
    assert "demo" not in repr(client)

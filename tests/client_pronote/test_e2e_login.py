"""Logins against the simulated Pronote server: every mode, variant and envelope scheme."""

from __future__ import annotations

import json
import logging

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    NotSupportedError,
)
from custom_components.schoolbag.client.models import AccountKind, ChallengeKind, SchoolPlatform
from custom_components.schoolbag.client.pronote import (
    AccountActionRequiredError,
    PronoteClient,
    PronoteUrl,
    auth as auth_module,
)
from custom_components.schoolbag.client.pronote.challenge import ChallengeAnswer, solve_challenge
from custom_components.schoolbag.client.pronote.crypto import AesKey
from custom_components.schoolbag.client.protocol import Credentials, SchoolClient
from simulator.pronote import PronoteSimulator

from .helpers import PASSWORD, USERNAME, assert_no_secret, functions, make_client

LOGIN_SEQUENCE = [
    "page",
    "FonctionParametres",
    "Identification",
    "Authentification",
    "ParametresUtilisateur",
]


async def test_satisfies_protocol(http_session: aiohttp.ClientSession) -> None:
    client: SchoolClient = PronoteClient(
        http_session, Credentials("u", "p"), url="https://x.index-education.net/pronote/eleve.html"
    )
    assert client.platform is SchoolPlatform.PRONOTE
    assert client.account is None
    assert client.trust == {}
    assert client.capabilities


async def test_password_login_student(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root)
    account = await client.login()
    assert account.kind is AccountKind.STUDENT
    assert account.display_name == "MARTIN Léa"
    (student,) = account.students
    assert (student.first_name, student.last_name, student.class_name) == ("Léa", "MARTIN", "4A")
    assert student.school_name == "COLLÈGE MARIE CURIE"
    assert client.account == account
    assert functions(sim) == LOGIN_SEQUENCE
    assert {path for path, _ in sim.requests} == {"/pronote/eleve.html"}
    assert client.request_count == 5
    assert client.url == PronoteUrl(root, "eleve")
    assert set(client.trust) == {"nav"}
    # The session is reused: no request at all.
    assert await client.login() == account
    assert client.request_count == 5
    assert PASSWORD not in repr(client)


async def test_password_login_parent(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root, "parent")
    account = await client.login()
    assert account.kind is AccountKind.PARENT
    assert account.display_name == "M. MARTIN Julien"
    assert [s.first_name for s in account.students] == ["Léa", "Hugo"]
    assert [s.class_name for s in account.students] == ["4A", "6B"]
    assert {path for path, _ in sim.requests} == {"/pronote/parent.html"}


@pytest.mark.parametrize("scheme", ["2025", "legacy"])
@pytest.mark.parametrize("variant", ["alea", "no_alea"])
@pytest.mark.parametrize("layout", ["script", "onload"])
async def test_envelopes_and_challenges(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    scheme: str,
    variant: str,
    layout: str,
) -> None:
    sim.envelope_scheme, sim.challenge_variant, sim.page_layout = scheme, variant, layout
    sim.strict_challenge = True
    client = make_client(http_session, root)
    account = await client.login()
    book = await client.grades(account.students[0].id)
    assert book.grades


@pytest.mark.parametrize(("encrypt", "compress"), [(False, False), (True, False), (False, True)])
@pytest.mark.parametrize("scheme", ["2025", "legacy"])
async def test_encryption_and_compression_flags(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    scheme: str,
    encrypt: bool,
    compress: bool,
) -> None:
    sim.envelope_scheme, sim.encrypt, sim.compress = scheme, encrypt, compress
    client = make_client(http_session, root)
    account = await client.login()
    assert await client.mailbox(account.students[0].id)


async def test_names_probed_when_the_page_shows_neither_flags_nor_version(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    # A current server with encryption and compression off and no readable version.
    sim.encrypt = sim.compress = False
    sim.version_override = "X"
    client = make_client(http_session, root)
    await client.login()
    # The legacy field names are refused (the simulator cannot even name the function).
    assert functions(sim) == ["page", "", *LOGIN_SEQUENCE]


async def test_old_payload_names_from_the_version(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.envelope_scheme = "legacy"
    sim.version_override = "2024.2.1.1"
    client = make_client(http_session, root)
    account = await client.login()
    assert await client.homework(account.students[0].id, sim.today, sim.today) is not None


@pytest.mark.parametrize("variant", ["alea", "no_alea"])
async def test_wrong_password(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, variant: str
) -> None:
    sim.challenge_variant = variant
    client = make_client(http_session, root, password="pronotevs2")
    with pytest.raises(InvalidCredentialsError) as err:
        await client.login()
    assert_no_secret(err.value, "pronotevs2")
    before = len(sim.requests)
    with pytest.raises(InvalidCredentialsError):
        await client.login()
    assert len(sim.requests) == before  # a refused password is never sent again
    assert client.account is None


async def test_unknown_user(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root, username="nobody")
    with pytest.raises(InvalidCredentialsError, match="username or password"):
        await client.login()


async def test_qr_code_login(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    qr, pin = sim.qr_login("eleve")
    saved: list[dict[str, str]] = []
    client = PronoteClient(
        http_session,
        Credentials(json.dumps(qr), pin),
        url="",
        login_mode="qr",
        on_trust_change=saved.append,
    )
    account = await client.login()
    assert account.display_name == "MARTIN Léa"
    trust = client.trust
    assert set(trust) == {"nav", "uuid", "login", "token"}
    assert trust["login"] == USERNAME
    assert trust["token"] == sim.mobile_token(USERNAME, "eleve")
    assert saved[-1] == trust
    # The QR login is followed by a token login (the account has a security mode).
    assert functions(sim) == [*LOGIN_SEQUENCE, "PageInfosPerso", *LOGIN_SEQUENCE]
    assert {path for path, _ in sim.requests} == {"/pronote/mobile.eleve.html"}
    # Later logins use the token, which rotates each time.
    again = PronoteClient(
        http_session, Credentials("", "", trust), url=qr["url"], login_mode="token"
    )
    await again.login()
    assert again.trust["token"] != trust["token"]
    assert again.trust["token"] == sim.mobile_token(USERNAME, "eleve")
    assert again.trust["uuid"] == trust["uuid"]
    # The rotated-away token is dead.
    stale = PronoteClient(
        http_session, Credentials("", "", trust), url=qr["url"], login_mode="token"
    )
    with pytest.raises(InvalidCredentialsError, match="token") as err:
        await stale.login()
    assert_no_secret(err.value, trust["token"])


async def test_qr_code_argument_and_mode_qr_with_stored_token(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    qr, pin = sim.qr_login("parent")
    client = PronoteClient(
        http_session, Credentials("", pin), url=qr["url"], login_mode="qr", qr_code=qr
    )
    assert (await client.login()).kind is AccountKind.PARENT
    start = len(sim.requests)
    # Same entry later: "qr" mode with a stored token logs in by token (the QR is spent).
    later = PronoteClient(
        http_session, Credentials("", pin, client.trust), url=qr["url"], login_mode="qr", qr_code=qr
    )
    await later.login()
    assert functions(sim, start) == LOGIN_SEQUENCE


async def test_qr_code_wrong_pin_and_spent_code(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    qr, pin = sim.qr_login("eleve")
    wrong = "0000" if pin != "0000" else "1111"
    client = PronoteClient(
        http_session, Credentials("", wrong), url=qr["url"], login_mode="qr", qr_code=qr
    )
    with pytest.raises(InvalidCredentialsError, match="PIN") as err:
        await client.login()
    assert_no_secret(err.value, wrong, pin, qr["jeton"])
    assert sim.requests == []
    first = PronoteClient(
        http_session, Credentials("", pin), url=qr["url"], login_mode="qr", qr_code=qr
    )
    await first.login()
    spent = PronoteClient(
        http_session, Credentials("", pin), url=qr["url"], login_mode="qr", qr_code=qr
    )
    with pytest.raises(InvalidCredentialsError, match="QR code"):
        await spent.login()


async def test_bad_qr_content(http_session: aiohttp.ClientSession, root: str) -> None:
    url = f"{root}/eleve.html"
    for content in ("not json", json.dumps({"url": url}), json.dumps([1])):
        client = PronoteClient(http_session, Credentials(content, "1234"), url=url, login_mode="qr")
        with pytest.raises(InvalidCredentialsError):
            await client.login()
    with pytest.raises(ValueError):  # noqa: PT011
        PronoteClient(http_session, Credentials("{}", "1234"), url="", login_mode="qr")


async def test_token_mode_without_token(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    client = make_client(http_session, root, login_mode="token")
    with pytest.raises(InvalidCredentialsError, match="QR code"):
        await client.login()
    assert sim.requests == []


async def test_pin_double_authentication_registers_the_device(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.set_2fa_required(USERNAME, True)
    client = make_client(http_session, root)
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    assert err.value.challenge.kind is ChallengeKind.PIN
    assert err.value.challenge.question
    assert client.account is None
    with pytest.raises(ChallengeFailedError) as wrong:
        await client.answer_challenge("0000")
    assert_no_secret(wrong.value, "0000", sim.pin(USERNAME))
    assert sim.registered_devices(USERNAME) == []
    account = await client.answer_challenge(sim.pin(USERNAME))
    assert account.display_name == "MARTIN Léa"
    assert sim.registered_devices(USERNAME) == ["Home Assistant"]
    # The next login with the stored trust is not challenged.
    start = len(sim.requests)
    later = make_client(http_session, root, trust=client.trust)
    await later.login()
    assert functions(sim, start) == LOGIN_SEQUENCE


async def test_device_name_is_configurable_and_truncated(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.set_2fa_required(USERNAME, True)
    client = make_client(http_session, root, device_name="Maison " + "x" * 40)
    with pytest.raises(DoubleAuthRequiredError):
        await client.login()
    await client.answer_challenge(sim.pin(USERNAME))
    (name,) = sim.registered_devices(USERNAME)
    assert name == ("Maison " + "x" * 40)[:30]


async def test_answer_without_question(http_session: aiohttp.ClientSession, root: str) -> None:
    client = make_client(http_session, root)
    with pytest.raises(ChallengeFailedError):
        await client.answer_challenge("1234")


async def test_answer_after_the_session_expired(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.set_2fa_required(USERNAME, True)
    client = make_client(http_session, root)
    with pytest.raises(DoubleAuthRequiredError):
        await client.login()
    sim.expire_sessions()
    account = await client.answer_challenge(sim.pin(USERNAME))
    assert account.kind is AccountKind.STUDENT
    assert sim.registered_devices(USERNAME) == ["Home Assistant"]


async def test_notification_mode_registers_without_question(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.set_2fa_mode(USERNAME, "notification")
    client = make_client(http_session, root)
    await client.login()
    assert sim.registered_devices(USERNAME) == ["Home Assistant"]
    assert "SecurisationCompteDoubleAuth" in functions(sim)


async def test_custom_password_required(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.set_password_change_required(USERNAME, True)
    client = make_client(http_session, root)
    with pytest.raises(AccountActionRequiredError) as err:
        await client.login()
    assert isinstance(err.value, InvalidCredentialsError)


async def test_qr_code_then_pin_on_the_token_login(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.set_2fa_required(USERNAME, True)
    qr, pin = sim.qr_login("parent")
    saved: list[dict[str, str]] = []
    client = PronoteClient(
        http_session,
        Credentials("", pin),
        url=qr["url"],
        login_mode="qr",
        qr_code=qr,
        on_trust_change=saved.append,
    )
    with pytest.raises(DoubleAuthRequiredError):
        await client.login()
    # The token issued by the challenged login is stored at once.
    assert saved[-1]["token"] == sim.mobile_token(USERNAME, "parent")
    account = await client.answer_challenge(sim.pin(USERNAME))
    assert account.kind is AccountKind.PARENT
    assert sim.registered_devices(USERNAME) == ["Home Assistant"]
    assert client.trust["token"] == sim.mobile_token(USERNAME, "parent")
    start = len(sim.requests)
    later = PronoteClient(
        http_session, Credentials("", "", client.trust), url=qr["url"], login_mode="token"
    )
    await later.login()
    assert functions(sim, start) == LOGIN_SEQUENCE


async def test_cas_login(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.cas_enabled = True
    client = make_client(http_session, root, login_mode="cas")
    account = await client.login()
    assert account.display_name == "MARTIN Léa"
    paths = [path for path, _ in sim.requests]
    assert paths[:3] == ["/pronote/eleve.html", "/pronote/cas/login", "/pronote/cas/login"]
    assert functions(sim)[-4:] == LOGIN_SEQUENCE[1:]


async def test_cas_wrong_password(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.cas_enabled = True
    client = make_client(http_session, root, login_mode="cas", password="wrong-one")
    with pytest.raises(InvalidCredentialsError, match="ENT") as err:
        await client.login()
    assert_no_secret(err.value, "wrong-one")


async def test_cas_mode_on_a_space_without_ent(
    http_session: aiohttp.ClientSession, root: str
) -> None:
    client = make_client(http_session, root, login_mode="cas")
    with pytest.raises(NotSupportedError, match="password login"):
        await client.login()


async def test_unknown_login_mode(http_session: aiohttp.ClientSession, root: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011
        make_client(http_session, root, login_mode="magic")


async def test_lucky_legacy_decryption_is_retried_as_direct(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A direct challenge that happens to decrypt like a legacy one (Pronote protocol §3.3)."""
    sim.strict_challenge = True

    def unlucky(challenge: str, key: AesKey, *, direct_only: bool = False) -> ChallengeAnswer:
        if direct_only:
            return solve_challenge(challenge, key, direct_only=True)
        return ChallengeAnswer(key.encrypt_hex(challenge[::2]), legacy=True)

    monkeypatch.setattr(auth_module, "solve_challenge", unlucky)
    await make_client(http_session, root).login()
    assert functions(sim) == [*LOGIN_SEQUENCE[:4], *LOGIN_SEQUENCE]


async def test_no_secret_in_logs_or_reprs(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    sim.set_2fa_required(USERNAME, True)
    qr, pin = sim.qr_login("eleve")
    client = PronoteClient(
        http_session, Credentials("", pin), url=qr["url"], login_mode="qr", qr_code=qr
    )
    with pytest.raises(DoubleAuthRequiredError) as err:
        await client.login()
    account = await client.answer_challenge(sim.pin(USERNAME))
    sim.expire_sessions()
    await client.grades(account.students[0].id)
    sim.set_2fa_required(USERNAME, False)
    password_client = make_client(http_session, root)
    await password_client.login()
    ours = [r for r in caplog.records if r.name.startswith("custom_components.schoolbag")]
    assert ours
    shown = "\n".join(record.getMessage() for record in ours)
    shown += repr(client) + repr(password_client) + repr(err.value) + str(err.value)
    shown += repr(client._auth) + repr(client._session) + repr(client._trust)
    secrets = [PASSWORD, pin, sim.pin(USERNAME), qr["jeton"], *client.trust.values()]
    for secret in secrets:
        assert secret not in shown


async def test_new_qr_code_with_a_dead_stored_token(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    qr, pin = sim.qr_login("eleve")
    first = PronoteClient(
        http_session, Credentials("", pin), url=qr["url"], login_mode="qr", qr_code=qr
    )
    await first.login()
    old_trust = first.trust
    sim.revoke_tokens(USERNAME)
    # Reauth: a new QR code, the old trust (dead token, same device uuid).
    new_qr, new_pin = sim.qr_login("eleve")
    client = PronoteClient(
        http_session,
        Credentials(json.dumps(new_qr), new_pin, old_trust),
        url=new_qr["url"],
        login_mode="qr",
    )
    assert (await client.login()).display_name == "MARTIN Léa"
    assert client.trust["token"] == sim.mobile_token(USERNAME, "eleve")
    assert client.trust["uuid"] == old_trust["uuid"]
    # Token mode has no QR code to fall back on.
    sim.revoke_tokens(USERNAME)
    stale = PronoteClient(
        http_session, Credentials("", "", client.trust), url=new_qr["url"], login_mode="token"
    )
    with pytest.raises(InvalidCredentialsError, match="token"):
        await stale.login()
    # A spent QR code does not help either.
    spent = PronoteClient(
        http_session,
        Credentials(json.dumps(new_qr), new_pin, client.trust),
        url=new_qr["url"],
        login_mode="qr",
    )
    with pytest.raises(InvalidCredentialsError, match="QR code"):
        await spent.login()

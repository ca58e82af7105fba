"""Small pieces: transport details, error codes, trust, values, 2FA actions."""

from __future__ import annotations

import base64
from typing import Any

import aiohttp
from cryptography.hazmat.primitives.asymmetric import padding, rsa
import pytest

from custom_components.schoolbag.client.errors import (
    InvalidCredentialsError,
    NotSupportedError,
    ProtocolChangedError,
    RateLimitedError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.pronote import AccountActionRequiredError, auth, double_auth
from custom_components.schoolbag.client.pronote.bootstrap import Bootstrap
from custom_components.schoolbag.client.pronote.dates import hour, local_datetime
from custom_components.schoolbag.client.pronote.envelope import CURRENT
from custom_components.schoolbag.client.pronote.http_client import Http
from custom_components.schoolbag.client.pronote.stable_ids import IdMaker, slug
from custom_components.schoolbag.client.pronote.transport import Channel, error_for_code
from custom_components.schoolbag.client.pronote.trust import TrustStore
from custom_components.schoolbag.client.pronote.typed_values import (
    domain,
    flag,
    integer,
    number,
    parse_domain,
    text,
)
from custom_components.schoolbag.client.pronote.url import PronoteUrl
from custom_components.schoolbag.client.protocol import Credentials


def _bootstrap(**changes: Any) -> Bootstrap:
    values: dict[str, Any] = {
        "session_id": 1234567,
        "space_number": 3,
        "encrypt": True,
        "compress": True,
        "scheme": CURRENT,
    }
    values.update(changes)
    return Bootstrap(**values)


async def test_iv_seed_sent_in_clear_or_rsa_encrypted(
    http_session: aiohttp.ClientSession,
) -> None:
    http = Http(http_session, timeout=1)
    plain = Channel(http, "https://x/pronote", _bootstrap())
    assert len(base64.b64decode(plain._uuid())) == 16
    sealed = Channel(http, "https://x/pronote", _bootstrap(http=True))
    assert len(base64.b64decode(sealed._uuid())) == 128
    private = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    numbers = private.public_key().public_numbers()
    old = Channel(http, "https://x/pronote", _bootstrap(rsa_modulus=numbers.n, rsa_exponent=3))
    old.bootstrap = _bootstrap(rsa_modulus=numbers.n, rsa_exponent=numbers.e)
    decrypted = private.decrypt(base64.b64decode(old._uuid()), padding.PKCS1v15())
    assert decrypted == old._iv_seed
    assert "1234567" not in repr(old)


async def test_dead_channel_refuses_calls(http_session: aiohttp.ClientSession) -> None:
    channel = Channel(Http(http_session, timeout=1), "https://x/pronote", _bootstrap())
    channel.dead = True
    with pytest.raises(SessionExpiredError):
        await channel.call("Navigation")


def test_error_codes() -> None:
    for code in (10, 11, 13, 14, 22):
        assert isinstance(error_for_code(code, "", {}), SessionExpiredError)
    hours = error_for_code(25, "Réessayez dans 2 heures.", {})
    assert isinstance(hours, RateLimitedError)
    assert hours.retry_after == 7200
    minutes = error_for_code(25, "Réessayez dans 5 minutes.", {})
    assert isinstance(minutes, RateLimitedError)
    assert minutes.retry_after == 300
    header = error_for_code(25, "", {"Retry-After": "42"})
    assert isinstance(header, RateLimitedError)
    assert header.retry_after == 42
    bare = error_for_code(25, "", {"Retry-After": "soon"})
    assert isinstance(bare, RateLimitedError)
    assert bare.retry_after == 3600
    assert isinstance(error_for_code(3, "", {}), NotSupportedError)
    assert isinstance(error_for_code(21, "", {}), ProtocolChangedError)
    assert str(error_for_code(42, "", {})) == "unexpected Pronote error 42"


def test_trust_store() -> None:
    seen: list[dict[str, str]] = []
    store = TrustStore({"nav": "N", "token": "", "other": "x"}, seen.append)
    assert store.as_dict() == {"nav": "N"}
    store.update(nav="N")
    assert seen == []
    store.update(token="T", login="L")
    store.update(nav=None, uuid=None)
    assert seen == [{"nav": "N", "token": "T", "login": "L"}, {"token": "T", "login": "L"}]
    assert "T" not in repr(store).replace("TrustStore", "")
    silent = TrustStore({}, None)
    silent.update(nav="x")
    assert silent.get("nav") == "x"


def test_values() -> None:
    assert text({"_T": 10, "V": 12}) == "12"
    assert text(["x"], "d") == "d"
    assert text(True, "d") == "d"
    assert number("1 234,5") == 1234.5
    assert number(True) is None
    assert number("inf") is None
    assert number([1]) is None
    assert number(3) == 3.0
    assert number({"_T": 10, "V": "15,5"}) == 15.5
    assert number("|1") is None
    assert integer("2") == 2
    assert integer("2,5") is None
    assert integer(False) is None
    assert flag("oui")
    assert flag({"_T": 1, "V": "true"})
    assert not flag("yes")  # not one of Pronote's words
    assert flag(1)
    assert not flag(None)
    assert hour("8h05").hour == 8  # type: ignore[union-attr]
    assert hour("24h00") is None
    assert hour("soon") is None
    assert local_datetime("5/9/2025 0:0:0") is not None
    assert local_datetime("15/09/25 09h00") is not None
    assert local_datetime("31/02/2025") is None
    assert parse_domain("[1..3,5]") == {1, 2, 3, 5}
    assert parse_domain({"_T": 26, "V": "[3]"}) == {3}
    assert parse_domain("[ ]") == set()
    assert parse_domain("[1,,2]") == {1, 2}
    assert parse_domain("[a]") == set()
    assert parse_domain("3") == set()
    assert parse_domain("[1..5000]") == set()
    assert domain(3, 3) == {"_T": 8, "V": "[3]"}
    assert domain(3, 5) == {"_T": 8, "V": "[3..5]"}
    assert slug("Année continue") == "annee-continue"
    assert slug("***") == "x"
    ids = IdMaker()
    first, second = ids.make("a", prefix="p"), ids.make("a", prefix="p")
    assert second == f"{first}-2"


def test_double_auth_actions() -> None:
    assert double_auth.required_actions({}) == frozenset()
    assert double_auth.required_actions({"actionsDoubleAuth": {"_T": 26, "V": "[3,5]"}}) == {3, 5}
    for actions in ("[1]", "[2]", "[4]", "[0,3]"):
        with pytest.raises(AccountActionRequiredError):
            double_auth.required_actions({"actionsDoubleAuth": {"_T": 26, "V": actions}})


async def test_device_name_must_not_be_empty(http_session: aiohttp.ClientSession) -> None:
    channel = Channel(Http(http_session, timeout=1), "https://x/pronote", _bootstrap())
    with pytest.raises(ProtocolChangedError):
        await double_auth.register_device(channel, "  ", None)


@pytest.mark.parametrize(
    ("mode", "access", "data", "message"),
    [
        (auth.LoginMode.PASSWORD, 1, {}, "username or password"),
        (auth.LoginMode.TOKEN, 1, {}, "token"),
        (auth.LoginMode.CAS, 1, {}, "ENT login"),
        (auth.LoginMode.QR, 1, {}, "QR code"),
        (auth.LoginMode.PASSWORD, 9, {"AccesMessage": {"titre": "Fermé"}}, "Fermé"),
        (auth.LoginMode.PASSWORD, 9, {}, "no reason"),
        (auth.LoginMode.PASSWORD, 6, {}, "blocked"),
        (auth.LoginMode.PASSWORD, 77, {}, "Acces 77"),
    ],
)
async def test_login_refusals(
    http_session: aiohttp.ClientSession,
    mode: auth.LoginMode,
    access: int,
    data: dict[str, Any],
    message: str,
) -> None:
    authenticator = auth.Authenticator(
        Http(http_session, timeout=1),
        PronoteUrl("https://x/pronote", "eleve"),
        Credentials("u", "secret-pw"),
        mode=mode,
        device_name="HA",
        trust=TrustStore({}, None),
        qr_code=None,
        clock=lambda: 0.0,
    )
    error = authenticator._refusal(mode, access, data)
    assert isinstance(error, InvalidCredentialsError)
    assert message in str(error)
    assert "secret-pw" not in repr(authenticator)
    # Refused once: never sent again.
    with pytest.raises(InvalidCredentialsError):
        await authenticator.login()
    assert isinstance(authenticator._refusal(mode, None, {}), ProtocolChangedError)

"""The login skeleton the platform clients share, on a client that sends nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from custom_components.schoolbag.client import (
    EcoleDirecteClient,
    LectioClient,
    PronoteClient,
    ScoDocClient,
)
from custom_components.schoolbag.client.base_client import BaseClient, TrustListener
from custom_components.schoolbag.client.errors import NotSupportedError, SessionExpiredError
from custom_components.schoolbag.client.models import (
    PLATFORM_COUNTRIES,
    PLATFORM_NAMES,
    Account,
    AccountKind,
    Capability,
    Mailbox,
    SchoolPlatform,
)

DAY = date(2025, 3, 10)
# The method that answers each data kind a platform may not offer.
ANSWERED_BY = {
    Capability.TIMETABLE: "timetable",
    Capability.HOMEWORK: "homework",
    Capability.HOMEWORK_DONE: "set_homework_done",
    Capability.MESSAGES: "mailbox",
    Capability.CANTEEN: "canteen",
    Capability.WALLETS: "wallets",
    Capability.MENUS: "menus",
    Capability.INFORMATION: "information",
}


@dataclass
class _Counter:
    request_count: int = 0


@dataclass
class _Session:
    number: int
    ended: bool = False


class _FakeClient(BaseClient[_Session, _Counter]):
    """Opens numbered sessions; each login counts as one request."""

    platform = SchoolPlatform.SCODOC
    CAPABILITIES = frozenset({Capability.GRADES})

    def __init__(self, on_trust_change: TrustListener | None = None) -> None:
        super().__init__(_Counter(), on_trust_change=on_trust_change)
        self.logins = 0
        self.trust_values: dict[str, str] = {}

    @property
    def trust(self) -> dict[str, str]:
        return dict(self.trust_values)

    async def _open_session(self) -> _Session:
        self.logins += 1
        self._transport.request_count += 1
        return _Session(self.logins)

    def _account_of(self, session: _Session) -> Account:
        return Account(
            id=str(session.number), kind=AccountKind.PARENT, display_name="x", students=()
        )

    def _session_ended(self, session: _Session) -> bool:
        return session.ended


@pytest.mark.parametrize(
    "client_class", [EcoleDirecteClient, PronoteClient, LectioClient, ScoDocClient]
)
def test_a_client_answers_exactly_the_data_kinds_it_declares(
    client_class: type[BaseClient[object, _Counter]],
) -> None:
    for capability, method in ANSWERED_BY.items():
        own = getattr(client_class, method) is not getattr(BaseClient, method)
        assert own == (capability in client_class.CAPABILITIES), (client_class, capability)


def test_only_the_platforms_with_sessions_ask_for_a_keep_alive() -> None:
    intervals = {
        cls.platform: cls.keep_alive_interval
        for cls in (EcoleDirecteClient, PronoteClient, LectioClient, ScoDocClient)
    }
    # ScoDoc's bearer token is asked for again when it ends: no ping keeps it.
    assert {platform for platform, every in intervals.items() if every} == {
        SchoolPlatform.ECOLEDIRECTE,
        SchoolPlatform.PRONOTE,
        SchoolPlatform.LECTIO,
    }
    assert set(PLATFORM_NAMES) == set(SchoolPlatform)
    assert set(PLATFORM_COUNTRIES) == set(SchoolPlatform)


async def test_data_a_platform_does_not_offer_is_empty_without_a_request() -> None:
    client = _FakeClient()
    assert await client.timetable("1", DAY, DAY) == []
    assert await client.homework("1", DAY, DAY) == []
    assert await client.mailbox("1") == Mailbox(unread=0)
    assert await client.canteen("1") is None
    assert await client.wallets() == []
    assert await client.menus("1", DAY, DAY) == []
    assert await client.information("1") == []
    with pytest.raises(NotSupportedError, match="not supported by ScoDoc"):
        await client.set_homework_done("1", "h", True)
    with pytest.raises(NotSupportedError, match="ScoDoc has no double authentication"):
        await client.answer_challenge("1234")
    assert client.request_count == 0
    assert client.account is None


async def test_the_session_is_opened_once_and_again_when_it_ended() -> None:
    client = _FakeClient()
    assert not await client.keep_alive()
    assert (await client.login()).id == "1"
    assert (await client.login()).id == "1"
    assert await client.keep_alive()
    assert client.account is not None
    assert client._session is not None
    client._session.ended = True
    assert (await client.login()).id == "2"
    assert client.request_count == 2
    assert client.login_count == 2


async def test_an_expired_session_is_logged_in_again_once() -> None:
    client = _FakeClient()
    seen: list[int] = []

    async def expires_first(session: _Session) -> int:
        seen.append(session.number)
        if len(seen) == 1:
            raise SessionExpiredError("gone")
        return session.number

    assert await client._run(expires_first) == 2
    assert seen == [1, 2]

    async def always_expired(session: _Session) -> int:
        raise SessionExpiredError("gone again")

    with pytest.raises(SessionExpiredError, match="gone again"):
        await client._run(always_expired)
    assert client.logins == 3
    assert client.login_count == 3


async def test_trust_goes_to_the_listener_and_a_broken_one_is_only_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    reported: list[dict[str, str]] = []
    client = _FakeClient(reported.append)
    client.trust_values["token"] = "a"
    client._trust_changed()
    assert reported == [{"token": "a"}]

    def broken(trust: dict[str, str]) -> None:
        raise OSError("disk full")

    client = _FakeClient(broken)
    client._trust_changed()
    assert "Storing the new ScoDoc trust values failed" in caplog.text
    _FakeClient()._trust_changed()  # no listener: nothing to do

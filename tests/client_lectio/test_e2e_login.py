"""Client against the simulator: school search, password and cookie logins, renewals."""

from __future__ import annotations

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import (
    InvalidCredentialsError,
    NotSupportedError,
    RateLimitedError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.lectio import (
    TRUST_KEY,
    AccountLockedError,
    MitIdOnlyError,
    UnknownSchoolError,
    search_schools,
)
from custom_components.schoolbag.client.models import AccountKind, SchoolPlatform
from custom_components.schoolbag.client.protocol import Credentials
from simulator.lectio import LectioSimulator

from .conftest import DEMO_ELEVID, DEMO_SCHOOL, MITID_SCHOOL, TODAY, MakeClient


async def test_search_finds_schools_by_name_and_number(
    http_session: aiohttp.ClientSession, origin: str
) -> None:
    by_name = await search_schools(http_session, "gymnasium", base_url=origin)
    assert {school.id for school in by_name} == {"680", "681"}
    by_number = await search_schools(http_session, "682", base_url=origin + "/")
    assert [school.name for school in by_number] == ["Sydby Handelsskole"]
    everything = await search_schools(http_session, "", base_url=origin)
    assert len(everything) == 3
    assert all("Vis alle" not in school.name for school in everything)


async def test_password_login_returns_the_student(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    client = make_client()
    assert client.account is None
    account = await client.login()
    assert account.kind is AccountKind.STUDENT
    assert account.id == f"{DEMO_SCHOOL}_{DEMO_ELEVID}"
    (student,) = account.students
    assert student.id == DEMO_ELEVID
    assert student.full_name == "Freja Eksempel Hansen"
    assert student.class_name == "2b"
    assert student.school_name == "Eksempel Gymnasium & HF"
    assert client.platform is SchoolPlatform.LECTIO
    assert client.trust == {}
    assert sim.logins == 1
    # A second login reuses the session.
    count = client.request_count
    assert await client.login() == account
    assert client.request_count == count


async def test_school_url_is_accepted_as_school_id(make_client: MakeClient) -> None:
    client = make_client(school_id="https://www.lectio.dk/lectio/680/forside.aspx")
    assert client.school_id == "680"
    assert (await client.login()).students[0].id == DEMO_ELEVID


async def test_wrong_password_is_invalid_credentials(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    with pytest.raises(InvalidCredentialsError) as caught:
        await make_client(password="wrong").login()
    assert "wrong" not in str(caught.value)
    assert not isinstance(caught.value, UnknownSchoolError)
    assert sim.logins == 0


async def test_too_many_failures_lock_the_account(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    sim.max_failed_logins = 2
    with pytest.raises(InvalidCredentialsError):
        await make_client(password="wrong").login()
    with pytest.raises(AccountLockedError) as caught:
        await make_client(password="wrong").login()
    assert isinstance(caught.value, RateLimitedError)
    assert caught.value.retry_after
    # Even the right password is refused while locked.
    with pytest.raises(AccountLockedError):
        await make_client().login()


async def test_unknown_school(make_client: MakeClient) -> None:
    with pytest.raises(UnknownSchoolError):
        await make_client(school_id="999").login()


async def test_mitid_school_refuses_password_login(make_client: MakeClient) -> None:
    with pytest.raises(MitIdOnlyError) as caught:
        await make_client("magnus", "x", school_id=MITID_SCHOOL).login()
    assert isinstance(caught.value, NotSupportedError)


async def test_cookie_login_and_key_rotation(make_client: MakeClient, sim: LectioSimulator) -> None:
    key = sim.issue_autologin_key()
    reported: list[dict[str, str]] = []
    client = make_client(
        "", key, school_id=MITID_SCHOOL, login_mode="cookie", on_trust_change=reported.append
    )
    account = await client.login()
    # The simulated header reads "Eleven Magnus Ørsted Nielsen(k), 1x - ...".
    assert account.display_name == "Magnus Ørsted Nielsen"
    assert [(s.first_name, s.last_name) for s in account.students] == [("Magnus Ørsted", "Nielsen")]
    # The first renewal answered an empty key cookie: the key is kept, nothing reported.
    assert client.trust == {TRUST_KEY: key}
    assert reported == []
    sim.expire_sessions()
    lessons = await client.timetable(account.students[0].id, TODAY, TODAY)
    assert lessons
    # The second renewal rotated the key: the client adopts and reports it.
    assert reported
    assert client.trust == reported[-1]
    assert client.trust[TRUST_KEY] != key
    assert key not in repr(client)


async def test_cookie_mode_prefers_the_newest_persisted_key(
    http_session: aiohttp.ClientSession, origin: str, sim: LectioSimulator
) -> None:
    from custom_components.schoolbag.client.lectio import LectioClient

    sim.strict_key_rotation = True
    stale = sim.issue_autologin_key()
    fresh = sim.issue_autologin_key()
    sim.keys.revoke(stale)
    client = LectioClient(
        http_session,
        Credentials("", stale, trust={TRUST_KEY: fresh}),
        school_id=MITID_SCHOOL,
        base_url=origin,
        login_mode="cookie",
    )
    assert (await client.login()).id == f"{MITID_SCHOOL}_60000000002"


async def test_pasted_cookie_string_is_understood(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    key = sim.issue_autologin_key()
    pasted = f"lectiogsc=abc; autologinkeyV2={key}; ASP.NET_SessionId=dead"
    client = make_client("", pasted, school_id=MITID_SCHOOL, login_mode="cookie")
    assert (await client.login()).id == f"{MITID_SCHOOL}_60000000002"


async def test_dead_cookie_is_invalid_credentials(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    key = sim.issue_autologin_key()
    client = make_client("", key, school_id=MITID_SCHOOL, login_mode="cookie")
    account = await client.login()
    sim.revoke_autologin_keys()
    sim.expire_sessions()
    with pytest.raises(InvalidCredentialsError) as caught:
        await client.grades(account.students[0].id)
    assert key not in str(caught.value)
    with pytest.raises(InvalidCredentialsError):
        await make_client("", key, school_id=MITID_SCHOOL, login_mode="cookie").login()


async def test_expired_session_logs_in_again_once(
    make_client: MakeClient, sim: LectioSimulator
) -> None:
    client = make_client()
    account = await client.login()
    sim.expire_sessions()
    book = await client.grades(account.students[0].id)
    assert book.grades
    assert sim.logins == 2
    paths = [path for _, path in sim.requests]
    # The expired request was redirected to the login page and asked again after login.
    assert paths.count("/lectio/680/grades/grade_report.aspx") == 2


async def test_a_session_lost_again_after_the_new_login_is_reported(
    make_client: MakeClient, sim: LectioSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = make_client()
    account = await client.login()
    real_login = client._open_session

    async def login_then_lose_the_session() -> object:
        identity = await real_login()
        sim.faults.lose_sessions = 1
        return identity

    monkeypatch.setattr(client, "_open_session", login_then_lose_the_session)
    sim.faults.lose_sessions = 1
    with pytest.raises(SessionExpiredError, match="again right after login"):
        await client.grades(account.students[0].id)
    assert sim.logins == 2
    assert client.account is None


async def test_works_with_a_jar_that_keeps_empty_cookies(origin: str, sim: LectioSimulator) -> None:
    from custom_components.schoolbag.client.lectio import LectioClient

    key = sim.issue_autologin_key()
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        client = LectioClient(
            session,
            Credentials("", key),
            school_id=MITID_SCHOOL,
            base_url=origin,
            login_mode="cookie",
        )
        account = await client.login()  # this renewal sent "autologinkeyV2=" (empty)
        sim.expire_sessions()
        assert await client.timetable(account.students[0].id, TODAY, TODAY)


async def test_no_double_authentication(make_client: MakeClient) -> None:
    with pytest.raises(NotSupportedError):
        await make_client().answer_challenge("1234")

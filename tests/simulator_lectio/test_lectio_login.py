"""Wire-level: school list, login form, view state, cookies, sessions and auto-login keys."""

from __future__ import annotations

from simulator.lectio import LectioSimulator
from simulator.lectio.fixtures.people import MASTER_FOOTER_VALUE

from .helpers import Browser, hidden_fields


async def test_school_list(browser: Browser) -> None:
    status, _, page = await browser.get("/lectio/login_list.aspx?showall=1")
    assert status == 200
    assert 'id="schoolsdiv"' in page
    assert '<a href="/lectio/680/default.aspx">Eksempel Gymnasium &amp; HF</a>' in page
    assert "Vis alle skoler" in page


async def test_login_form_carries_the_hidden_fields(browser: Browser) -> None:
    status, _, page = await browser.get("/lectio/680/login.aspx")
    assert status == 200
    fields = hidden_fields(page)
    for name in ("time", "__EVENTTARGET", "__VIEWSTATEX", "__EVENTVALIDATION", "__VIEWSTATE"):
        assert name in fields
    assert fields["__VIEWSTATEX"]
    assert fields["masterfootervalue"] == MASTER_FOOTER_VALUE
    assert 'name="m$Content$username"' in page
    assert 'name="m$Content$AutologinCbx"' in page
    assert browser.cookie("ASP.NET_SessionId")
    assert browser.cookie("lectiogsc")


async def test_successful_login_redirects_and_sets_cookies(
    browser: Browser, sim: LectioSimulator
) -> None:
    await browser.get("/lectio/680/login.aspx")
    anonymous = browser.cookie("ASP.NET_SessionId")
    status, location, _ = await browser.login(**{"m$Content$AutologinCbx": "on"})
    assert status == 302
    assert location == "/lectio/680/forside.aspx"
    assert browser.cookie("ASP.NET_SessionId") not in (None, anonymous)
    assert browser.cookie("isloggedin3") == "Y"
    assert sim.keys.student(browser.cookie("autologinkeyV2")) is not None
    status, _, front = await browser.get("/lectio/680/forside.aspx")
    assert status == 200
    assert 'data-lectiocontextcard="S60000000001"' in front
    assert "Eleven Freja Eksempel Hansen, 2b - Forside" in front
    assert "2 ulæste" in front


async def test_login_follows_prevurl(browser: Browser) -> None:
    _, _, page = await browser.get("/lectio/680/login.aspx?prevurl=SkemaNy.aspx%3fweek%3d132026")
    form = hidden_fields(page)
    form.update(
        {
            "__EVENTTARGET": "m$Content$submitbtn2",
            "m$Content$username": "demo",
            "m$Content$password": "demo",
        }
    )
    status, location, _ = await browser.post(
        "/lectio/680/login.aspx?prevurl=SkemaNy.aspx%3fweek%3d132026", form
    )
    assert (status, location) == (302, "/lectio/680/SkemaNy.aspx?week=132026")


async def test_wrong_password_shows_the_form_again(browser: Browser, sim: LectioSimulator) -> None:
    status, location, page = await browser.login(password="nope")
    assert (status, location) == (200, "")
    assert "Forkert brugernavn eller adgangskode" in page
    assert 'name="m$Content$username"' in page
    assert sim.logins == 0


async def test_stale_view_state_is_refused(browser: Browser, sim: LectioSimulator) -> None:
    _, _, page = await browser.get("/lectio/680/login.aspx")
    form = hidden_fields(page)
    await browser.get("/lectio/680/login.aspx")  # a new page load issues new values
    form.update(
        {
            "__EVENTTARGET": "m$Content$submitbtn2",
            "m$Content$username": "demo",
            "m$Content$password": "demo",
        }
    )
    status, _, answer = await browser.post("/lectio/680/login.aspx", form)
    assert status == 200
    assert "Siden er udløbet" in answer
    assert sim.logins == 0


async def test_wrong_footer_marker_or_target_is_refused(
    browser: Browser, sim: LectioSimulator
) -> None:
    status, _, _ = await browser.login(masterfootervalue="X1!???")
    assert status == 200
    status, _, _ = await browser.login(__EVENTTARGET="m$Content$other")
    assert status == 200
    assert sim.logins == 0


async def test_lockout_after_repeated_failures(browser: Browser, sim: LectioSimulator) -> None:
    sim.max_failed_logins = 2
    await browser.login(password="x")
    _, _, page = await browser.login(password="x")
    assert "låst" in page
    status, _, page = await browser.login()
    assert status == 200
    assert "låst" in page


async def test_mitid_school_has_no_password_form(browser: Browser) -> None:
    _, _, page = await browser.get("/lectio/681/login.aspx")
    assert "Log ind med MitID" in page
    assert 'name="m$Content$username"' not in page
    status, _, _ = await browser.login("magnus", "", school="681")
    assert status == 200


async def test_expired_session_redirects_with_prevurl(
    browser: Browser, sim: LectioSimulator
) -> None:
    await browser.login()
    sim.expire_sessions()
    status, location, _ = await browser.get("/lectio/680/SkemaNy.aspx?week=132026")
    assert status == 302
    assert location == "/lectio/680/login.aspx?prevurl=SkemaNy.aspx%3fweek%3d132026"


async def test_idle_sessions_expire(browser: Browser, sim: LectioSimulator) -> None:
    await browser.login()
    sim.sessions.ttl = -1.0
    status, _, _ = await browser.get("/lectio/680/forside.aspx")
    assert status == 302


async def test_autologin_key_renews_sessions(browser: Browser, sim: LectioSimulator) -> None:
    key = sim.issue_autologin_key()
    jar = browser.client.session.cookie_jar
    jar.update_cookies({"autologinkeyV2": key})
    status, _, page = await browser.get("/lectio/681/forside.aspx")
    assert status == 200
    assert "Magnus Ørsted Nielsen" in page
    assert sim.renewals == 1
    assert browser.set_cookies["ASP.NET_SessionId"]
    # The first renewal answers an empty key cookie, the second a new key.
    assert browser.set_cookies["autologinkeyV2"] == ""
    jar.clear()
    jar.update_cookies({"autologinkeyV2": key})
    await browser.get("/lectio/681/forside.aspx")
    rotated = browser.set_cookies["autologinkeyV2"]
    assert rotated not in ("", key)
    assert sim.keys.student(rotated) is not None
    # A session renewed from a key is kept: no renewal on the next page.
    await browser.get("/lectio/681/forside.aspx")
    assert sim.renewals == 2
    # Keys belong to their school.
    jar.clear()
    jar.update_cookies({"autologinkeyV2": rotated})
    status, _, _ = await browser.get("/lectio/680/forside.aspx")
    assert status == 302


async def test_revoked_keys_and_strict_rotation(browser: Browser, sim: LectioSimulator) -> None:
    sim.strict_key_rotation = True
    sim.blank_key_cookie = False
    key = sim.issue_autologin_key()
    browser.client.session.cookie_jar.update_cookies({"autologinkeyV2": key})
    await browser.get("/lectio/681/forside.aspx")
    sim.expire_sessions()
    await browser.get("/lectio/681/forside.aspx")
    assert sim.keys.student(key) is None
    sim.revoke_autologin_keys()
    sim.expire_sessions()
    status, _, _ = await browser.get("/lectio/681/forside.aspx")
    assert status == 302

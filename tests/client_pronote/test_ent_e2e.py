"""ENT logins of every simulated family, end to end: client against the simulator.

See Pronote protocol §8.
"""

from __future__ import annotations

from html.parser import HTMLParser
import logging
import threading

import aiohttp
import pytest

from custom_components.schoolbag.client.errors import InvalidCredentialsError, NotSupportedError
from custom_components.schoolbag.client.models import AccountKind
from simulator.pronote import PronoteSimulator

from .helpers import PASSWORD, USERNAME, assert_no_secret, make_client

LOGIN_FAMILIES = [
    "cas",
    "educonnect",
    "hub_educonnect",
    "open_ent_ng",
    "cas_educonnect",
    "wayf",
    "keycloak",
]
IDP = "/pronote/ent/educonnect/idp/profile/SAML2/POST/SSO"
# Pages each family must be seen going through (besides the space page).
FAMILY_PAGES = {
    "cas": ["/pronote/cas/login"],
    "educonnect": [IDP, "/pronote/ent/saml-ent/saml/acs"],
    "hub_educonnect": ["/pronote/ent/hub/EduConnect/cas/login", IDP],
    "open_ent_ng": ["/pronote/ent/open-ent-ng/auth/login"],
    "cas_educonnect": ["/pronote/ent/cas-educonnect/cas/login", IDP],
    "wayf": ["/pronote/ent/wayf/discovery/WAYF", IDP],
    "keycloak": ["/pronote/ent/keycloak/realms/ent/login-actions/authenticate"],
}


def _paths(sim: PronoteSimulator) -> list[str]:
    return [path for path, _ in sim.requests]


@pytest.mark.parametrize("family", LOGIN_FAMILIES)
async def test_ent_login(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, family: str
) -> None:
    sim.ent_family = family
    account = await make_client(http_session, root, login_mode="cas").login()
    assert account.display_name == "MARTIN Léa"
    paths = _paths(sim)
    for page in FAMILY_PAGES[family]:
        assert page in paths
    # Pronote's own login page was never used.
    assert ("/pronote/eleve.html", "Authentification") in sim.requests


async def test_ent_pages_are_parsed_off_the_event_loop(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parsed_in: list[int] = []
    real_feed = HTMLParser.feed

    def recording_feed(self: HTMLParser, data: str) -> None:
        parsed_in.append(threading.get_ident())
        real_feed(self, data)

    monkeypatch.setattr(HTMLParser, "feed", recording_feed)
    sim.ent_family = "educonnect"
    await make_client(http_session, root, login_mode="cas").login()
    assert parsed_in
    assert threading.get_ident() not in parsed_in


@pytest.mark.parametrize("family", ["educonnect", "open_ent_ng", "wayf"])
async def test_ent_login_parent(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, family: str
) -> None:
    sim.ent_family = family
    account = await make_client(http_session, root, "parent", login_mode="cas").login()
    assert account.kind is AccountKind.PARENT
    assert [student.first_name for student in account.students] == ["Léa", "Hugo"]


@pytest.mark.parametrize("family", LOGIN_FAMILIES)
async def test_ent_wrong_password(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str, family: str
) -> None:
    sim.ent_family = family
    client = make_client(http_session, root, login_mode="cas", password="not-the-one")
    with pytest.raises(InvalidCredentialsError, match="ENT") as err:
        await client.login()
    assert_no_secret(err.value, "not-the-one")
    # Refused by the ENT: Pronote never got as far as a login.
    assert all(name != "Identification" for _, name in sim.requests)


async def test_educonnect_posts_the_documented_fields(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.ent_family = "educonnect"
    await make_client(http_session, root, login_mode="cas").login()
    # Request, form shown, credentials posted: three visits to the identity provider.
    assert _paths(sim).count(IDP) == 3


async def test_open_ent_ng_opens_the_space_page_again_after_the_portal(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.ent_family = "open_ent_ng"
    await make_client(http_session, root, login_mode="cas").login()
    paths = _paths(sim)
    timeline = paths.index("/pronote/ent/open-ent-ng/timeline/timeline")
    assert paths[timeline + 1] == "/pronote/eleve.html"
    assert paths[timeline + 2] == "/pronote/ent/open-ent-ng/cas/login"


async def test_cas_educonnect_falls_back_to_the_ent_form(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    # The account is the ENT's own (a staff-like account), unknown to EduConnect.
    sim.ent_family = "cas_educonnect"
    sim.ent.educonnect_accounts = False
    sim.ent.local_accounts = True
    account = await make_client(http_session, root, login_mode="cas").login()
    assert account.display_name == "MARTIN Léa"
    assert _paths(sim).count(IDP) == 3


async def test_antibot_page_is_not_supported(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.ent_family = "antibot"
    with pytest.raises(
        NotSupportedError, match=r"not supported yet: anti-robot check \(127\.0\.0\.1\)"
    ):
        await make_client(http_session, root, login_mode="cas").login()


async def test_keycloak_one_time_code_is_not_supported(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.ent_family = "keycloak"
    sim.ent.keycloak_otp = True
    with pytest.raises(NotSupportedError, match="not supported yet: double authentication code"):
        await make_client(http_session, root, login_mode="cas").login()


async def test_hub_refusing_the_pronote_address(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.ent_family = "hub_educonnect"
    sim.ent.hub_trusts_service = False
    with pytest.raises(NotSupportedError, match="does not trust this Pronote address"):
        await make_client(http_session, root, login_mode="cas").login()


async def test_the_ent_session_is_reused_at_the_next_login(
    http_session: aiohttp.ClientSession, sim: PronoteSimulator, root: str
) -> None:
    sim.ent_family = "educonnect"
    client = make_client(http_session, root, login_mode="cas")
    account = await client.login()
    sim.expire_sessions()
    sim.requests.clear()
    await client.grades(account.students[0].id)
    # The ENT cookie answers with a ticket at once: EduConnect is not visited again.
    assert IDP not in _paths(sim)
    assert "/pronote/ent/saml-ent/cas/login" in _paths(sim)


@pytest.mark.parametrize("family", ["educonnect", "keycloak", "open_ent_ng"])
async def test_no_password_in_logs(
    http_session: aiohttp.ClientSession,
    sim: PronoteSimulator,
    root: str,
    family: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    sim.ent_family = family
    await make_client(http_session, root, login_mode="cas").login()
    ours = [r for r in caplog.records if r.name.startswith("custom_components.schoolbag")]
    shown = "\n".join(record.getMessage() for record in ours)
    assert "ENT step on 127.0.0.1" in shown
    assert PASSWORD not in shown
    assert "ticket=" not in shown
    assert USERNAME not in shown

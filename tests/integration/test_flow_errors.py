"""Error paths of the config flows (every platform) not covered elsewhere, with their messages."""

from __future__ import annotations

from datetime import date
import json
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.helpers.translation import async_get_translations
import pytest

from custom_components.schoolbag.client import SchoolError
from custom_components.schoolbag.client.ecoledirecte import EcoleDirecteClient
from custom_components.schoolbag.const import DOMAIN
from custom_components.schoolbag.flow_lectio import MAX_SCHOOLS_SHOWN
from simulator.ecoledirecte import EcoleDirecteSimulator
from simulator.lectio import LectioSimulator
from simulator.lectio.fixtures.people import School as SimulatedSchool
from simulator.lectio.pages import login as lectio_login_page
from simulator.pronote import PronoteSimulator
from simulator.scodoc import ScoDocSimulator

from .conftest import STUDENT, select_options, start_login, start_reconfigure
from .test_lectio import DEMO_SCHOOL, MITID_SCHOOL, _choose, _school
from .test_pronote import _created, _open
from .test_pronote_more import _ent_login, _suggested
from .test_scodoc import ALICE, _account, add_scodoc

UNREACHABLE = "http://127.0.0.1:9"
SCHOOL_DAY = date(2026, 12, 3)


@pytest.fixture(autouse=True)
def _school_day(freezer: FrozenDateTimeFactory) -> None:
    """Home Assistant's clock on SCHOOL_DAY, before the simulators are built."""
    freezer.move_to(f"{SCHOOL_DAY.isoformat()} 10:00:00+01:00")


@pytest.fixture
def ed_simulator(_school_day: None) -> EcoleDirecteSimulator:
    """EcoleDirecte data dated from a fixed school day."""
    return EcoleDirecteSimulator(today=SCHOOL_DAY)


@pytest.fixture
def pronote_simulator(_school_day: None) -> PronoteSimulator:
    """Pronote data dated from a fixed school day."""
    return PronoteSimulator(today=SCHOOL_DAY)


@pytest.fixture
def lectio_simulator(_school_day: None) -> LectioSimulator:
    """Lectio data dated from a fixed school day."""
    return LectioSimulator(today=SCHOOL_DAY)


@pytest.fixture
def scodoc_simulator(_school_day: None) -> ScoDocSimulator:
    """ScoDoc data dated from a fixed school day."""
    return ScoDocSimulator(today=SCHOOL_DAY)


async def _error_message(hass: HomeAssistant, key: str, kind: str = "error") -> str:
    """The English text Home Assistant shows for a config flow error or abort key."""
    texts = await async_get_translations(hass, "en", "config", {DOMAIN})
    return texts.get(f"component.{DOMAIN}.config.{kind}.{key}", "")


def _wrong_answer(result: FlowResult, right: str) -> str:
    return next(
        value for value, label in select_options(result, "answer").items() if label != right
    )


# -- The double-authentication question (EcoleDirecte) -----------------------------------------


async def test_refused_answer_then_a_login_without_question_adds_the_account(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    result = await start_login(hass, ed_url, *STUDENT)
    assert result["step_id"] == "challenge"
    # The school stops asking between the question and the (wrong) answer.
    ed_simulator.set_qcm_required(STUDENT[0], False)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"answer": _wrong_answer(result, ed_simulator.qcm_answer(STUDENT[0]))}
    )

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == "ecoledirecte_2345"
    await hass.async_block_till_done()


async def test_refused_answer_then_a_refused_login_shows_why(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    result = await start_login(hass, ed_url, *STUDENT)
    question = result["description_placeholders"]["question"]
    # The password changes on the school's side before a new question can be fetched.
    ed_simulator.world.users[STUDENT[0]].password = "changed"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"answer": _wrong_answer(result, ed_simulator.qcm_answer(STUDENT[0]))}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "challenge"
    assert result["errors"] == {"base": "invalid_auth"}
    assert result["description_placeholders"]["question"] == question
    assert "refused this username or password" in await _error_message(hass, "invalid_auth")


async def test_unexpected_error_while_answering_is_reported_as_unknown(
    hass: HomeAssistant, ed_url: str, ed_simulator: EcoleDirecteSimulator
) -> None:
    result = await start_login(hass, ed_url, *STUDENT)
    right = ed_simulator.qcm_answer(STUDENT[0])
    value = next(v for v, label in select_options(result, "answer").items() if label == right)
    # Only the library is replaced, as Home Assistant core tests do for this path.
    with patch.object(EcoleDirecteClient, "answer_challenge", side_effect=RuntimeError("boom")):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"answer": value}
        )

    assert result["step_id"] == "challenge"
    assert result["errors"] == {"base": "unknown"}
    # The question stays answerable: the right answer still goes through.
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"answer": value})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()


async def test_unrecognised_school_error_is_unknown_and_logged(
    hass: HomeAssistant, ed_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    with patch.object(EcoleDirecteClient, "login", side_effect=SchoolError("something new")):
        result = await start_login(hass, ed_url, *STUDENT)

    assert result["step_id"] == "ecoledirecte"
    assert result["errors"] == {"base": "unknown"}
    assert "something new" in caplog.text
    assert "log has the details" in await _error_message(hass, "unknown")


# -- Lectio -------------------------------------------------------------------------------------


async def test_unreachable_lectio_school_list_is_cannot_connect(
    hass: HomeAssistant, socket_enabled: None
) -> None:
    result = await _school(hass, UNREACHABLE, "gymnasium")

    assert result["step_id"] == "lectio"
    assert result["errors"] == {"base": "cannot_connect"}
    assert "could not be reached" in await _error_message(hass, "cannot_connect")


async def test_too_many_matching_schools_asks_for_more_of_the_name(
    hass: HomeAssistant, lectio_origin: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    many = tuple(
        SimulatedSchool(str(700 + n), f"Gymnasium nummer {n}") for n in range(MAX_SCHOOLS_SHOWN)
    )
    monkeypatch.setattr(
        lectio_login_page, "SCHOOLS", (*lectio_login_page.SCHOOLS, *many), raising=True
    )

    result = await _school(hass, lectio_origin, "gymnasium")
    assert result["step_id"] == "lectio"
    assert result["errors"] == {"school": "too_many_schools"}
    assert "type more of the name" in await _error_message(hass, "too_many_schools")

    # A more precise name narrows the list down to one school.
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"school": "Eksempel", "advanced": {"server_url": lectio_origin}}
    )
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "lectio_login"


async def test_locked_lectio_account_is_explained(
    hass: HomeAssistant, lectio_origin: str, lectio_simulator: LectioSimulator
) -> None:
    lectio_simulator.max_failed_logins = 1
    result = await _choose(hass, await _school(hass, lectio_origin, DEMO_SCHOOL), "lectio_password")

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "demo", "password": "wrong"}
    )

    assert result["step_id"] == "lectio_password"
    assert result["errors"] == {"base": "account_locked"}
    assert "locked this account" in await _error_message(hass, "account_locked")


async def test_server_error_during_cookie_login_is_not_blamed_on_the_cookie(
    hass: HomeAssistant, lectio_origin: str, lectio_simulator: LectioSimulator
) -> None:
    result = await _choose(hass, await _school(hass, lectio_origin, MITID_SCHOOL), "lectio_cookie")
    lectio_simulator.faults.next_errors.extend(["http_503"] * 3)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"cookie": lectio_simulator.issue_autologin_key()}
    )

    assert result["step_id"] == "lectio_cookie"
    assert result["errors"] == {"base": "cannot_connect"}


# -- Pronote ------------------------------------------------------------------------------------


async def test_qr_code_with_a_wrong_pin_keeps_the_qr_form(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    qr, pin = pronote_simulator.qr_login("eleve")
    wrong_pin = "1234" if pin != "1234" else "4321"
    result = await _open(hass, "pronote_qr")

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"qr_code": json.dumps(qr), "pin": wrong_pin, "device_name": "HA"}
    )

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pronote_qr"
    assert result["errors"] == {"base": "invalid_auth"}


async def test_reconfigure_of_an_ent_entry_shows_the_ent_form(
    hass: HomeAssistant, pronote_origin: str, pronote_simulator: PronoteSimulator
) -> None:
    pronote_simulator.cas_enabled = True
    url = f"{pronote_origin}/pronote/eleve.html"
    entry = await _created(hass, await _ent_login(hass, url))

    result = await start_reconfigure(hass, entry)

    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pronote_ent"
    assert _suggested(result)["server_url"] == url
    result = await _ent_login(hass, url, password="nope", flow_id=result["flow_id"])
    assert result["step_id"] == "pronote_ent"
    assert result["errors"] == {"base": "invalid_auth"}


# -- ScoDoc -------------------------------------------------------------------------------------


async def test_scodoc_unknown_department_is_not_found(hass: HomeAssistant, scodoc_url: str) -> None:
    result = await _account(hass, scodoc_url, department="NOPE")

    assert result["step_id"] == "scodoc"
    assert result["errors"] == {"base": "not_found"}
    assert "does not know this department" in await _error_message(hass, "not_found")


async def test_scodoc_reconfigure_shows_the_address_and_checks_it(
    hass: HomeAssistant, scodoc_url: str
) -> None:
    entry = await add_scodoc(hass, scodoc_url, query=ALICE)

    result = await start_reconfigure(hass, entry)

    assert result["step_id"] == "reconfigure"
    # The school's own server: a plain field, not folded away in a section.
    assert [str(key) for key in result["data_schema"].schema] == [
        "username",
        "password",
        "server_url",
    ]
    assert _suggested(result) == {"username": "demo", "server_url": scodoc_url}
    # An address without ScoDoc's API behind it.
    elsewhere = f"{scodoc_url.removesuffix('/ScoDoc')}/elsewhere"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "demo", "password": "demo", "server_url": elsewhere}
    )
    assert result["step_id"] == "reconfigure"
    assert result["errors"] == {"base": "not_found"}
    assert _suggested(result)["server_url"] == elsewhere

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "demo", "password": "demo", "server_url": scodoc_url}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.data["server_url"] == scodoc_url
    await hass.async_block_till_done()


async def test_scodoc_department_list_failure_aborts(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    scodoc_simulator.faults.next_errors.append("http_500:departements")

    result = await _account(hass, scodoc_url)

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "cannot_connect"
    assert "could not be reached" in await _error_message(hass, "cannot_connect", "abort")


async def test_scodoc_single_department_is_chosen_without_asking(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    world = scodoc_simulator.world
    world.departments = [d for d in world.departments if d["acronym"] != "RT"]

    result = await _account(hass, scodoc_url)

    assert result["step_id"] == "scodoc_students"
    assert result["description_placeholders"]["department"] == "INFO"


@pytest.mark.parametrize(
    ("fault", "error"),
    [("forbidden:etudiants", "permission_denied"), ("http_500:etudiants", "cannot_connect")],
)
async def test_scodoc_student_search_errors(
    hass: HomeAssistant,
    scodoc_url: str,
    scodoc_simulator: ScoDocSimulator,
    fault: str,
    error: str,
) -> None:
    result = await _account(hass, scodoc_url, department="INFO")
    assert result["step_id"] == "scodoc_students"
    scodoc_simulator.faults.next_errors.append(fault)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"student_query": ALICE}
    )

    assert result["step_id"] == "scodoc_students"
    assert result["errors"] == {"base": error}
    assert _suggested(result) == {"student_query": ALICE}


async def test_scodoc_student_without_nip_is_not_offered(
    hass: HomeAssistant, scodoc_url: str
) -> None:
    result = await _account(hass, scodoc_url, department="INFO")

    # "martin" matches MARTIN (NIP 31020001) and PETIT-MARTIN, who has no NIP.
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"student_query": "martin"}
    )

    assert result["step_id"] == "scodoc_pick"
    assert list(select_options(result, "students")) == ["31020001"]


async def test_scodoc_pick_needs_a_student_and_a_working_login(
    hass: HomeAssistant, scodoc_url: str, scodoc_simulator: ScoDocSimulator
) -> None:
    result = await _account(hass, scodoc_url, department="INFO")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"student_query": ALICE}
    )
    assert result["step_id"] == "scodoc_pick"

    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"students": []})
    assert result["step_id"] == "scodoc_pick"
    assert result["errors"] == {"base": "no_students"}
    assert await _error_message(hass, "no_students") == "Choose at least one child."

    # The student's record cannot be read when the account is checked again.
    scodoc_simulator.faults.next_errors.append("http_500:etudiant/nip")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"students": [ALICE]}
    )
    assert result["step_id"] == "scodoc_pick"
    assert result["errors"] == {"base": "cannot_connect"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"students": [ALICE]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["student_ids"] == [ALICE]
    await hass.async_block_till_done()

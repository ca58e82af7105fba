"""Reading space pages: ``Start`` anywhere, typed flags, schemes, versions, error pages."""

from __future__ import annotations

import pytest

from custom_components.schoolbag.client.errors import (
    IpSuspendedError,
    ProtocolChangedError,
    RateLimitedError,
    ServerUnavailableError,
)
from custom_components.schoolbag.client.pronote.bootstrap import (
    page_problem,
    parse_bootstrap,
    parse_start,
    read_version,
)
from custom_components.schoolbag.client.pronote.envelope import CURRENT, LEGACY, LEGACY_OLD
from simulator.pronote import bootstrap as sim_bootstrap


def _page(literal: str, *, version: str = "", onload: bool = False) -> str:
    start = f"try {{ Start ({literal}) }} catch (e) {{ messageErreur (e) }} "
    shown = f'<span class="version">PRONOTE {version}</span>' if version else ""
    if onload:
        return f'<html><body id="id_body" onload="{start}" class="EspaceIndex">{shown}</body>'
    return f"<html><body><div>x</div><script>{start}</script>{shown}</body></html>"


def test_onload_and_inline_script_layouts() -> None:
    for onload in (True, False):
        boot = parse_bootstrap(_page("{h:'4815162',a:3,d:false,CrA:true,CoA:true}", onload=onload))
        assert boot.session_id == 4815162
        assert boot.space_number == 3
        assert boot.scheme is CURRENT
        assert boot.encrypt
        assert boot.compress
        assert not boot.scheme_guessed


def test_relaxed_literal_keeps_types_and_tolerates_odd_values() -> None:
    literal = "{ h : \"12\" , a:7, 'e':'Dé,mo:1', f:'S\\'X', g:2, n:-1.5, z:null, d:true }"
    params = parse_start(_page(literal))
    assert params == {
        "h": "12",
        "a": 7,
        "e": "Dé,mo:1",
        "f": "S'X",
        "g": 2,
        "n": -1.5,
        "z": None,
        "d": True,
    }
    assert parse_start("<html>no bootstrap</html>") is None
    with pytest.raises(ProtocolChangedError):
        parse_start("Start ({h:'1', a:[1]})")


def test_current_flags() -> None:
    boot = parse_bootstrap(_page("{h:'1',a:2,CrA:true}"))
    assert (boot.scheme, boot.encrypt, boot.compress) == (CURRENT, True, False)
    boot = parse_bootstrap(_page("{h:'1',a:2,CoA:'true'}"))
    assert (boot.scheme, boot.encrypt, boot.compress) == (CURRENT, False, True)


def test_legacy_skip_flags_are_inverted() -> None:
    boot = parse_bootstrap(_page("{h:'1',a:3,sCrA:true}", version="2025.1.2.3"))
    assert (boot.scheme, boot.encrypt, boot.compress) == (LEGACY, False, True)
    boot = parse_bootstrap(_page("{h:'1',a:3,sCoA:true}", version="2024.1.1"))
    assert (boot.scheme, boot.encrypt, boot.compress) == (LEGACY_OLD, True, False)
    # A version newer than the flags (inconsistent page): the flags decide.
    boot = parse_bootstrap(_page("{h:'1',a:3,sCoA:false}", version="2026.1.1"))
    assert (boot.scheme, boot.encrypt, boot.compress) == (LEGACY, True, True)


def test_no_flags_uses_the_version() -> None:
    boot = parse_bootstrap(_page("{h:'1',a:3}", version="2025.1.2.3"))
    assert (boot.scheme, boot.encrypt, boot.compress) == (LEGACY, True, True)
    boot = parse_bootstrap(_page("{h:'1',a:3}", version="2026.2.5.7"))
    assert (boot.scheme, boot.encrypt, boot.compress) == (CURRENT, False, False)
    boot = parse_bootstrap(_page("{h:'1',a:3}"))
    assert (boot.scheme, boot.encrypt, boot.compress) == (LEGACY, True, True)
    assert boot.scheme_guessed


def test_rsa_http_and_ent_parameters() -> None:
    boot = parse_bootstrap(_page("{h:'1',a:3,http:true,MR:'B99B',ER:'10001',e:'jdu',f:'S3CR'}"))
    assert boot.http
    assert boot.rsa_modulus == 0xB99B
    assert boot.rsa_exponent == 65537
    assert boot.ent_login == "jdu"
    assert boot.ent_secret == "S3CR"
    assert "S3CR" not in repr(boot)
    assert not parse_bootstrap(_page("{h:'1',a:3,http:false,MR:'zz'}")).http
    assert parse_bootstrap(_page("{h:'1',a:3,MR:'zz'}")).rsa_modulus is None


def test_simulator_pages_of_every_layout_and_profile() -> None:
    for layout in sim_bootstrap.LAYOUTS:
        for legacy in (False, True):
            params = sim_bootstrap.StartParams(
                h="1234567", a=6, legacy_flags=legacy, encrypt=True, compress=False
            )
            page = sim_bootstrap.space_page(
                params, layout=layout, school="X", title="T", version="2026.2.5.7"
            )
            boot = parse_bootstrap(page)
            assert boot.session_id == 1234567
            assert boot.space_number == 6
            assert (boot.encrypt, boot.compress) == (True, False)
            assert boot.version == (2026, 2, 5, 7)


def test_version() -> None:
    assert read_version("<p>PRONOTE 2026.2.5.7 © Index</p>") == (2026, 2, 5, 7)
    assert read_version(">PRONOTE 2024.3.9<") == (2024, 3, 9)
    assert read_version("<title>PRONOTE - Espace</title>") is None


def test_ip_suspended_page() -> None:
    page = sim_bootstrap.error_page("ip_suspended")
    with pytest.raises(IpSuspendedError) as err:
        parse_bootstrap(page)
    assert isinstance(err.value, RateLimitedError)
    assert err.value.retry_after is not None
    assert err.value.retry_after >= 3600
    encoded = "Votre adresse IP est provisoirement suspendue"
    assert isinstance(page_problem(encoded), IpSuspendedError)


@pytest.mark.parametrize("kind", ["site_closed", "site_busy"])
def test_unavailable_pages(kind: str) -> None:
    with pytest.raises(ServerUnavailableError):
        parse_bootstrap(sim_bootstrap.error_page(kind))
    assert isinstance(
        page_problem("Le site n&#39;est pas disponible pour le moment"), ServerUnavailableError
    )
    assert isinstance(
        page_problem("Le site est momentan&eacute;ment indisponible"), ServerUnavailableError
    )


def test_a_page_mentioning_ip_is_not_a_suspension() -> None:
    assert page_problem("<p>PIP install; IP address 10.0.0.1</p>") is None
    with pytest.raises(ProtocolChangedError, match="not a Pronote space page"):
        parse_bootstrap("<html>IPv6 ready</html>")


def test_anti_robot_page() -> None:
    with pytest.raises(ProtocolChangedError, match="anti-robot"):
        parse_bootstrap('<body onload="go()"><script>function go(){}</script></body>')


def test_bad_numbers() -> None:
    with pytest.raises(ProtocolChangedError):
        parse_bootstrap(_page("{h:'abc',a:3}"))
    with pytest.raises(ProtocolChangedError):
        parse_bootstrap(_page("{a:3}"))

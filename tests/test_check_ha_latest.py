"""scripts/check_ha_latest.py, against tiny fake homeassistant wheels (no network)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
import subprocess
import sys
from textwrap import dedent
from types import ModuleType
from typing import Any
import zipfile

import pytest

SCRIPT = Path(__file__).parent.parent / "scripts" / "check_ha_latest.py"
VERSION = "2099.1.0"


def _load_checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_ha_latest", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


checker = _load_checker()

FAKE_HOMEASSISTANT = {
    "homeassistant/__init__.py": "",
    "homeassistant/core.py": """
        class HomeAssistant:
            pass

        def callback(func):
            return func
    """,
    "homeassistant/const.py": """
        from enum import StrEnum
        from functools import partial
        from typing import Final

        from .helpers.deprecation import (
            DeprecatedConstant,
            DeprecatedConstantEnum,
            check_if_deprecated_constant,
        )

        CONF_USERNAME: Final = "username"

        class UnitOfRatio(StrEnum):
            PARTS_PER_MILLION = "ppm"

        _DEPRECATED_CONF_OLD: Final = DeprecatedConstant("old", "CONF_NEW", "2099.6")
        _DEPRECATED_PPM = DeprecatedConstantEnum(UnitOfRatio.PARTS_PER_MILLION, "2099.7")

        __getattr__ = partial(check_if_deprecated_constant, module_globals=globals())
    """,
    "homeassistant/data_entry_flow.py": """
        from .helpers.deprecation import deprecated_function

        class FlowHandler:
            @property
            @deprecated_function("a section", breaks_in_ha_version="2099.6")
            def show_advanced_options(self) -> bool:
                return True
    """,
    "homeassistant/helpers/__init__.py": """
        from .device_registry import async_get_registry as legacy_registry
    """,
    "homeassistant/helpers/deprecation.py": """
        def deprecated_function(replacement, *, breaks_in_ha_version=None):
            return lambda func: func

        def check_if_deprecated_constant(name, module_globals):
            raise AttributeError(name)
    """,
    "homeassistant/helpers/frame.py": """
        def report_usage(what, *, breaks_in_ha_version=None):
            pass
    """,
    "homeassistant/helpers/device_registry.py": """
        import warnings

        from . import frame
        from .deprecation import deprecated_function
        from .frame import report_usage

        class DeviceRegistry:
            def async_update_device(self, device_id, *, remove_config_entry_id=None):
                \"\"\"Update a device.\"\"\"
                if remove_config_entry_id is not None:
                    report_usage(
                        "passes remove_config_entry_id", breaks_in_ha_version="2099.8"
                    )

        def async_get(hass):
            return DeviceRegistry()

        @deprecated_function("async_get", breaks_in_ha_version="2099.3")
        def async_get_registry(hass):
            return DeviceRegistry()

        def async_old_lookup(hass):
            \"\"\"Look a device up the old way.\"\"\"
            frame.report_usage("calls async_old_lookup", breaks_in_ha_version="2099.4")
            return None

        def async_older_lookup(hass):
            warnings.warn("use async_get", DeprecationWarning)
    """,
    # Python 3.14 syntax (PEP 758), which this Python's ast does not parse as is.
    "homeassistant/util/__init__.py": "",
    "homeassistant/util/dt.py": """
        def now():
            try:
                return 1
            except KeyError, ValueError:
                return 0
    """,
}

# The same fake release before the deprecations of the keyword and attribute uses.
UNDEPRECATED_USES = {
    "homeassistant/data_entry_flow.py": """
        class FlowHandler:
            @property
            def show_advanced_options(self) -> bool:
                return False
    """,
    "homeassistant/helpers/device_registry.py": """
        class DeviceRegistry:
            def async_update_device(self, device_id, *, remove_config_entry_id=None):
                if remove_config_entry_id is not None:
                    self.remove(device_id)

        def async_get(hass):
            return DeviceRegistry()
    """,
}

CLEAN_INTEGRATION = """
    from homeassistant.const import CONF_USERNAME
    from homeassistant.core import HomeAssistant, callback
    from homeassistant.data_entry_flow import FlowHandler
    from homeassistant.helpers import device_registry as dr
    import homeassistant.helpers.device_registry as dev_reg
    import homeassistant.util.dt

    @callback
    def setup(hass: HomeAssistant, device_id: str) -> str:
        dr.async_get(hass).async_update_device(device_id)
        dev_reg.async_get(hass)
        homeassistant.util.dt.now()
        return CONF_USERNAME
"""


def make_wheel(tmp_path: Path, overrides: dict[str, str] | None = None) -> Path:
    """Write a fake homeassistant wheel; `overrides` replaces or adds files."""
    files = FAKE_HOMEASSISTANT | (overrides or {})
    wheel = tmp_path / f"homeassistant-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for name, source in files.items():
            archive.writestr(name, dedent(source))
        archive.writestr(
            f"homeassistant-{VERSION}.dist-info/METADATA",
            f"Metadata-Version: 2.1\nName: homeassistant\nVersion: {VERSION}\n",
        )
    return wheel


def make_integration(tmp_path: Path, source: str) -> Path:
    """Write a one-file integration under custom_components/demo."""
    integration = tmp_path / "custom_components" / "demo"
    integration.mkdir(parents=True)
    (integration / "__init__.py").write_text(dedent(source))
    return integration


def report_lines(tmp_path: Path, source: str, overrides: dict[str, str] | None = None) -> list[str]:
    report = checker.check(make_wheel(tmp_path, overrides), make_integration(tmp_path, source))
    return [str(problem) for problem in report.problems]


def test_clean_integration_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wheel = make_wheel(tmp_path)
    integration = make_integration(tmp_path, CLEAN_INTEGRATION)

    exit_code = checker.main(["--wheel", str(wheel), "--integration", str(integration)])

    assert exit_code == 0
    # const.CONF_USERNAME, core.HomeAssistant, core.callback, data_entry_flow.FlowHandler,
    # helpers.device_registry, its async_get, util.dt and its now.
    assert capsys.readouterr().out == (
        f"OK: 8 homeassistant names checked against homeassistant {VERSION}\n"
    )


def test_missing_names_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = """
        from homeassistant.core import Gone, HomeAssistant
        from homeassistant.nowhere import Thing
        from homeassistant.helpers import device_registry as dr

        def setup(hass: HomeAssistant) -> None:
            dr.async_vanished(hass)
    """
    wheel = make_wheel(tmp_path)
    integration = make_integration(tmp_path, source)

    exit_code = checker.main(["--wheel", str(wheel), "--integration", str(integration)])

    assert exit_code == 1
    assert capsys.readouterr().out.splitlines() == [
        f"Checked 5 homeassistant names against homeassistant {VERSION}",
        "MISSING homeassistant.core.Gone used in custom_components/demo/__init__.py:2",
        "MISSING homeassistant.nowhere used in custom_components/demo/__init__.py:3",
        "MISSING homeassistant.helpers.device_registry.async_vanished"
        " used in custom_components/demo/__init__.py:7",
        "FAILED: 3 problem(s)",
    ]


def test_deprecated_functions_are_reported(tmp_path: Path) -> None:
    source = """
        from homeassistant.helpers import device_registry as dr, legacy_registry
        from homeassistant.helpers.device_registry import async_old_lookup

        dr.async_get_registry(None)
        dr.async_older_lookup(None)
    """
    module = "homeassistant.helpers.device_registry"
    path = "custom_components/demo/__init__.py"

    assert report_lines(tmp_path, source) == [
        # A re-export reports the deprecation of the function it re-exports.
        f"DEPRECATED homeassistant.helpers.legacy_registry used in {path}:2"
        " (@deprecated_function: use async_get; breaks_in_ha_version=2099.3)",
        f"DEPRECATED {module}.async_old_lookup used in {path}:3"
        " (report_usage: calls async_old_lookup; breaks_in_ha_version=2099.4)",
        f"DEPRECATED {module}.async_get_registry used in {path}:5"
        " (@deprecated_function: use async_get; breaks_in_ha_version=2099.3)",
        f"DEPRECATED {module}.async_older_lookup used in {path}:6"
        " (DeprecationWarning: use async_get)",
    ]


def test_deprecated_constants_are_reported(tmp_path: Path) -> None:
    source = """
        from homeassistant.const import CONF_OLD, CONF_USERNAME, PPM
    """
    path = "custom_components/demo/__init__.py"

    assert report_lines(tmp_path, source) == [
        f"DEPRECATED homeassistant.const.CONF_OLD used in {path}:2"
        " (DeprecatedConstant: use CONF_NEW; breaks_in_ha_version=2099.6)",
        f"DEPRECATED homeassistant.const.PPM used in {path}:2"
        " (DeprecatedConstantEnum: use UnitOfRatio.PARTS_PER_MILLION;"
        " breaks_in_ha_version=2099.7)",
    ]


KNOWN_DEPRECATED_USES = """
    from homeassistant.data_entry_flow import FlowHandler
    from homeassistant.helpers import device_registry as dr

    class Flow(FlowHandler):
        def step(self, hass: object, device_id: str, entry_id: str) -> None:
            if self.show_advanced_options:
                registry = dr.async_get(hass)
                registry.async_update_device(device_id, remove_config_entry_id=entry_id)
"""


def test_deprecated_keyword_and_attribute_are_reported(tmp_path: Path) -> None:
    path = "custom_components/demo/__init__.py"

    assert report_lines(tmp_path, KNOWN_DEPRECATED_USES) == [
        f"DEPRECATED FlowHandler.show_advanced_options used in {path}:7"
        " (@deprecated_function: use a section; breaks_in_ha_version=2099.6)",
        "DEPRECATED DeviceRegistry.async_update_device(remove_config_entry_id=...)"
        f" used in {path}:9"
        " (report_usage: passes remove_config_entry_id; breaks_in_ha_version=2099.8)",
    ]


def test_keyword_and_attribute_pass_until_deprecated(tmp_path: Path) -> None:
    assert report_lines(tmp_path, KNOWN_DEPRECATED_USES, UNDEPRECATED_USES) == []


@pytest.mark.parametrize(("mention", "reported"), [("remove_config_entry_id", 1), ("device_id", 0)])
def test_usage_rules_are_data(tmp_path: Path, mention: str, reported: int) -> None:
    rule = checker.DeprecatedUsageRule(
        "DeviceRegistry.async_update_device",
        checker.SourcePattern("async_update_device"),
        checker.WheelMarker(
            ("homeassistant/helpers/device_registry.py",), "async_update_device", mention
        ),
    )
    wheel_path = make_wheel(tmp_path)
    sources = checker.read_integration(make_integration(tmp_path, KNOWN_DEPRECATED_USES))

    with zipfile.ZipFile(wheel_path) as archive:
        problems = checker.check_usage_rules(checker.HomeAssistantWheel(archive), sources, [rule])

    # The wheel's async_update_device reports a deprecation about remove_config_entry_id only.
    assert len(problems) == reported


class FakePip:
    """Stands in for `subprocess.run` of `pip download`: writes a wheel or fails."""

    def __init__(self, wheel: Path | None) -> None:
        self.wheel = wheel
        self.commands: list[list[str]] = []

    def __call__(self, command: list[str], **_: Any) -> subprocess.CompletedProcess[str]:
        self.commands.append(command)
        noise = "WARNING: Location 'file:///opt/pypi/simple/homeassistant/' is ignored\n"
        if self.wheel is None:
            return subprocess.CompletedProcess(command, 1, noise, "ERROR: no wheel\n")
        destination = Path(command[command.index("-d") + 1])
        (destination / self.wheel.name).write_bytes(self.wheel.read_bytes())
        return subprocess.CompletedProcess(command, 0, noise, "")


def test_download_hides_pip_noise_and_never_installs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pip = FakePip(make_wheel(tmp_path))
    monkeypatch.setattr(checker.subprocess, "run", pip)
    integration = make_integration(tmp_path, CLEAN_INTEGRATION)

    exit_code = checker.main(["--version", VERSION, "--integration", str(integration)])

    assert exit_code == 0
    assert capsys.readouterr().out.startswith("OK: ")
    [command] = pip.commands
    assert command[1:4] == ["-m", "pip", "download"]
    assert "install" not in command
    assert {"--no-deps", "--only-binary=:all:", f"homeassistant=={VERSION}"} <= set(command)


def test_download_failure_shows_pip_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(checker.subprocess, "run", FakePip(None))
    integration = make_integration(tmp_path, CLEAN_INTEGRATION)

    exit_code = checker.main(["--integration", str(integration)])

    assert exit_code == 2
    output = capsys.readouterr()
    assert output.out == ""
    assert "ERROR: no wheel" in output.err
    assert "is ignored" in output.err

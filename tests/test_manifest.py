"""The manifest and hacs.json are what Home Assistant and HACS accept."""

from __future__ import annotations

import json
from pathlib import Path

from awesomeversion import AwesomeVersion
from PIL import Image

ROOT = Path(__file__).parent.parent
INTEGRATION = ROOT / "custom_components" / "schoolbag"

HACS_KEYS = {
    "name",
    "content_in_root",
    "country",
    "filename",
    "hacs",
    "hide_default_branch",
    "homeassistant",
    "persistent_directory",
    "render_readme",
    "zip_release",
}


def test_manifest_keys_sorted_and_complete() -> None:
    manifest = json.loads((INTEGRATION / "manifest.json").read_text())
    keys = list(manifest)
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])
    assert manifest["domain"] == INTEGRATION.name
    for required in ("codeowners", "documentation", "issue_tracker", "version", "iot_class"):
        assert manifest[required], required
    assert manifest["iot_class"] == "cloud_polling"
    assert manifest["config_flow"] is True
    assert manifest["documentation"].startswith("https://")
    assert AwesomeVersion(manifest["version"]).valid


def test_manifest_requirements_match_home_assistant_pins() -> None:
    """Every requirement is pinned compatibly with what HA itself installs."""
    manifest = json.loads((INTEGRATION / "manifest.json").read_text())
    for requirement in manifest["requirements"]:
        assert "==" in requirement or ">=" in requirement, requirement


def test_hacs_json_has_only_known_keys() -> None:
    hacs = json.loads((ROOT / "hacs.json").read_text())
    assert set(hacs) <= HACS_KEYS
    assert hacs["name"] == "Schoolbag"
    assert set(hacs["country"]) == {"FR", "DK"}
    assert AwesomeVersion(hacs["homeassistant"]) >= AwesomeVersion("2026.2.0")
    assert hacs["render_readme"] is True


def test_brand_icons_have_the_sizes_home_assistant_expects() -> None:
    for name, size in (("icon.png", 256), ("icon@2x.png", 512)):
        with Image.open(INTEGRATION / "brand" / name) as image:
            assert image.size == (size, size), name
            assert image.format == "PNG"


def test_third_party_imports_are_manifest_requirements() -> None:
    """What the integration imports beyond Home Assistant is installed from the manifest."""
    manifest = json.loads((INTEGRATION / "manifest.json").read_text())
    required = {line.split(">=")[0].split("==")[0] for line in manifest["requirements"]}
    sources = "\n".join(path.read_text() for path in INTEGRATION.rglob("*.py"))
    uses_soup = "from bs4 import" in sources or "import bs4" in sources
    assert uses_soup == ("beautifulsoup4" in required)
    uses_holidays = "\nimport holidays\n" in sources or "from holidays import" in sources
    assert uses_holidays == ("holidays" in required)

"""The school client package never imports Home Assistant."""

from __future__ import annotations

import ast
from pathlib import Path
import subprocess
import sys

CLIENT = Path(__file__).parent.parent / "custom_components" / "schoolbag" / "client"


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_no_source_file_imports_homeassistant() -> None:
    files = sorted(CLIENT.rglob("*.py"))
    assert files, "the client package should not be empty"
    offenders = {
        str(path.relative_to(CLIENT)): sorted(
            m for m in _imported_modules(path) if m.split(".")[0] == "homeassistant"
        )
        for path in files
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_importing_the_client_loads_no_homeassistant_module() -> None:
    """Even transitively (through our own modules), nothing pulls Home Assistant in."""
    code = (
        "import sys, importlib, pkgutil\n"
        "import custom_components.schoolbag.client as c\n"
        "for m in pkgutil.walk_packages(c.__path__, c.__name__ + '.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] == 'homeassistant']\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    # The integration's own __init__ imports Home Assistant: load the client package alone.
    prelude = (
        "import sys\n"
        f"sys.path.insert(0, {str(CLIENT.parent.parent.parent)!r})\n"
        "from tests.client_alone import load_client_package_alone\n"
        "load_client_package_alone()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", prelude + code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr

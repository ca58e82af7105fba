"""Fail when a module of the Home Assistant layer grows past 300 lines (issue 15).

The client package and its subpackages are not counted: the limit is for the thin layer.

    .venv/bin/python scripts/module_sizes.py [custom_components/schoolbag]
"""

from __future__ import annotations

from pathlib import Path
import sys

LIMIT = 300


def oversized(layer: Path) -> list[tuple[Path, int]]:
    """The Python modules directly in ``layer`` (and its non-client packages) over LIMIT."""
    found = []
    for module in sorted(layer.rglob("*.py")):
        if "client" in module.relative_to(layer).parts:
            continue
        lines = len(module.read_text(encoding="utf-8").splitlines())
        if lines > LIMIT:
            found.append((module, lines))
    return found


def main() -> int:
    """Print each module over the limit; exit 1 when there is one."""
    layer = Path(sys.argv[1] if len(sys.argv) > 1 else "custom_components/schoolbag")
    found = oversized(layer)
    for module, lines in found:
        print(f"{module}: {lines} lines (at most {LIMIT} in the Home Assistant layer)")
    if not found:
        print(f"no module of the Home Assistant layer is over {LIMIT} lines")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

"""The module-size gate of CI: the Home Assistant layer only, client package left out."""

from __future__ import annotations

from pathlib import Path

from scripts.module_sizes import LIMIT, oversized


def _module(path: Path, lines: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x = 1\n" * lines, encoding="utf-8")


def test_only_modules_of_the_thin_layer_over_the_limit_are_reported(tmp_path: Path) -> None:
    _module(tmp_path / "calendar.py", LIMIT + 1)
    _module(tmp_path / "sensor.py", LIMIT)
    _module(tmp_path / "entry_data" / "pronote.py", LIMIT + 5)
    _module(tmp_path / "client" / "pronote" / "client.py", LIMIT * 2)

    assert oversized(tmp_path) == [
        (tmp_path / "calendar.py", LIMIT + 1),
        (tmp_path / "entry_data" / "pronote.py", LIMIT + 5),
    ]

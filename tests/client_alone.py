"""Load the client package on its own, without the Home Assistant integration around it.

``custom_components/schoolbag/__init__.py`` is the integration and imports Home Assistant.
The client package below it imports nothing of ours but itself (relative imports only), so
binding the parent package to its folder, without running that ``__init__``, loads the client
the way it would load once published as a library of its own.
"""

from __future__ import annotations

from pathlib import Path
import sys
import types

import custom_components

PARENT = "custom_components.schoolbag"


def load_client_package_alone() -> None:
    """Make ``custom_components.schoolbag.client`` importable without Home Assistant."""
    if PARENT in sys.modules:
        return
    parent = types.ModuleType(PARENT)
    parent.__path__ = [str(Path(custom_components.__file__).parent / "schoolbag")]
    sys.modules[PARENT] = parent

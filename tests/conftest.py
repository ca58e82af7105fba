"""Shared fixtures."""

from __future__ import annotations

# pytest-homeassistant-custom-component ships its own `custom_components`
# package; importing ours first makes Home Assistant find the integration.
import custom_components  # noqa: F401  # isort: skip

import pytest


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let Home Assistant load integrations from custom_components/."""

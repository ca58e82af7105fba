"""The platforms the config flow offers, in menu order, each with its handler."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from .client.models import SchoolPlatform
from .const import CONF_PLATFORM
from .entry_data import EntryData
from .flow_ecoledirecte import EcoleDirecteHandler
from .flow_handler import PlatformHandler
from .flow_lectio import LectioHandler
from .flow_pronote import PronoteHandler
from .flow_scodoc import ScoDocHandler

PLATFORM_HANDLERS: Final[Mapping[SchoolPlatform, type[PlatformHandler]]] = {
    handler.data_type.platform: handler
    for handler in (PronoteHandler, EcoleDirecteHandler, LectioHandler, ScoDocHandler)
}

STEP_PREFIX: Final = "async_step_"
# The platform whose handler answers each step id (from its async_step_<id> methods).
STEP_PLATFORMS: Final[Mapping[str, SchoolPlatform]] = {
    name.removeprefix(STEP_PREFIX): platform
    for platform, handler in PLATFORM_HANDLERS.items()
    for name in dir(handler)
    if name.startswith(STEP_PREFIX)
}


def stored_login(data: Mapping[str, Any]) -> EntryData:
    """The typed login an entry's ``data`` holds."""
    return PLATFORM_HANDLERS[SchoolPlatform(data[CONF_PLATFORM])].data_type.from_dict(data)

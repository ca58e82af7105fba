"""Async EcoleDirecte client (aiohttp only, no Home Assistant import)."""

from .client import EcoleDirecteClient
from .const import DEFAULT_API_VERSION, DEFAULT_BASE_URL, DEFAULT_USER_AGENT

__all__ = [
    "DEFAULT_API_VERSION",
    "DEFAULT_BASE_URL",
    "DEFAULT_USER_AGENT",
    "EcoleDirecteClient",
]

"""What a config entry stores, typed per platform.

Each ``<platform>.py`` adds its fields and builds its platform's client; flow_platforms.py
lists the platforms.
"""

from .base import TRANSIENT, ClientContext, EntryData, MultiModeLogin

__all__ = ["TRANSIENT", "ClientContext", "EntryData", "MultiModeLogin"]

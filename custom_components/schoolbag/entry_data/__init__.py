"""What a config entry stores, typed per platform: each type builds its platform's client."""

from .base import TRANSIENT, ClientContext, EntryData, MultiModeLogin
from .ecoledirecte import EcoleDirecteData
from .lectio import LectioData
from .pronote import PronoteData
from .scodoc import ScoDocData

__all__ = [
    "TRANSIENT",
    "ClientContext",
    "EcoleDirecteData",
    "EntryData",
    "LectioData",
    "MultiModeLogin",
    "PronoteData",
    "ScoDocData",
]

"""ENT / CAS logins in front of Pronote (spec 8): page recognition and the step walk."""

from __future__ import annotations

from .engine import MAX_STEPS, open_through_ent
from .recognise import recognise

__all__ = ["MAX_STEPS", "open_through_ent", "recognise"]

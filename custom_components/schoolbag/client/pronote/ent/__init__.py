"""ENT / CAS logins in front of Pronote: page recognition and the step walk.

See Pronote protocol §8.
"""

from __future__ import annotations

from .engine import MAX_STEPS, open_through_ent
from .recognise import recognise

__all__ = ["MAX_STEPS", "open_through_ent", "recognise"]

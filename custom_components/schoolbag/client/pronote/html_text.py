"""HTML rich text (``_T`` 21) to plain text.

Reuses the EcoleDirecte converter: both platforms send small teacher-written
fragments with the same tags and entities.
"""

from __future__ import annotations

from ..ecoledirecte.html_text import html_to_text

__all__ = ["html_to_text"]

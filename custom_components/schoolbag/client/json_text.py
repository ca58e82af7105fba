"""Transitional re-export for ``ecoledirecte/auth.py``, which is outside the value-helper refactor.

Delete this module once that file imports ``text`` from ``client.values``.
"""

from __future__ import annotations

from .values import text

__all__ = ["text"]

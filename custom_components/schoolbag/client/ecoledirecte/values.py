"""Transitional re-exports for ``auth.py``, which is outside the value-helper refactor.

Delete this module once ``auth.py`` imports ``as_dict``/``as_dicts`` from ``..values`` and
``b64_text``/``require_dict`` from ``.payloads``.
"""

from __future__ import annotations

from ..values import as_dict, as_dicts
from .payloads import b64_text, require_dict

__all__ = ["as_dict", "as_dicts", "b64_text", "require_dict"]

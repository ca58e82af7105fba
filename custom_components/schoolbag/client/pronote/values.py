"""Transitional re-exports for ``auth.py``, ``client.py`` and ``double_auth.py``.

Those files are outside the value-helper refactor. Delete this module once they import
``as_dict``, ``integer``, ``text``, ``domain`` and ``parse_domain`` from ``.typed_values`` and
``format_datetime`` from ``.dates``.
"""

from __future__ import annotations

from .dates import format_datetime
from .typed_values import as_dict, domain, integer, parse_domain, text

__all__ = ["as_dict", "domain", "format_datetime", "integer", "parse_domain", "text"]

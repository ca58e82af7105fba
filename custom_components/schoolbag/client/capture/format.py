"""The capture file: a JSON document, versioned.

Version 1::

    {
      "format": "schoolbag-capture",
      "version": 1,
      "platform": "pronote" | "ecoledirecte" | "lectio" | "scodoc",
      "platform_name": "Pronote",
      "recorded_at": "2026-12-06T09:00:00+00:00",
      "client": {...},              # how the client was built (address, school), redacted
      "redacted": {"secret": 12, "name": 3, "digits": 2},   # counts only, never values
      "notes": [...],
      "exchanges": [
        {
          "seq": 1, "at_ms": 0, "elapsed_ms": 12,
          "request": {"method": "POST", "url": "...", "headers": [[name, value]], "body": "..."},
          "response": {"status": 200, "content_type": "...", "charset": "utf-8",
                       "headers": [[name, value]], "body": "..."},   # null on failure
          "error": null            # or the failure's name (TimeoutError, ...)
        }
      ]
    }

Bodies are text; a binary body is left out (``"body": null`` and ``"omitted"``). Every
secret is replaced by a placeholder when recorded, the same value by the same
placeholder throughout one capture (see ``redact.py``).
"""

from __future__ import annotations

import json
from typing import Any

FORMAT = "schoolbag-capture"
FORMAT_VERSION = 1


class CaptureFormatError(ValueError):
    """Not a capture this version of Schoolbag reads."""


def dumps(capture: dict[str, Any]) -> str:
    """The capture as indented JSON text."""
    return json.dumps(capture, ensure_ascii=False, indent=1) + "\n"


def loads(text: str) -> dict[str, Any]:
    """Read a capture; raise CaptureFormatError for anything else or a newer version."""
    try:
        data = json.loads(text)
    except ValueError as err:
        raise CaptureFormatError("not JSON") from err
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CaptureFormatError("not a Schoolbag capture")
    version = data.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise CaptureFormatError(f"capture version {version!r} is not supported")
    if not isinstance(data.get("exchanges"), list):
        raise CaptureFormatError("capture has no exchanges")
    return data

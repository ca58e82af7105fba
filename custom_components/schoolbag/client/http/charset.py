"""Reading a body as text whatever charset the server claims."""

from __future__ import annotations

DEFAULT_CHARSET = "utf-8"


def decode_text(raw: bytes, charset: str | None) -> str:
    """The body in its declared charset (UTF-8 when none or unknown); bad bytes are replaced."""
    try:
        return raw.decode(charset or DEFAULT_CHARSET, "replace")
    except LookupError:
        return raw.decode(DEFAULT_CHARSET, "replace")

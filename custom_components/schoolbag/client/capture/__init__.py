"""Recording one session's HTTP exchanges, redacted, for a bug report or a replay test.

Usage::

    recorder = CaptureRecorder(client.platform, secrets=[password])
    with recording(recorder):
        account = await client.login()
        ...                                     # one refresh
    recorder.learn_account(account)
    text = dumps(recorder.capture())
"""

from __future__ import annotations

from ..http.recording import recording
from .format import FORMAT, FORMAT_VERSION, CaptureFormatError, dumps, loads
from .recorder import CaptureRecorder
from .redact import Redactor

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "CaptureFormatError",
    "CaptureRecorder",
    "Redactor",
    "dumps",
    "loads",
    "recording",
]

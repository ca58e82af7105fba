"""The HTTP layer every platform shares: sending, redirects, cookies and status mapping.

Each platform keeps only its envelope on top (headers, body format, answer codes).
"""

from __future__ import annotations

from .answer import Answer
from .budget import BudgetLimits, RequestBudget
from .cookies import CookieStore, SiteCookies
from .pacing import Pacer
from .recording import Exchange, Recorder, active_recorder, recording
from .redirects import follow_redirects
from .retry_after import parse_retry_after, retry_after
from .sender import DEFAULT_TIMEOUT, Sender
from .status import raise_for_server_status

__all__ = [
    "DEFAULT_TIMEOUT",
    "Answer",
    "BudgetLimits",
    "CookieStore",
    "Exchange",
    "Pacer",
    "Recorder",
    "RequestBudget",
    "Sender",
    "SiteCookies",
    "active_recorder",
    "follow_redirects",
    "parse_retry_after",
    "raise_for_server_status",
    "recording",
    "retry_after",
]

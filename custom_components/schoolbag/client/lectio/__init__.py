"""Async Lectio client (aiohttp and beautifulsoup4, no Home Assistant import).

Lectio has no API: the client reads the ASP.NET WebForms pages of www.lectio.dk.
``LectioClient(session, credentials, school_id=..., login_mode="password"|"cookie")``
implements ``SchoolClient``. Schools are found with ``search_schools`` and a pasted
school number or URL is read with ``school_id_from``.

Lectio-specific errors: ``UnknownSchoolError`` (an ``InvalidCredentialsError``),
``MitIdOnlyError`` (a ``NotSupportedError``: the school has no password login, use the
cookie mode) and ``AccountLockedError`` (a ``RateLimitedError``).
"""

from .auth import LoginMode, read_pasted_cookie
from .client import CAPABILITIES, LectioClient
from .const import DEFAULT_BASE_URL, TRUST_KEY
from .errors import AccountLockedError, MitIdOnlyError, UnknownSchoolError
from .schools import School, parse_school_list, search_schools
from .urls import school_id_from

__all__ = [
    "CAPABILITIES",
    "DEFAULT_BASE_URL",
    "TRUST_KEY",
    "AccountLockedError",
    "LectioClient",
    "LoginMode",
    "MitIdOnlyError",
    "School",
    "UnknownSchoolError",
    "parse_school_list",
    "read_pasted_cookie",
    "school_id_from",
    "search_schools",
]

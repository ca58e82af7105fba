"""Async ScoDoc 9 client (aiohttp only, no Home Assistant import).

``ScoDocClient(session, credentials, base_url=..., department=..., student_ids=...)``
implements ``SchoolClient`` with an API (staff) account. Extra calls for the
configuration flow: ``departments()``, ``find_students(query)``, ``semesters(nip)``.

ScoDoc-specific errors: ``PermissionDeniedError`` (a ``NotSupportedError``: the account lacks the
ScoView permission, HTTP 403) and ``NotFoundError`` (unknown department, NIP or semester).
"""

from .client import ScoDocClient
from .models import Department, ScoDocStudent, Semester
from .transport import scodoc_root

__all__ = [
    "Department",
    "ScoDocClient",
    "ScoDocStudent",
    "Semester",
    "scodoc_root",
]

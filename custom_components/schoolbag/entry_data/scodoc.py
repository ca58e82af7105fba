"""A ScoDoc login: a staff API account, its department and the followed students."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from aiohttp import ClientSession

from ..client.models import SchoolPlatform
from ..client.scodoc import ScoDocClient
from ..const import CONF_SEMESTER, SEMESTER_CURRENT
from .base import ClientContext, EntryData


@dataclass(kw_only=True, frozen=True)
class ScoDocData(EntryData):
    """A ScoDoc staff API account, its department and the NIPs of the followed students."""

    platform: ClassVar[SchoolPlatform] = SchoolPlatform.SCODOC
    department: str | None = None
    student_ids: list[str] = field(default_factory=list)
    # ScoDoc servers often have self-signed certificates.
    verify_ssl: bool = True

    def client(self, session: ClientSession, context: ClientContext) -> ScoDocClient:
        """The client of the department's students, showing the semester the options chose."""
        semester = context.options.get(CONF_SEMESTER)
        return ScoDocClient(
            session,
            self.credentials(),
            base_url=self.server_url or "",
            department=self.department,
            student_ids=tuple(self.student_ids),
            semester_id=None if semester in (None, SEMESTER_CURRENT) else semester,
            verify_ssl=self.verify_ssl,
        )

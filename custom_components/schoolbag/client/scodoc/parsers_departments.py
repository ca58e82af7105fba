"""Parse ``GET /departements`` (ScoDoc protocol §4.1)."""

from __future__ import annotations

from typing import Any

from ..errors import ProtocolChangedError
from ..values import as_dicts, text
from .fields import flag
from .models import Department


def parse_departments(data: Any) -> list[Department]:
    """Departments sorted by acronym; entries without an acronym are skipped."""
    if not isinstance(data, list):
        raise ProtocolChangedError("ScoDoc's department list is not a list")
    departments = [
        Department(
            acronym=acronym,
            name=text(item.get("dept_name")) or text(item.get("description")) or acronym,
            visible=flag(item.get("visible"), default=True),
        )
        for item in as_dicts(data)
        if (acronym := text(item.get("acronym")))
    ]
    return sorted(departments, key=lambda department: department.acronym.casefold())


def parse_department(data: Any) -> Department:
    """One department object (``GET /departement/<acronym>``)."""
    if not isinstance(data, dict) or not text(data.get("acronym")):
        raise ProtocolChangedError("ScoDoc's department answer has no acronym")
    return parse_departments([data])[0]

"""Diagnostics with every secret and personal identifier redacted."""

from __future__ import annotations

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant

from .const import CONF_COOKIE, CONF_STUDENT_IDS, CONF_STUDENTS, CONF_TRUST
from .coordinator import SchoolbagConfigEntry

# Passwords, Lectio cookies, tokens and device trust; student ids (ScoDoc NIPs are personal).
TO_REDACT = {
    CONF_PASSWORD,
    CONF_COOKIE,
    CONF_USERNAME,
    CONF_TRUST,
    CONF_STUDENT_IDS,
    CONF_STUDENTS,
}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: SchoolbagConfigEntry
) -> dict[str, Any]:
    """What helps debugging: platform, capabilities and counts.

    No secrets and no names or ids of students: counts only.
    """
    coordinator = entry.runtime_data
    data = coordinator.data
    return {
        "entry": {
            "data": async_redact_data(dict(entry.data), TO_REDACT),
            "options": async_redact_data(dict(entry.options), TO_REDACT),
        },
        "platform": str(coordinator.client.platform),
        "capabilities": sorted(str(c) for c in coordinator.client.capabilities),
        "account_kind": str(coordinator.account.kind),
        "last_update_success": coordinator.last_update_success,
        "fetched_at": data.fetched_at.isoformat() if data else None,
        "request_budget": {
            "sent_last_day": coordinator.budget.sent_last_day,
            "per_day": coordinator.budget.limits.per_day,
            "burst": coordinator.budget.limits.burst,
            "wait_seconds": round(coordinator.budget.wait()),
        },
        "students": [
            {
                "class_name": student_data.student.class_name,
                "lessons": len(student_data.lessons),
                "homework": len(student_data.homework),
                "homework_done": sum(1 for work in student_data.homework if work.done),
                "grades": len(student_data.grades.grades) if student_data.grades else None,
                "periods": [p.id for p in student_data.grades.periods]
                if student_data.grades
                else None,
                "absences": len(student_data.school_life.absences)
                if student_data.school_life
                else None,
                "unread_messages": student_data.mailbox.unread if student_data.mailbox else None,
                "wallets": len(student_data.wallets),
                "canteen": student_data.canteen is not None,
            }
            for student_data in (data.students.values() if data else [])
        ],
    }

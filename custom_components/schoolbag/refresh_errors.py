"""What a failed refresh raises, and the repair issues of refreshes held back."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.update_coordinator import UpdateFailed
from homeassistant.util import dt as dt_util

from .client import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    IpSuspendedError,
    RateLimitedError,
    RequestBudgetExceededError,
    SchoolError,
    ServerUnavailableError,
    SessionExpiredError,
)
from .const import DOMAIN
from .error_keys import error_reason, translation_key_for


def is_passing_outage(err: SchoolError) -> bool:
    """An outage that is likely over soon, unlike login problems, bans and protocol changes."""
    return isinstance(err, (ServerUnavailableError, SessionExpiredError))


def coordinator_error(err: SchoolError) -> ConfigEntryAuthFailed | UpdateFailed:
    """What the coordinator raises: reauth for login problems, else a failed update."""
    if isinstance(err, (InvalidCredentialsError, DoubleAuthRequiredError, ChallengeFailedError)):
        return ConfigEntryAuthFailed(
            translation_domain=DOMAIN, translation_key=translation_key_for(err)
        )
    retry_after = err.retry_after if isinstance(err, RateLimitedError) else None
    return UpdateFailed(
        translation_domain=DOMAIN,
        translation_key=translation_key_for(err),
        translation_placeholders={"reason": error_reason(err)},
        retry_after=retry_after,
    )


# The repair issues of a refresh held back, by what holds it.
HELD_BACK_ISSUES: Final = ("ip_suspended", "request_budget")


def _held_back_issue(err: SchoolError) -> str | None:
    if isinstance(err, RequestBudgetExceededError):
        return "request_budget"
    if isinstance(err, IpSuspendedError):
        return "ip_suspended"
    return None


@callback
def async_report_held_back(
    hass: HomeAssistant, entry: ConfigEntry, err: SchoolError, until: datetime
) -> None:
    """Tell the user a ban or the request budget holds refreshes back, and until when.

    A refresh alone cannot end either; other waits (a plain 429) need no issue.
    """
    if (kind := _held_back_issue(err)) is None:
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        f"{kind}_{entry.entry_id}",
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR if kind == "ip_suspended" else ir.IssueSeverity.WARNING,
        translation_key=kind,
        translation_placeholders={
            "entry": entry.title,
            "until": dt_util.as_local(until).strftime("%Y-%m-%d %H:%M"),
        },
    )


@callback
def async_clear_held_back(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """The school answered again: nothing holds refreshes back any more."""
    for kind in HELD_BACK_ISSUES:
        ir.async_delete_issue(hass, DOMAIN, f"{kind}_{entry.entry_id}")

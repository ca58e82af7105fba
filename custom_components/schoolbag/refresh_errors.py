"""What a failed refresh raises, and the repair issue a blocked IP address gets."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.update_coordinator import UpdateFailed

from .client import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    RateLimitedError,
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


def _ip_issue_id(entry: ConfigEntry) -> str:
    return f"ip_suspended_{entry.entry_id}"


@callback
def async_report_ip_suspended(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Tell the user the school blocked this address (a refresh alone cannot fix it)."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        _ip_issue_id(entry),
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key="ip_suspended",
        translation_placeholders={"entry": entry.title},
    )


@callback
def async_clear_ip_suspended(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """The school answered again: the block is over."""
    ir.async_delete_issue(hass, DOMAIN, _ip_issue_id(entry))

"""The ``record_capture`` action: one login and one refresh, recorded and redacted.

A fresh client (its own HTTP session, so a real login) logs in and reads each followed
student once, as a refresh does, while the shared HTTP sender hands every exchange to a
recorder that redacts it at once. The capture is written under
``<config>/schoolbag_captures/`` (in the executor) for the user to attach to a bug report.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from .client import SchoolError
from .client.capture import CaptureRecorder, dumps, recording
from .client.models import Account, Student
from .client_setup import school_session
from .const import (
    CONF_LOGIN_MODE,
    CONF_PLATFORM,
    CONF_SERVER_URL,
    CONF_STUDENTS,
    CONF_TRUST,
    LOGGER,
)
from .coordinator import SchoolbagConfigEntry, async_save_trust
from .entry_data import ClientContext
from .flow_platforms import stored_login
from .student_fetch import StudentFetcher

SERVICE_RECORD_CAPTURE: Final = "record_capture"
CAPTURE_DIR: Final = "schoolbag_captures"
# Entry fields that say how to reach the school, not who logs in.
_NOT_SECRET: Final = frozenset(
    {
        CONF_PLATFORM,
        CONF_SERVER_URL,
        CONF_LOGIN_MODE,
        "verify_ssl",
        "account_kind",
        "school_id",
        "department",
    }
)


def entry_secrets(data: Mapping[str, Any]) -> list[str]:
    """Every value of the entry that could identify or log in someone (trust included)."""
    found: list[str] = []
    for key, value in data.items():
        if key in _NOT_SECRET:
            continue
        if isinstance(value, Mapping):
            found += entry_secrets({str(k): v for k, v in value.items()})
        elif isinstance(value, (list, tuple)):
            found += [str(item) for item in value if isinstance(item, (str, int))]
        elif isinstance(value, (str, int)) and not isinstance(value, bool):
            found.append(str(value))
    return found


def _followed(entry: SchoolbagConfigEntry, account: Account) -> list[Student]:
    chosen = entry.options.get(CONF_STUDENTS)
    return [s for s in account.students if not chosen or s.id in chosen]


async def async_record_capture(hass: HomeAssistant, entry: SchoolbagConfigEntry) -> dict[str, Any]:
    """Record one login and one refresh of ``entry``; return where the capture is."""
    context = ClientContext(
        options=entry.options,
        on_trust_change=lambda trust: async_save_trust(hass, entry, trust),
    )
    # The capture's requests are the account's too: they are spent from its budget.
    session = school_session(hass, entry.data, auto_cleanup=False, budget=entry.runtime_data.budget)
    client = stored_login(entry.data).client(session, context)
    recorder = CaptureRecorder(client.platform, secrets=entry_secrets(entry.data))
    error: str | None = None
    trust_before = entry.data.get(CONF_TRUST)
    try:
        with recording(recorder):
            account = await client.login()
            students = _followed(entry, account)
            await StudentFetcher(client, entry).async_fetch(students)
    except SchoolError as err:
        # A failing login or refresh is what a bug report needs most: keep the capture.
        error = type(err).__name__
        recorder.notes.append(f"the session ended with {error}")
    finally:
        session.detach()
    if client.account is not None:
        recorder.learn_account(client.account)
    if client.trust and client.trust != trust_before:
        # A rotated token: the coordinator's client must log in with the new one.
        async_save_trust(hass, entry, client.trust)
        hass.config_entries.async_schedule_reload(entry.entry_id)
    # How the client was built, redacted: a replay builds the same one.
    capture = recorder.capture(client={"data": dict(entry.data), "options": dict(entry.options)})
    stamp = dt_util.utcnow().strftime("%Y%m%dT%H%M%SZ")
    path = Path(hass.config.path(CAPTURE_DIR)) / f"{client.platform}-{stamp}.json"
    await hass.async_add_executor_job(write_capture, path, dumps(capture))
    LOGGER.info("Schoolbag capture of %s written to %s", entry.title, path)
    return {"path": str(path), "exchanges": len(recorder.exchanges), "error": error}


def write_capture(path: Path, text: str) -> None:
    """Write the capture, readable by its owner only (executor)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)

"""Each client error gets the message that explains it, and an unknown one a generic message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from custom_components.schoolbag.client import (
    DoubleAuthRequired,
    InvalidCredentials,
    IpSuspended,
    NotFound,
    NotSupported,
    PermissionDenied,
    SchoolError,
    ServerUnavailable,
    SessionExpired,
)
from custom_components.schoolbag.client.lectio import AccountLocked, MitIdOnly, UnknownSchool
from custom_components.schoolbag.client.models import Challenge, ChallengeKind
from custom_components.schoolbag.client.pronote import EntNotSupported
from custom_components.schoolbag.error_keys import translation_key_for

STRINGS = Path(__file__).parent.parent / "custom_components" / "schoolbag" / "strings.json"
EXCEPTIONS = json.loads(STRINGS.read_text(encoding="utf-8"))["exceptions"]


class NewPlatformError(SchoolError):
    """An error type the Home Assistant layer was not written for."""


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (InvalidCredentials("refused"), "invalid_auth"),
        (DoubleAuthRequired(Challenge(ChallengeKind.PIN, "PIN?")), "double_auth_required"),
        (SessionExpired("ended"), "session_expired"),
        (ServerUnavailable("down"), "server_unavailable"),
        (NotFound("no such student"), "not_found"),
        (NotSupported("no homework"), "not_supported"),
        # Subclasses get their parent's message unless they have their own.
        (PermissionDenied("no ScoView"), "permission_denied"),
        (IpSuspended("blocked"), "rate_limited"),
        (AccountLocked("locked", 900), "rate_limited"),
        (UnknownSchool("999"), "invalid_auth"),
        (MitIdOnly("MitID only"), "not_supported"),
        (EntNotSupported("antibot"), "not_supported"),
        (NewPlatformError("something new"), "unknown_error"),
        (SchoolError("plain"), "unknown_error"),
    ],
)
def test_error_gets_its_translated_message(error: SchoolError, key: str) -> None:
    assert translation_key_for(error) == key
    assert EXCEPTIONS[key]["message"]

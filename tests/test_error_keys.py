"""Each client error gets the message that explains it, and an unknown one a generic message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from custom_components.schoolbag.client import (
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    IpSuspendedError,
    NotFoundError,
    NotSupportedError,
    PermissionDeniedError,
    SchoolError,
    ServerUnavailableError,
    SessionExpiredError,
)
from custom_components.schoolbag.client.lectio import (
    AccountLockedError,
    MitIdOnlyError,
    UnknownSchoolError,
)
from custom_components.schoolbag.client.models import Challenge, ChallengeKind
from custom_components.schoolbag.client.pronote import EntNotSupportedError
from custom_components.schoolbag.error_keys import error_keys_for, translation_key_for

STRINGS = Path(__file__).parent.parent / "custom_components" / "schoolbag" / "strings.json"
EXCEPTIONS = json.loads(STRINGS.read_text(encoding="utf-8"))["exceptions"]
FORM_ERRORS = json.loads(STRINGS.read_text(encoding="utf-8"))["config"]["error"]


class NewPlatformError(SchoolError):
    """An error type the Home Assistant layer was not written for."""


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (InvalidCredentialsError("refused"), "invalid_auth"),
        (DoubleAuthRequiredError(Challenge(ChallengeKind.PIN, "PIN?")), "double_auth_required"),
        (SessionExpiredError("ended"), "session_expired"),
        (ServerUnavailableError("down"), "server_unavailable"),
        (NotFoundError("no such student"), "not_found"),
        (NotSupportedError("no homework"), "not_supported"),
        # Subclasses get their parent's message unless they have their own.
        (PermissionDeniedError("no ScoView"), "permission_denied"),
        (IpSuspendedError("blocked"), "rate_limited"),
        (AccountLockedError("locked", 900), "rate_limited"),
        (UnknownSchoolError("999"), "invalid_auth"),
        (MitIdOnlyError("MitID only"), "not_supported"),
        (EntNotSupportedError("antibot"), "not_supported"),
        (NewPlatformError("something new"), "unknown_error"),
        (SchoolError("plain"), "unknown_error"),
    ],
)
def test_error_gets_its_translated_message(error: SchoolError, key: str) -> None:
    assert translation_key_for(error) == key
    assert EXCEPTIONS[key]["message"]


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (InvalidCredentialsError("refused"), "invalid_auth"),
        # Every server fault reads "could not connect" to someone typing a login.
        (ServerUnavailableError("down"), "cannot_connect"),
        (SessionExpiredError("ended"), "cannot_connect"),
        (IpSuspendedError("blocked"), "rate_limited"),
        (PermissionDeniedError("no ScoView"), "permission_denied"),
        (NotFoundError("no such department"), "not_found"),
        (MitIdOnlyError("MitID only"), "not_supported"),
        (NewPlatformError("something new"), "unknown"),
    ],
)
def test_error_gets_its_form_message(error: SchoolError, key: str) -> None:
    assert error_keys_for(error).form == key
    assert FORM_ERRORS[key]

"""Captures: what the format refuses, and the redaction of unusual values."""

from __future__ import annotations

import json

import pytest

from custom_components.schoolbag.client.capture import CaptureRecorder, dumps, loads
from custom_components.schoolbag.client.capture.format import CaptureFormatError
from custom_components.schoolbag.client.capture.redact import Redactor
from custom_components.schoolbag.client.http.recording import Exchange
from custom_components.schoolbag.client.models import SchoolPlatform


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("not json", "not JSON"),
        ("[]", "not a Schoolbag capture"),
        (json.dumps({"format": "other"}), "not a Schoolbag capture"),
        (json.dumps({"format": "schoolbag-capture", "version": 99}), "not supported"),
        (json.dumps({"format": "schoolbag-capture", "version": 1}), "no exchanges"),
    ],
)
def test_anything_but_a_capture_is_refused(text: str, reason: str) -> None:
    with pytest.raises(CaptureFormatError, match=reason):
        loads(text)


def test_unusual_people_and_cookies_are_redacted() -> None:
    redactor = Redactor()
    redactor.person_name("lea.martin@example.com")
    redactor.person_name("123456")
    redactor.person_name("x")
    redactor.person_name(True)
    redactor.learn_headers([("Cookie", "broken cookie; sid=abc123secret")])
    text = "lea.martin@example.com 123456 sid=abc123secret x"
    redacted = redactor.apply(text)
    assert "lea.martin@example.com" not in redacted
    assert "123456" not in redacted
    assert "abc123secret" not in redacted
    assert redacted.endswith(" x")


def test_bodies_numbers_and_failures_are_recorded_redacted() -> None:
    recorder = CaptureRecorder(SchoolPlatform.ECOLEDIRECTE, secrets=["hunter22"], clock=lambda: 0)
    recorder.record(
        Exchange(
            method="POST",
            url="http://127.0.0.1/login",
            request_headers=[("Content-Type", "application/x-www-form-urlencoded")],
            request_body=b"password=hunter22",
            status=200,
            response_headers=[("Content-Type", "image/png")],
            response_body=b"\x89PNG\xff\xfe",
            content_type="image/png",
        )
    )
    recorder.record(
        Exchange(
            method="GET",
            url="http://127.0.0.1/empty",
            request_headers=[],
            request_body=None,
            error="ServerUnavailableError",
        )
    )
    capture = loads(dumps(recorder.capture(client={"data": {"pin": 4242, "on": True}})))
    text = json.dumps(capture)
    assert "hunter22" not in text
    first, second = capture["exchanges"]
    assert "binary body" in first["response"]["omitted"]
    assert second["response"] is None or second["response"].get("body") in (None, "")
    assert repr(recorder) == "CaptureRecorder(ecoledirecte, exchanges=2)"

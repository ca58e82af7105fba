"""Behaviour of the neutral models."""

from __future__ import annotations

from datetime import date

from custom_components.schoolbag.client import Credentials
from custom_components.schoolbag.client.models import GradeBook, Period, Student


def test_current_period_skips_the_yearly_one() -> None:
    year = Period("Y", "Année", date(2026, 9, 1), date(2027, 7, 5), yearly=True)
    first = Period("T1", "Trimestre 1", date(2026, 9, 1), date(2026, 11, 30))
    second = Period("T2", "Trimestre 2", date(2026, 12, 1), date(2027, 3, 10))
    book = GradeBook(periods=(year, first, second))
    assert book.current_period(date(2026, 11, 24)) == first
    assert book.current_period(date(2026, 12, 1)) == second
    assert book.current_period(date(2027, 6, 1)) is None


def test_student_full_name() -> None:
    assert Student("1", "Emma", "MARTIN").full_name == "Emma MARTIN"
    assert Student("2", "", "MARTIN").full_name == "MARTIN"


def test_credentials_repr_hides_secrets() -> None:
    credentials = Credentials("emma", "s3cr3t-pass", {"cn": "cn-value", "cv": "cv-value"})
    text = repr(credentials)
    assert "emma" in text
    for secret in ("s3cr3t-pass", "cn-value", "cv-value"):
        assert secret not in text

"""The days the day benchmark plays (no Home Assistant import: pytest loads it first)."""

from __future__ import annotations

from datetime import date, timedelta

# A school week with lessons Monday to Friday in every simulator; a week in the holidays.
MONDAY = date(2026, 3, 9)
SATURDAY = MONDAY + timedelta(days=5)
HOLIDAY_MONDAY = MONDAY + timedelta(days=35)
# Where day_play.py writes its figures for day.py.
OUT_VARIABLE = "SCHOOLBAG_DAY_OUT"
PLATFORMS = ("pronote", "ecoledirecte", "lectio", "scodoc")

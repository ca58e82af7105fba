"""The consistency rules every simulator's demo data keeps, and the days they are checked on.

Shared by the consistency tests of each platform: a class's minimum and maximum hold the
student's own figure and the class average; homework is set no later than today and no
later than it is due.
"""

from __future__ import annotations

from datetime import date

DAYS = [
    date(2026, 10, 7),  # a Wednesday in term
    date(2026, 12, 6),  # a Sunday
    date(2026, 12, 31),  # Christmas holidays
    date(2026, 8, 1),  # summer holidays
    date(2028, 2, 29),  # leap day
]


def _out_of_order(lower: float | None, upper: float | None) -> bool:
    """Whether two numbers are in the wrong order (never when one is not a number: None)."""
    return lower is not None and upper is not None and lower > upper


def class_figure_errors(
    what: str,
    value: float | None,
    class_min: float | None,
    class_max: float | None,
    class_average: float | None = None,
) -> list[str]:
    """What is wrong with a figure next to its class's minimum, maximum and average.

    ``None`` stands for what is not a number (special marks, blanks): it is not compared.
    """
    errors: list[str] = []
    if _out_of_order(class_min, value):
        errors.append(f"{what}: class minimum {class_min} above {value}")
    if _out_of_order(value, class_max):
        errors.append(f"{what}: class maximum {class_max} below {value}")
    if _out_of_order(class_min, class_average) or _out_of_order(class_average, class_max):
        errors.append(f"{what}: class average {class_average} outside [{class_min}, {class_max}]")
    return errors


def homework_date_errors(what: str, given: date, due: date, today: date) -> list[str]:
    """What is wrong with the day homework was set (after today, or after it is due)."""
    errors: list[str] = []
    if given > today:
        errors.append(f"{what}: set on {given}, after today {today}")
    if given > due:
        errors.append(f"{what}: set on {given}, after it is due on {due}")
    return errors

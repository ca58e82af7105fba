"""Which lunch is "next", and a student whose platform keeps no grade book."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from custom_components.schoolbag.client.models import (
    Dish,
    DishKind,
    Food,
    Meal,
    MenuDay,
    MenuMeal,
    Student,
)
from custom_components.schoolbag.data import StudentData

PARIS = ZoneInfo("Europe/Paris")
MONDAY = date(2026, 11, 30)
TUESDAY, WEDNESDAY, THURSDAY = (MONDAY + timedelta(days=n) for n in (1, 2, 3))


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=PARIS)


def _meal(meal: Meal, *names: str) -> MenuMeal:
    dishes = tuple(Dish(DishKind.MAIN, (Food(name),)) for name in names)
    return MenuMeal(meal, str(meal), dishes)


def _student(*menus: MenuDay) -> StudentData:
    return StudentData(student=Student("1", "Léa", "MARTIN"), menus=menus)


MONDAY_LUNCH = _meal(Meal.LUNCH, "Lasagnes")
THURSDAY_LUNCH = _meal(Meal.LUNCH, "Saumon")
WEEK = (
    # Out of order on purpose: the next lunch is found by date.
    MenuDay(THURSDAY, (THURSDAY_LUNCH,)),
    MenuDay(MONDAY, (MONDAY_LUNCH,)),
    # Only a dinner, then a lunch announced without its dishes yet.
    MenuDay(TUESDAY, (_meal(Meal.DINNER, "Soupe"),)),
    MenuDay(WEDNESDAY, (_meal(Meal.LUNCH),)),
)


def test_todays_lunch_is_next_until_lunch_is_over() -> None:
    data = _student(*WEEK)
    assert data.next_lunch(_at(MONDAY, 7)) == (MONDAY, MONDAY_LUNCH)
    assert data.next_lunch(_at(MONDAY, 13)) == (MONDAY, MONDAY_LUNCH)


def test_after_lunch_the_next_day_with_a_lunch_menu_comes_next() -> None:
    data = _student(*WEEK)
    # Tuesday has a dinner only and Wednesday's lunch has no dishes: both are skipped.
    assert data.next_lunch(_at(MONDAY, 14)) == (THURSDAY, THURSDAY_LUNCH)
    assert data.next_lunch(_at(TUESDAY, 9)) == (THURSDAY, THURSDAY_LUNCH)


def test_no_next_lunch_once_the_last_one_is_over() -> None:
    data = _student(*WEEK)
    assert data.next_lunch(_at(THURSDAY, 15)) is None
    assert data.next_lunch(_at(THURSDAY + timedelta(days=1), 9)) is None
    assert _student().next_lunch(_at(MONDAY, 9)) is None


def test_without_a_grade_book_there_is_no_grade_or_skill() -> None:
    data = _student()
    assert data.grades is None
    assert data.given_grades() == []
    assert data.latest_grade() is None
    assert data.latest_skill() is None

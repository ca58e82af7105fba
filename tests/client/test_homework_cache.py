"""The homework day cache: reuse, invalidation by ids and by age."""

from __future__ import annotations

from datetime import date

from custom_components.schoolbag.client.ecoledirecte.homework_cache import HomeworkDayCache
from custom_components.schoolbag.client.ecoledirecte.parsers_homework import HomeworkEntry
from custom_components.schoolbag.client.models import Homework

DAY = date(2026, 11, 26)


def _entry(homework_id: str, done: bool = False) -> HomeworkEntry:
    return HomeworkEntry(homework_id, "MATHS", DAY, None, done, False)


def test_reuse_with_fresh_done_flags_then_expire_by_age() -> None:
    now = [1000.0]
    cache = HomeworkDayCache(max_age=60, clock=lambda: now[0])
    work = Homework("1", "MATHS", DAY, "Exercice 3")
    cache.put("7", DAY, [_entry("1")], [work])

    reused = cache.get("7", DAY, [_entry("1", done=True)])
    assert reused == [Homework("1", "MATHS", DAY, "Exercice 3", done=True)]

    now[0] += 61
    assert cache.get("7", DAY, [_entry("1")]) is None


def test_changed_ids_or_other_student_need_a_fetch() -> None:
    cache = HomeworkDayCache()
    cache.put("7", DAY, [_entry("1")], [Homework("1", "MATHS", DAY, "x")])
    assert cache.get("7", DAY, [_entry("1"), _entry("2")]) is None
    assert cache.get("8", DAY, [_entry("1")]) is None


def test_past_days_are_forgotten() -> None:
    cache = HomeworkDayCache()
    cache.put("7", DAY, [_entry("1")], [Homework("1", "MATHS", DAY, "x")])
    cache.forget_before(date(2026, 11, 27))
    assert cache.get("7", DAY, [_entry("1")]) is None

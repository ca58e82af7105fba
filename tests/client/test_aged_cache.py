"""Values that change a few times a term are served while young enough (and, for marked
values, while a cheaper page shows the same sign of them), then dropped."""

from __future__ import annotations

from custom_components.schoolbag.client.aged_cache import AgedCache, MarkedCache


def test_a_value_is_served_until_its_age_then_dropped() -> None:
    cache: AgedCache[str, int] = AgedCache(max_age=60.0)
    cache.put("a", 0.0, 1)
    cache.put("b", 30.0, 2)
    assert cache.get("a", 59.9) == 1
    assert cache.get("a", 60.0) is None
    assert cache.get("missing", 0.0) is None
    cache.put("c", 61.0, 3)
    # Storing forgets what is past its age.
    assert sorted(cache) == ["b", "c"]
    assert len(cache) == 2


def test_a_marked_value_is_served_only_with_its_mark_and_while_young() -> None:
    cache: MarkedCache[str, int, str] = MarkedCache(max_age=60.0)
    cache.put("a", 0.0, 3, "three unread")
    assert cache.get("a", 59.9, 3) == "three unread"
    # The cheaper page shows another sign: the value may have changed.
    assert cache.get("a", 10.0, 4) is None
    assert cache.get("a", 60.0, 3) is None
    assert cache.get("b", 0.0, 3) is None
    cache.put("a", 70.0, 4, "four unread")
    assert cache.get("a", 70.0, 4) == "four unread"
    assert cache.get("a", 70.0, 3) is None

"""Answers that change a few times a term, served again while they are young enough."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator

# Taken off an age given in hours, so that a refresh every half hour reads the data again on
# that hour even when it asks a little earlier in its run than it did the last time.
_EARLY = 600.0


def hours_less_a_margin(hours: float) -> float:
    """A max age of about ``hours``: ten minutes short, in seconds."""
    return hours * 3600.0 - _EARLY


class AgedCache[Key, Value]:
    """Values by key, each served for ``max_age`` seconds after it was read.

    An entry past its age is never served again, so storing a value drops them all: the
    cache holds only what was read within the last ``max_age`` seconds.
    """

    def __init__(self, max_age: float) -> None:
        self._max_age = max_age
        self._values: dict[Key, tuple[float, Value]] = {}

    def __len__(self) -> int:
        """Number of values held."""
        return len(self._values)

    def __iter__(self) -> Iterator[Key]:
        """The keys held."""
        return iter(self._values)

    def get(self, key: Key, now: float) -> Value | None:
        """The value read less than ``max_age`` seconds before ``now``, else None."""
        entry = self._values.get(key)
        if entry is None or now - entry[0] >= self._max_age:
            return None
        return entry[1]

    def put(self, key: Key, now: float, value: Value) -> None:
        """Keep ``value`` as read at ``now``; forget the values past their age."""
        self._values = {
            other: entry for other, entry in self._values.items() if now - entry[0] < self._max_age
        }
        self._values[key] = (now, value)

    async def get_or_read(
        self, key: Key, clock: Callable[[], float], read: Callable[[], Awaitable[Value]]
    ) -> Value:
        """The value young enough at ``clock()``, else what ``read`` returns, then kept."""
        now = clock()
        kept = self.get(key, now)
        if kept is None:
            kept = await read()
            self.put(key, now, kept)
        return kept


class MarkedCache[Key, Mark, Value]:
    """Values kept while a cheaper page still shows the same sign of them (their mark).

    A value is served for at most ``max_age`` seconds, and only to a caller that brings the
    mark it was stored with: when the mark changed, the value may have changed too.
    """

    def __init__(self, max_age: float) -> None:
        self._aged: AgedCache[Key, tuple[Mark, Value]] = AgedCache(max_age)

    def get(self, key: Key, now: float, mark: Mark) -> Value | None:
        """The value stored with ``mark`` less than ``max_age`` seconds before ``now``."""
        kept = self._aged.get(key, now)
        if kept is None or kept[0] != mark:
            return None
        return kept[1]

    def put(self, key: Key, now: float, mark: Mark, value: Value) -> None:
        """Keep ``value``, read at ``now`` while the cheaper page showed ``mark``."""
        self._aged.put(key, now, (mark, value))

    async def get_or_read(
        self,
        key: Key,
        clock: Callable[[], float],
        mark: Mark,
        read: Callable[[], Awaitable[Value]],
    ) -> Value:
        """The value kept with ``mark``, young enough at ``clock()``; else ``read``, then kept."""
        now = clock()
        kept = self.get(key, now, mark)
        if kept is None:
            kept = await read()
            self.put(key, now, mark, kept)
        return kept

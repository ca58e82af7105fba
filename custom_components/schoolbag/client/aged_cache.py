"""Answers that change a few times a term, served again while they are young enough."""

from __future__ import annotations

from collections.abc import Iterator


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

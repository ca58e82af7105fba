"""Running independent reads at once, or one after the other, with the errors of one."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from typing import Any

type Read = Callable[[], Coroutine[Any, Any, None]]


async def run_reads(reads: Iterable[Read], *, together: bool) -> None:
    """Await every read: all at once when ``together``, else in order.

    Either way the first error raised is the one the caller sees (not an ExceptionGroup);
    reads still running when one fails are cancelled.
    """
    pending = list(reads)
    if not together or len(pending) < 2:
        for read in pending:
            await read()
        return
    try:
        async with asyncio.TaskGroup() as group:
            for read in pending:
                group.create_task(read())
    except ExceptionGroup as failed:
        raise failed.exceptions[0] from None


class Result[T]:
    """Where a read of :class:`Reads` leaves its answer."""

    def __init__(self) -> None:
        """Empty until its read has run."""
        self._value: T
        self._set = False

    def set(self, value: T) -> None:
        """Keep the read's answer."""
        self._value = value
        self._set = True

    @property
    def value(self) -> T:
        """The read's answer; an error before the read has run."""
        if not self._set:
            raise RuntimeError("the read has not run")
        return self._value


class Reads:
    """Reads gathered first, then run together or in turn by :func:`run_reads`."""

    def __init__(self) -> None:
        """No read yet."""
        self._reads: list[Read] = []

    def add[T](self, read: Callable[[], Awaitable[T]]) -> Result[T]:
        """Queue ``read``; its answer will be in the returned result."""
        result = Result[T]()

        async def run() -> None:
            result.set(await read())

        self._reads.append(run)
        return result

    async def run(self, *, together: bool) -> None:
        """Run every queued read (see :func:`run_reads`)."""
        await run_reads(self._reads, together=together)

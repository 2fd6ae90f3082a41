"""The one place that runs work in other processes: a pool of workers over many items.

Nothing else in the library starts a process, and what runs in a worker is an ordinary
function that neither knows nor cares where it runs. A worker that dies (killed, out of
memory) costs only the items it could have been working on: they are run again, and an item
whose own process dies once more gives :class:`WorkerDied` in place of its result, while
every other item keeps its result.
"""

from __future__ import annotations

import collections
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Generic, TypeVar

import attrs

__all__ = ["WorkerDied", "fork_context", "iter_in_processes", "map_in_processes"]

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")


@attrs.frozen
class WorkerDied:
    """In place of a result: the process running this item ended before it gave one back,
    and so did a process of its own that ran it again."""


def fork_context() -> Any:
    """The fork start method where the platform has it (workers then share what the parent
    has already imported and loaded), else None (the platform's default)."""
    import multiprocessing

    return (
        multiprocessing.get_context("fork")
        if "fork" in multiprocessing.get_all_start_methods()
        else None
    )


@attrs.frozen
class _Chunk(Generic[_Item, _Result]):
    """A function and the items it is applied to in one worker task (picklable as long as
    the function is a module-level one or a ``functools.partial`` of one)."""

    function: Callable[[_Item], _Result]

    def __call__(self, items: list[_Item]) -> list[_Result]:
        return [self.function(item) for item in items]


def map_in_processes(
    function: Callable[[_Item], _Result],
    items: Sequence[_Item],
    workers: int,
    chunksize: int = 1,
) -> list[_Result | WorkerDied]:
    """``function`` applied to each item in ``workers`` processes, results in item order.

    Items go to the workers ``chunksize`` at a time. When a worker dies, the pool breaks and
    every item not yet back is lost; those are run again in a new pool one at a time, and
    any lost once more are each run alone in a process of its own, so only an item whose own
    process dies gives :class:`WorkerDied`. An exception ``function`` raises is raised here.
    """
    results: dict[int, _Result | WorkerDied] = {}
    lost = _run_pool(_Chunk(function), items, range(len(items)), workers, chunksize, results)
    if lost:
        lost = _run_pool(_Chunk(function), items, lost, workers, 1, results)
    for index in lost:  # alone, a process can only die of its own item
        if _run_pool(_Chunk(function), items, [index], 1, 1, results):
            results[index] = WorkerDied()
    return [results[index] for index in range(len(items))]


def _run_pool(
    chunk: _Chunk[_Item, _Result],
    items: Sequence[_Item],
    indices: Sequence[int],
    workers: int,
    chunksize: int,
    results: dict[int, _Result | WorkerDied],
) -> list[int]:
    """Run the items at ``indices`` in one pool, filling ``results``; the indices of the
    items lost when a worker died."""
    groups = [
        list(indices[start : start + chunksize]) for start in range(0, len(indices), chunksize)
    ]
    lost: list[int] = []
    with ProcessPoolExecutor(max(1, workers), mp_context=fork_context()) as pool:
        futures = [pool.submit(chunk, [items[index] for index in group]) for group in groups]
        for group, future in zip(groups, futures, strict=True):
            try:
                done = future.result()
            except BrokenProcessPool:
                lost.extend(group)
                continue
            results.update(zip(group, done, strict=True))
    return lost


def iter_in_processes(
    function: Callable[[_Item], _Result],
    items: Sequence[_Item],
    workers: int,
    chunksize: int = 1,
    ahead: int = 2,
) -> Iterator[_Result | WorkerDied]:
    """``function`` applied to each item in ``workers`` processes, each result given in item
    order as soon as it and those before it are back, as :func:`map_in_processes` gives
    them all at once.

    Items go to the workers ``chunksize`` at a time, and at most ``ahead`` chunks per worker
    are sent beyond the one being given: the workers keep working while the caller uses a
    result, and only that many results wait here. When a worker dies, every item not yet
    given is run again as :func:`map_in_processes` runs them, so only an item whose own
    process dies gives :class:`WorkerDied`. An exception ``function`` raises is raised here.
    """
    chunk = _Chunk(function)
    size = max(1, chunksize)
    starts = range(0, len(items), size)
    lost_from: int | None = None
    with ProcessPoolExecutor(max(1, workers), mp_context=fork_context()) as pool:
        pending: collections.deque[Any] = collections.deque()
        sent = iter(starts)
        for start in starts:
            for later in sent:
                pending.append(pool.submit(chunk, list(items[later : later + size])))
                if len(pending) > max(1, workers) * ahead:
                    break
            try:
                done = pending.popleft().result()
            except BrokenProcessPool:
                lost_from = start
                break
            yield from done
    if lost_from is not None:
        yield from map_in_processes(function, items[lost_from:], workers)

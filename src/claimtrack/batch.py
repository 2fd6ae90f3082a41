"""Checking many files: paths or loaded documents in, one result per file out, in order.

Each file is checked by :mod:`claimtrack.pipeline`. Around it, this module adds what only a
batch needs: a file unchanged since an earlier run takes its result from the cache (a run
whose every file does never imports the parsers, the model or the checks); enough files are
spread over worker processes (:mod:`claimtrack.concurrency`); and the baseline is applied to
every result, however it was made. A broken file is a value in the results, never an
exception, and never stops the others.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Generator, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, cast

import attrs

from claimtrack.findings import SuppressedFinding
from claimtrack.io.cache import CachedResult, CacheHit, ResultCache, record_ids
from claimtrack.io.cache_rows import entry_key
from claimtrack.io.names import display_name
from claimtrack.results import CheckResult, FileResult
from claimtrack.settings import CheckSettings

if TYPE_CHECKING:
    from claimtrack.io.load import LoadedDocument
    from claimtrack.model import ClaimFile
    from claimtrack.pipeline import CheckedPath
    from claimtrack.validate.library import SourceLibrary

__all__ = ["Input", "check", "iter_check"]

#: What :func:`check` takes: a path, or a document already loaded.
Input: TypeAlias = "str | os.PathLike[str] | LoadedDocument"

#: Each worker costs a process start; below this many files per worker it does not pay.
_FILES_PER_WORKER = 8


def check(inputs: Iterable[Input] | Input, settings: CheckSettings | None = None) -> CheckResult:
    """Check claim files (paths, folders, globs or loaded documents) and return every
    finding, in the order given; a folder or glob stands for the claim files it names, found
    as the command line finds them, and one naming none is a result with an E100 finding.

    Never raises for bad input: an unreadable or invalid file is a result with findings.
    With ``settings.cache`` unchanged files reuse their last results; with
    ``settings.jobs`` above 1, large batches of paths are checked in worker processes. The
    findings are the same either way. A result keeps the file's records (and the snapshot
    read) only with ``settings.keep_records``, and its loaded document only with
    ``settings.keep_documents``; :func:`iter_check` gives the same results one at a time.
    """
    return CheckResult(tuple(iter_check(inputs, settings)))


def iter_check(
    inputs: Iterable[Input] | Input, settings: CheckSettings | None = None
) -> Iterator[FileResult]:
    """The results :func:`check` gives, one file at a time and in the same order.

    A file is read and checked when its result is asked for, and nothing of it is kept here
    once its result is handed over; a caller that keeps only what it needs of each result
    (a row in a database, a count) checks any number of files in the memory of one. Worker
    processes and the cache work as in :func:`check`; the cache is saved when the last
    result has been given (or the iteration is closed early).
    """
    settings = settings or CheckSettings()
    items: Sequence[Input]
    if isinstance(inputs, str | os.PathLike) or _is_document(inputs):
        items = [cast("Input", inputs)]
    else:
        items = list(cast("Iterable[Input]", inputs))
    from claimtrack._expand import expand_inputs

    # Folders and globs, as the command line finds them; the status each file's name was
    # told by is kept for the cache, which would otherwise take it again.
    statuses: dict[str, os.stat_result] | None = None if settings.cache is None else {}
    expanded = expand_inputs(items, statuses)
    if settings.library is not None:  # its files are checked as the library, not as claims
        library = settings.library
        expanded = [i for i in expanded if not _is_library_file(i, library)]
    paths = [i for i in expanded if isinstance(i, str | os.PathLike)]
    cited: set[str] = set()  # the shared sources the files cite
    by_path = _check_paths(paths, settings, cited, statuses or {})
    try:
        for item in expanded:
            if isinstance(item, FileResult):
                yield item
            elif isinstance(item, str | os.PathLike):
                yield next(by_path)
            else:
                from claimtrack.pipeline import check_document

                result = check_document(item, settings)
                cited.update(_cited_in(result, settings))
                yield _kept(result, settings)
    finally:
        by_path.close()  # saves the cache, however the iteration ended
    if settings.library is not None and settings.library_results:
        from claimtrack.shared_sources import library_results

        judged = cited if settings.library_unused else None
        yield from library_results(settings.library, judged, settings)


def _is_library_file(item: object, library: SourceLibrary) -> bool:
    return isinstance(item, str | os.PathLike) and library.holds(item)


def _cited_in(result: FileResult, settings: CheckSettings) -> set[str]:
    """The shared sources a document's claims cite."""
    if settings.library is None or result.claim_file is None:
        return set()
    shared = settings.library.sources
    return {c.source for claim in result.claim_file.claims for c in claim.citations} & set(shared)


def _is_document(item: object) -> bool:
    # Nothing can be a loaded document before the loader's module is imported; looking it
    # up this way keeps a run whose files all come from the cache from importing it.
    load = sys.modules.get("claimtrack.io.load")
    return load is not None and isinstance(item, load.LoadedDocument)


def _check_paths(
    paths: list[str | os.PathLike[str]],
    settings: CheckSettings,
    cited: set[str],
    statuses: dict[str, os.stat_result],
) -> Generator[FileResult, None, None]:
    """Results for paths, in order: from the cache where it holds, else checked (in worker
    processes when there are enough) and remembered in the cache; the baseline applied to
    each. A file checked here is read when its result is asked for, and only what the
    settings keep of it outlives that. The shared sources the files cite are added to
    ``cited``; ``statuses`` holds the status already taken of some paths, by name."""
    hits: dict[int, FileResult] = {}
    todo: list[int] = []
    read: dict[int, bytes] = {}  # bytes read for a cache lookup, reused when it misses
    keys: dict[int, str] = {}  # the cache keys of the files to check
    cache = settings.cache
    cwd = os.getcwd()
    for index, item in enumerate(paths):
        if cache is not None:
            name = display_name(item)
            key = entry_key(name, item, cwd)
            hit, content = cache.lookup(key, item, statuses.get(os.fspath(item)))
            result = None if hit is None else _hit_result(name, hit, cache, settings)
            if result is not None:
                hits[index] = result
                cited.update(hit.cited if hit is not None else ())
                continue
            keys[index] = key
            if content is not None:
                read[index] = content
        todo.append(index)
    from claimtrack.results import apply_baseline

    checked = _checked(paths, todo, read, settings)
    try:
        for index in range(len(paths)):
            result = hits.pop(index, None)
            if result is None:
                fresh = next(checked)
                cited.update(fresh.cited)
                if cache is not None and fresh.content_sha256 is not None:
                    cache.store(
                        keys[index],
                        paths[index],
                        fresh.content_sha256,
                        _cached(fresh),
                        fresh.snapshot,
                    )
                result = _kept(fresh.result, settings)
                del fresh  # the file's document and records, unless kept, go here
            yield apply_baseline(result, settings.baseline)
    finally:
        checked.close()
        if cache is not None:  # also when every file hit: signatures taken, index resealed
            cache.save()


def _kept(result: FileResult, settings: CheckSettings) -> FileResult:
    """What the settings keep of a result: its records and snapshot only with
    ``keep_records``, its loaded document only with ``keep_documents``."""
    records = settings.keep_records or (result.claim_file is None and result.snapshot is None)
    if records and (settings.keep_documents or result.document is None):
        return result
    return attrs.evolve(
        result,
        document=result.document if settings.keep_documents else None,
        claim_file=result.claim_file if settings.keep_records else None,
        snapshot=result.snapshot if settings.keep_records else None,
        source_snapshots=result.source_snapshots if settings.keep_records else None,
    )


def _checked(
    paths: list[str | os.PathLike[str]],
    todo: list[int],
    read: dict[int, bytes],
    settings: CheckSettings,
) -> Generator[CheckedPath, None, None]:
    """The files at ``todo`` checked for real, in order: in worker processes when there
    are enough of them for ``settings.jobs``, else here, one file at a time as they are
    asked for, reusing the bytes ``read`` for the cache."""
    from claimtrack.pipeline import check_path

    plain = attrs.evolve(settings, cache=None, baseline=None)
    workers = max(1, min(settings.jobs, len(todo) // _FILES_PER_WORKER))
    if workers == 1:
        for index in todo:
            yield check_path(paths[index], plain, read.pop(index, None))
        return
    from claimtrack.concurrency import WorkerDied, map_in_processes

    names = [os.fspath(paths[index]) for index in todo]
    sent = map_in_processes(
        functools.partial(_check_in_worker, settings=plain),
        names,
        workers,
        chunksize=max(1, len(todo) // (workers * 4)),
    )
    for name, item in zip(names, sent, strict=True):
        yield _died(name) if isinstance(item, WorkerDied) else _received(item)


# What a worker process sends back for one path: its name, its result as plain data (see
# CachedResult.to_data), the SHA-256 of its bytes (None if it could not be read), the
# snapshot it depended on, and its records when the settings keep them.
_Sent = tuple[str, dict[str, Any], str | None, Any, "ClaimFile | None"]


def _check_in_worker(item: str, settings: CheckSettings) -> _Sent:
    """:func:`~claimtrack.pipeline.check_path` in a worker process. The findings cross back
    as plain lists (far quicker to pickle than objects), rebuilt by :func:`_received`; the
    loaded document stays behind."""
    from claimtrack.pipeline import check_path

    checked = check_path(item, settings)
    records = checked.result.claim_file if settings.keep_records else None
    data = _cached(checked).to_data()
    return checked.result.path, data, checked.content_sha256, checked.snapshot, records


def _received(sent: _Sent) -> CheckedPath:
    """The checked path a worker process sent."""
    from claimtrack.pipeline import CheckedPath

    name, data, content_sha256, snapshot, records = sent
    cached = CachedResult.from_data(data)
    result = _from_cache(name, cached)
    # As in one process: a file that could not be read has no record ids at all.
    result = attrs.evolve(
        result,
        claim_file=records,
        record_data=result.record_data if content_sha256 is not None else None,
    )
    return CheckedPath(result, content_sha256, snapshot, cached.cited)


def _died(name: str) -> CheckedPath:
    """The result of a file whose worker process died checking it, twice."""
    from claimtrack import rules
    from claimtrack.findings import Location
    from claimtrack.pipeline import CheckedPath

    finding = rules.finding(
        rules.UNREADABLE,
        f"The process checking {name!r} ended before it gave a result (it was killed or ran"
        " out of memory), and did so again when the file was checked on its own.",
        Location(path=name, line=1, column=1),
        hint="Check this file alone with --jobs 1 to see what stops it; if it is not too"
        " large for this machine, please report it.",
    )
    return CheckedPath(FileResult(path=name, findings=(finding,)), None)


def _cached(checked: CheckedPath) -> CachedResult:
    """What the cache keeps of a checked path (and what a worker sends back of it)."""
    result = checked.result
    return CachedResult(
        findings=result.findings,
        suppressed=tuple((item.finding, item.reason) for item in result.suppressed),
        claim_ids=record_ids(result.record_data, "claims"),
        source_ids=record_ids(result.record_data, "sources"),
        cited=checked.cited,
    )


def _from_cache(name: str, hit: CachedResult) -> FileResult:
    """The result of the file ``name`` as the cache (or a worker process) kept it."""
    return FileResult(
        path=name,
        findings=hit.findings,
        suppressed=tuple(SuppressedFinding(finding, reason) for finding, reason in hit.suppressed),
        record_data=hit.record_data(),
    )


def _hit_result(
    name: str, hit: CacheHit, cache: ResultCache, settings: CheckSettings
) -> FileResult | None:
    """A cache hit's result: its severity alone when the findings are not wanted, else its
    findings read back (None when they cannot be: the file is then checked again)."""
    if not settings.keep_findings and settings.baseline is None:
        if hit.severest is None:  # nothing to leave out
            return FileResult(path=name, findings=())
        return FileResult(path=name, findings=(), omitted_severest=hit.severest)
    cached = cache.result(hit)
    return None if cached is None else _from_cache(name, cached)

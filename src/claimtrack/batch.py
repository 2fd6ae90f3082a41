"""Orchestration: paths or loaded documents in, findings out.

Each file is checked by :mod:`claimtrack.pipeline` (load → schema → model → integrity →
sourcing flags → selection, suppressions and severities), then the baseline is applied. A
file unchanged since an earlier run takes its result from the cache instead; a run whose
every file does never imports the parsers, the model or the checks. A broken file is a value
in the results, never an exception, and never stops the others.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, cast

import attrs

from claimtrack._version import __version__
from claimtrack.findings import Finding, Severity, SuppressedFinding
from claimtrack.io.cache import (
    CachedResult,
    CacheHit,
    ResultCache,
    fingerprint,
    record_skeleton,
    severest,
)
from claimtrack.io.limits import Limits
from claimtrack.io.names import display_name
from claimtrack.lint.selection import RuleSelection
from claimtrack.schema import schema_text

if TYPE_CHECKING:
    from claimtrack.io.load import LoadedDocument
    from claimtrack.io.snapshot import SnapshotText
    from claimtrack.lint.baseline import Baseline, BaselineEntry
    from claimtrack.model import ClaimFile
    from claimtrack.pipeline import Outcome

__all__ = [
    "CheckResult",
    "CheckSettings",
    "FileResult",
    "apply_baseline",
    "check",
    "check_document",
    "from_cache",
    "record_ids",
    "skeleton",
]

#: What :func:`check` takes: a path, or a document already loaded.
Input: TypeAlias = "str | os.PathLike[str] | LoadedDocument"


@attrs.frozen(kw_only=True)
class CheckSettings:
    """How to check: input limits, the folder snapshots may not leave, which flags run (and
    how severe they are), and a baseline of known findings."""

    limits: Limits = attrs.field(factory=Limits)
    project_root: Path | None = None
    rules: RuleSelection = attrs.field(factory=RuleSelection)
    baseline: Baseline | None = None
    cache: ResultCache | None = None
    jobs: int = 1
    #: Whether each result keeps the file's records (``claim_file``) when it comes from a
    #: worker process or the cache. A caller that needs only the findings (the ``check``
    #: command) turns it off, so workers send back findings alone. Cached results never
    #: carry records.
    keep_records: bool = True
    #: Whether results from the cache carry their findings. A caller that needs only an
    #: exit status (the ``check`` command printing nothing) turns it off: a cached result
    #: then carries the severity of its most severe finding (:attr:`FileResult.severest`)
    #: and no findings, suppressed findings or record ids, and the cache decodes none. With
    #: a baseline the findings are always read, since the baseline needs them.
    keep_findings: bool = True

    def fingerprint(self) -> str:
        """What a cached result depends on besides the files: version, schema, settings."""
        return fingerprint(
            __version__,
            schema_text(),
            repr(self.limits),
            str(self.project_root),
            # Sorted: a frozenset's order changes from one process to the next.
            repr(sorted(self.rules.enabled) if self.rules.enabled is not None else None),
            repr(sorted((code, str(level)) for code, level in self.rules.severities.items())),
        )


@attrs.frozen(kw_only=True)
class FileResult:
    """What checking one file gave: its findings, its records if it loaded, and the
    document snapshot as read (when the claim file names one), so reports need not read it
    again.

    ``findings`` are those that count; ``suppressed`` were silenced by the claims'
    suppressions, ``baselined`` are in the baseline, and ``fixed`` are baseline entries of
    this file that no longer match anything.
    """

    path: str
    findings: tuple[Finding, ...]
    claim_file: ClaimFile | None = None
    document: LoadedDocument | None = None
    suppressed: tuple[SuppressedFinding, ...] = ()
    baselined: tuple[Finding, ...] = ()
    fixed: tuple[BaselineEntry, ...] = ()
    snapshot: SnapshotText | None = None
    #: The ids of the file's claims and sources, by position (``{"claims": [{"id": ...}],
    #: "sources": [...]}``): what baselines and SARIF fingerprints key findings by. Kept even
    #: when the document is not (cached results, results from worker processes).
    record_data: Any = None
    #: True for a result from the cache whose findings were left out (see
    #: ``CheckSettings.keep_findings``); ``omitted_severest`` then stands in for them.
    findings_omitted: bool = False
    omitted_severest: Severity | None = None

    @property
    def severest(self) -> Severity | None:
        """The severity of the most severe finding that counts, None when there is none."""
        return self.omitted_severest if self.findings_omitted else severest(self.findings)


@attrs.frozen
class CheckResult:
    """What checking several files gave, file by file in the order given."""

    files: tuple[FileResult, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding of every file, in file order then position order."""
        return tuple(finding for result in self.files for finding in result.findings)

    @property
    def suppressed(self) -> tuple[SuppressedFinding, ...]:
        """Every finding silenced by a suppression."""
        return tuple(item for result in self.files for item in result.suppressed)

    @property
    def baselined(self) -> tuple[Finding, ...]:
        """Every finding the baseline knows."""
        return tuple(finding for result in self.files for finding in result.baselined)

    @property
    def fixed(self) -> tuple[BaselineEntry, ...]:
        """Every baseline entry of a checked file that matched nothing."""
        return tuple(entry for result in self.files for entry in result.fixed)

    @property
    def severest(self) -> Severity | None:
        """The severity of the most severe finding of any file, None when there is none."""
        return max(
            (worst for result in self.files if (worst := result.severest) is not None),
            key=lambda severity: severity.rank,
            default=None,
        )

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for finding in self.findings if finding.severity is severity)


def check_document(document: LoadedDocument, settings: CheckSettings | None = None) -> FileResult:
    """Check one loaded document: schema, then (if it passes) integrity and sourcing flags;
    then the baseline."""
    from claimtrack.pipeline import evaluate

    settings = settings or CheckSettings()
    return apply_baseline(evaluate(document, settings), settings.baseline)


def apply_baseline(result: FileResult, baseline: Baseline | None, data: Any = None) -> FileResult:
    """Move a file's findings that the baseline knows to ``baselined``; note fixed entries.

    ``data`` (the file's parsed data, or a skeleton of its record ids) names the records
    findings point into; by default it is taken from the result's document.
    """
    if baseline is None:
        return result
    if data is None:
        data = result.record_data
    new, known, fixed = baseline.split(result.path, result.findings, data)
    return attrs.evolve(result, findings=tuple(new), baselined=tuple(known), fixed=tuple(fixed))


def skeleton(data: Any) -> dict[str, Any]:
    """Parsed file data reduced to the ids of its claims and sources, by position."""
    return record_skeleton(record_ids(data, "claims"), record_ids(data, "sources"))


def record_ids(data: Any, section: str) -> tuple[str | None, ...]:
    """The ids of the records of one section (``claims`` or ``sources``), None where a
    record has no usable id."""
    records = data.get(section) if isinstance(data, dict) else None
    if not isinstance(records, list):
        return ()
    return tuple(
        record.get("id") if isinstance(record, dict) and isinstance(record.get("id"), str) else None
        for record in records
    )


def from_cache(name: str, hit: CachedResult) -> FileResult:
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
        return FileResult(
            path=name, findings=(), findings_omitted=True, omitted_severest=hit.severest
        )
    cached = cache.result(hit)
    return None if cached is None else from_cache(name, cached)


def _cache_key(name: str, item: str | os.PathLike[str], cwd: str) -> str:
    # The name findings carry, and the file it names from here (``cwd``: the current folder,
    # read once per run). Where a link leads needs no part in the key: the file's signature
    # and hash are those of what it leads to.
    return f"{name}\n{os.path.normpath(os.path.join(cwd, item))}"


def _worker_count(settings: CheckSettings, files: int) -> int:
    # Each worker costs a process start; below a few files per worker it does not pay.
    return max(1, min(settings.jobs, files // _FILES_PER_WORKER))


_FILES_PER_WORKER = 8


def _run_paths(
    paths: list[str | os.PathLike[str]], settings: CheckSettings
) -> list[Outcome | FileResult]:
    """Check files, reusing cached results and spreading the rest over worker processes."""
    done: list[Outcome | FileResult | None] = [None] * len(paths)
    todo: list[int] = []
    read: dict[int, bytes] = {}  # bytes read for a cache lookup, reused when it misses
    keys: dict[int, str] = {}  # the cache keys of the files to check
    cache = settings.cache
    cwd = os.getcwd()
    for index, item in enumerate(paths):
        if cache is not None:
            name = display_name(item)
            key = _cache_key(name, item, cwd)
            hit, content = cache.lookup(key, item)
            result = None if hit is None else _hit_result(name, hit, cache, settings)
            if result is not None:
                done[index] = apply_baseline(result, settings.baseline)
                continue
            keys[index] = key
            if content is not None:
                read[index] = content
        todo.append(index)
    if todo:
        _check_paths(paths, todo, read, settings, done, keys)
    return [item for item in done if item is not None]


def _check_paths(
    paths: list[str | os.PathLike[str]],
    todo: list[int],
    read: dict[int, bytes],
    settings: CheckSettings,
    done: list[Outcome | FileResult | None],
    keys: dict[int, str],
) -> None:
    """Check the files at ``todo`` for real (in worker processes when there are enough),
    and remember their results in the cache under ``keys``."""
    from claimtrack._windows import fork_context
    from claimtrack.pipeline import Outcome, received, run_path, run_path_in_worker

    cache = settings.cache
    plain = attrs.evolve(settings, cache=None, baseline=None)
    workers = _worker_count(settings, len(todo))
    if workers > 1:
        read.clear()  # workers read their own files
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=fork_context()) as pool:
            chunk = max(1, len(todo) // (workers * 4))
            outcomes = pool.map(
                run_path_in_worker,
                [os.fspath(paths[i]) for i in todo],
                # Files are spread over the workers; each checks its files in one process.
                [attrs.evolve(plain, jobs=1)] * len(todo),
                chunksize=chunk,
            )
            for index, sent in zip(todo, outcomes, strict=True):
                done[index] = received(sent)
    else:
        for index in todo:
            done[index] = run_path(paths[index], plain, read.pop(index, None))
    if cache is not None:
        for index in todo:
            fresh = done[index]
            if isinstance(fresh, Outcome) and fresh.content_sha256 is not None:
                cache.store(
                    keys[index], paths[index], fresh.content_sha256, fresh.cached, fresh.snapshot
                )
        cache.save()


def _is_document(item: object) -> bool:
    # Nothing can be a loaded document before the loader's module is imported; looking it
    # up this way keeps a run whose files all come from the cache from importing it.
    load = sys.modules.get("claimtrack.io.load")
    return load is not None and isinstance(item, load.LoadedDocument)


def check(inputs: Iterable[Input] | Input, settings: CheckSettings | None = None) -> CheckResult:
    """Check claim files (paths or loaded documents) and return every finding, in the order
    given.

    Never raises for bad input: an unreadable or invalid file is a result with findings.
    With ``settings.cache`` unchanged files reuse their last results; with
    ``settings.jobs`` above 1, large batches of paths are checked in worker processes (the
    results then carry no loaded document, and their records only with
    ``settings.keep_records``). The findings are the same either way.
    """
    settings = settings or CheckSettings()
    items: Sequence[Input]
    if isinstance(inputs, str | os.PathLike) or _is_document(inputs):
        items = [cast("Input", inputs)]
    else:
        items = list(cast("Iterable[Input]", inputs))
    by_path = iter(_run_paths([i for i in items if isinstance(i, str | os.PathLike)], settings))
    results: list[FileResult] = []
    for item in items:
        if not isinstance(item, str | os.PathLike):
            results.append(check_document(item, settings))
            continue
        outcome = next(by_path)
        if isinstance(outcome, FileResult):
            results.append(outcome)
        else:
            results.append(apply_baseline(outcome.result, settings.baseline))
    return CheckResult(tuple(results))

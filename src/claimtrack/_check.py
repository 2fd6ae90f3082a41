"""Orchestration: paths or loaded documents in, findings out.

For each file: load (parse with positions) → schema → model → integrity (snapshot and
anchors included) → sourcing flags, then rule selection, per-claim suppressions, severities
and the baseline. A broken file is a value in the results, never an exception, and never
stops the others.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from claimtrack import rules
from claimtrack._convert import iter_structure_errors, structure
from claimtrack._version import __version__
from claimtrack._windows import claim_findings, fork_context, processes_for, windowed
from claimtrack.errors import LoadError
from claimtrack.findings import Finding, Severity
from claimtrack.io.cache import CachedResult, ResultCache, fingerprint, record_skeleton
from claimtrack.io.load import Limits, LoadedDocument, load_bytes, read_bytes
from claimtrack.io.snapshot import SnapshotText, find_project_root, read_snapshot
from claimtrack.lint import (
    ClaimFacts,
    RuleSelection,
    SuppressedFinding,
    file_lint_findings,
    finalize,
)
from claimtrack.lint.baseline import Baseline, BaselineEntry
from claimtrack.model import ClaimFile
from claimtrack.schema import schema_text
from claimtrack.validate import anchor_text, file_integrity_findings, schema_findings

__all__ = [
    "CheckResult",
    "CheckSettings",
    "FileResult",
    "apply_baseline",
    "check",
    "check_document",
]

Input = str | os.PathLike[str] | LoadedDocument


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

    def count(self, severity: Severity) -> int:
        """How many findings have this severity."""
        return sum(1 for finding in self.findings if finding.severity is severity)


def _snapshot_for(
    document: LoadedDocument, claim_file: ClaimFile, settings: CheckSettings
) -> SnapshotText | None:
    recorded = claim_file.document.snapshot
    if recorded is None:
        return None
    base = document.file_path.parent if document.file_path is not None else Path.cwd()
    root = settings.project_root or find_project_root(base)
    return read_snapshot(recorded.path, base, root)


def check_document(document: LoadedDocument, settings: CheckSettings | None = None) -> FileResult:
    """Check one loaded document: schema, then (if it passes) integrity and sourcing flags;
    then the baseline."""
    settings = settings or CheckSettings()
    return apply_baseline(_evaluate(document, settings), settings.baseline)


def _evaluate(document: LoadedDocument, settings: CheckSettings) -> FileResult:
    """A document's findings before the baseline."""
    findings = schema_findings(document)
    claim_file: ClaimFile | None = None
    snapshot: SnapshotText | None = None
    facts: ClaimFacts | None = None
    if not findings:
        findings, claim_file, snapshot, facts = _check_records(document, settings)
    kept, suppressed = finalize(document, facts, findings, settings.rules)
    return FileResult(
        path=document.path,
        findings=_ordered(kept),
        claim_file=claim_file,
        document=document,
        suppressed=tuple(sorted(suppressed, key=lambda item: item.finding.sort_key)),
        snapshot=snapshot,
        record_data=_skeleton(document.data),
    )


# A schema-valid document's findings, its records (None in windows), its snapshot and the
# facts of its claims (None when the records could not be structured).
_Checked = tuple[list[Finding], ClaimFile | None, SnapshotText | None, ClaimFacts | None]


def _check_records(document: LoadedDocument, settings: CheckSettings) -> _Checked:
    """Structure a schema-valid document and run the integrity checks and the flags: the
    claims of a large file in windows (see :mod:`claimtrack._windows`) when its records
    need not be kept, else all at once."""
    processes = (
        1 if settings.keep_records else processes_for(_claim_count(document.data), settings.jobs)
    )
    checked = _check_in_windows(document, settings, processes) if processes > 1 else None
    if checked is not None:
        return checked
    try:
        claim_file = structure(document.data)
    except BaseValidationError as error:
        # The schema and the model agree (a property test proves it), so this is a defect
        # of ours; still report it as a finding rather than a traceback.
        errors = [
            rules.finding(rules.INVALID_SHAPE, message, document.location(path))
            for path, message in iter_structure_errors(error)
        ]
        return errors, None, None, None
    snapshot = _snapshot_for(document, claim_file, settings)
    facts = ClaimFacts.of(claim_file.claims)
    text = anchor_text(claim_file, snapshot)
    findings = _file_findings(document, claim_file, facts, snapshot, settings)
    findings.extend(claim_findings(document, claim_file, text, settings.rules))
    return findings, claim_file, snapshot, facts


def _check_in_windows(
    document: LoadedDocument, settings: CheckSettings, processes: int
) -> _Checked | None:
    """The checks with the claims cut into windows; None if they could not be (the file is
    then checked whole, which also reports any records that cannot be structured)."""
    try:
        records = structure({**document.data, "claims": []})
    except BaseValidationError:
        return None
    snapshot = _snapshot_for(document, records, settings)
    text = anchor_text(records, snapshot)
    result = windowed(document, records, text, settings.rules, processes)
    if result is None:
        return None
    found, facts = result
    findings = _file_findings(document, records, facts, snapshot, settings)
    findings.extend(found)
    return findings, None, snapshot, facts


def _file_findings(
    document: LoadedDocument,
    records: ClaimFile,
    facts: ClaimFacts,
    snapshot: SnapshotText | None,
    settings: CheckSettings,
) -> list[Finding]:
    """The findings of the file as a whole; ``facts`` tell of every claim."""
    return [
        *file_integrity_findings(document, records, facts.ids, snapshot),
        *file_lint_findings(document, records, facts, settings.rules),
    ]


def _claim_count(data: Any) -> int:
    claims = data.get("claims") if isinstance(data, dict) else None
    return len(claims) if isinstance(claims, list) else 0


def _ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(set(findings), key=lambda finding: finding.sort_key))


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


@attrs.frozen
class _Outcome:
    """One path checked, before the baseline: its result, what to cache, and on what."""

    result: FileResult
    #: What to cache: the result, or its plain data when a worker process sent it so.
    cached: CachedResult | dict[str, Any]
    content_sha256: str | None
    snapshot: tuple[Path, str] | None


def _skeleton(data: Any) -> dict[str, Any]:
    return record_skeleton(_record_ids(data, "claims"), _record_ids(data, "sources"))


def _record_ids(data: Any, section: str) -> tuple[str | None, ...]:
    records = data.get(section) if isinstance(data, dict) else None
    if not isinstance(records, list):
        return ()
    return tuple(
        record.get("id") if isinstance(record, dict) and isinstance(record.get("id"), str) else None
        for record in records
    )


def _run_path(
    item: str | os.PathLike[str], settings: CheckSettings, content: bytes | None = None
) -> _Outcome:
    """Read (unless ``content`` is given), parse and check one file (no cache, no baseline)."""
    name = Path(item).as_posix()
    if content is None:
        try:
            content = read_bytes(item, name=name, limits=settings.limits)
        except LoadError as error:  # nothing to cache: the file could not be read
            result = FileResult(path=name, findings=error.findings)
            return _Outcome(result, CachedResult(findings=error.findings), None, None)
    sha = hashlib.sha256(content).hexdigest()
    try:
        document = load_bytes(content, name, limits=settings.limits, file_path=Path(item))
    except LoadError as error:
        result = FileResult(path=name, findings=error.findings, record_data=_skeleton(None))
        return _Outcome(result, CachedResult(findings=error.findings), sha, None)
    result = _evaluate(document, settings)
    snapshot = result.snapshot
    depends = (
        (snapshot.path, snapshot.sha256 or "")
        if snapshot is not None and not snapshot.outside_project
        else None
    )
    cached = CachedResult(
        findings=result.findings,
        suppressed=tuple((item.finding, item.reason) for item in result.suppressed),
        claim_ids=_record_ids(document.data, "claims"),
        source_ids=_record_ids(document.data, "sources"),
    )
    return _Outcome(result, cached, sha, depends)


# What a worker process sends back for one path: its name, its result as plain data (see
# CachedResult.to_data), the SHA-256 of its bytes (None if it could not be read), the
# snapshot it depended on, and its records when the settings keep them.
_Sent = tuple[str, dict[str, Any], str | None, tuple[Path, str] | None, ClaimFile | None]


def _run_path_in_worker(item: str, settings: CheckSettings) -> _Sent:
    """_run_path in a worker process. The findings cross back as plain lists (far quicker
    to pickle than objects), rebuilt by :func:`_received`; the loaded document stays behind."""
    outcome = _run_path(item, settings)
    records = outcome.result.claim_file if settings.keep_records else None
    return (
        outcome.result.path,
        outcome.cached if isinstance(outcome.cached, dict) else outcome.cached.to_data(),
        outcome.content_sha256,
        outcome.snapshot,
        records,
    )


def _received(sent: _Sent) -> _Outcome:
    name, data, content_sha256, snapshot, records = sent
    result = _from_cache(name, CachedResult.from_data(data))
    # As in one process: a file that could not be read has no record ids at all.
    result = attrs.evolve(
        result,
        claim_file=records,
        record_data=result.record_data if content_sha256 is not None else None,
    )
    return _Outcome(result, data, content_sha256, snapshot)


def _from_cache(name: str, hit: CachedResult) -> FileResult:
    return FileResult(
        path=name,
        findings=hit.findings,
        suppressed=tuple(SuppressedFinding(finding, reason) for finding, reason in hit.suppressed),
        record_data=hit.record_data(),
    )


def _cache_key(item: str | os.PathLike[str]) -> str:
    # The name findings carry, and the real file it names.
    return f"{Path(item).as_posix()}\n{os.path.realpath(item)}"


def _worker_count(settings: CheckSettings, files: int) -> int:
    # Each worker costs a process start; below a few files per worker it does not pay.
    return max(1, min(settings.jobs, files // _FILES_PER_WORKER))


_FILES_PER_WORKER = 8


def _run_paths(
    paths: list[str | os.PathLike[str]], settings: CheckSettings
) -> list[_Outcome | FileResult]:
    """Check files, reusing cached results and spreading the rest over worker processes."""
    done: list[_Outcome | FileResult | None] = [None] * len(paths)
    todo: list[int] = []
    read: dict[int, bytes] = {}  # bytes read for a cache lookup, reused when it misses
    cache = settings.cache
    for index, item in enumerate(paths):
        if cache is not None:
            try:
                content = read_bytes(item, limits=settings.limits)
            except LoadError:
                content = None
            hit = cache.lookup(_cache_key(item), content) if content is not None else None
            if hit is None and content is not None:
                read[index] = content
            if hit is not None:
                result = _from_cache(Path(item).as_posix(), hit)
                done[index] = apply_baseline(result, settings.baseline)
                continue
        todo.append(index)
    plain = attrs.evolve(settings, cache=None, baseline=None)
    workers = _worker_count(settings, len(todo))
    if workers > 1:
        read.clear()  # workers read their own files
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(workers, mp_context=fork_context()) as pool:
            chunk = max(1, len(todo) // (workers * 4))
            outcomes = pool.map(
                _run_path_in_worker,
                [os.fspath(paths[i]) for i in todo],
                # Files are spread over the workers; each checks its files in one process.
                [attrs.evolve(plain, jobs=1)] * len(todo),
                chunksize=chunk,
            )
            for index, sent in zip(todo, outcomes, strict=True):
                done[index] = _received(sent)
    else:
        for index in todo:
            done[index] = _run_path(paths[index], plain, read.pop(index, None))
    if cache is not None:
        for index in todo:
            fresh = done[index]
            if isinstance(fresh, _Outcome) and fresh.content_sha256 is not None:
                cache.store(
                    _cache_key(paths[index]), fresh.content_sha256, fresh.cached, fresh.snapshot
                )
        cache.save()
    return [item for item in done if item is not None]


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
    items: Sequence[Input] = (
        [inputs] if isinstance(inputs, str | os.PathLike | LoadedDocument) else list(inputs)
    )
    path_items = [item for item in items if not isinstance(item, LoadedDocument)]
    by_path = iter(_run_paths(path_items, settings))
    results: list[FileResult] = []
    for item in items:
        if isinstance(item, LoadedDocument):
            results.append(check_document(item, settings))
            continue
        outcome = next(by_path)
        if isinstance(outcome, _Outcome):
            results.append(apply_baseline(outcome.result, settings.baseline))
        else:
            results.append(outcome)
    return CheckResult(tuple(results))

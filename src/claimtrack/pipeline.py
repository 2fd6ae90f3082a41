"""Checking one file: load (parse with positions) → schema → model → integrity (snapshot and
anchors included) → sourcing flags, then rule selection, per-claim suppressions and
severities. The baseline and the cache are applied by :mod:`claimtrack.batch`, which
imports this module only when some file has to be checked for real.
"""

from __future__ import annotations

import hashlib
import os
from operator import itemgetter
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from claimtrack import rules
from claimtrack._collection import uncollected
from claimtrack._convert import iter_structure_errors, structure
from claimtrack._windows import (
    Helpers,
    Prepared,
    claim_findings,
    processes_for,
    start_early,
    windowed,
)
from claimtrack.batch import (
    CheckSettings,
    FileResult,
    from_cache,
    record_ids,
    skeleton,
)
from claimtrack.errors import LoadError
from claimtrack.findings import Finding
from claimtrack.io.cache import CachedResult
from claimtrack.io.load import LoadedDocument, load_bytes, read_bytes
from claimtrack.io.names import display_name
from claimtrack.io.snapshot import SnapshotText, find_project_root, read_snapshot
from claimtrack.lint.checks import ClaimFacts, file_lint_findings, finalize
from claimtrack.model import ClaimFile
from claimtrack.validate import anchor_text, file_integrity_findings, schema_findings

__all__ = ["Outcome", "evaluate", "received", "run_path", "run_path_in_worker"]


def _snapshot_for(
    document: LoadedDocument, claim_file: ClaimFile, settings: CheckSettings
) -> SnapshotText | None:
    recorded = claim_file.document.snapshot
    if recorded is None:
        return None
    base = document.file_path.parent if document.file_path is not None else Path.cwd()
    root = settings.project_root or find_project_root(base)
    return read_snapshot(recorded.path, base, root)


def evaluate(
    document: LoadedDocument, settings: CheckSettings, helpers: Helpers | None = None
) -> FileResult:
    """A document's findings before the baseline; ``helpers`` are processes started for
    its claims before it was parsed (see :mod:`claimtrack._windows`)."""
    with uncollected():
        return _evaluate(document, settings, helpers)


def _evaluate(
    document: LoadedDocument, settings: CheckSettings, helpers: Helpers | None
) -> FileResult:
    findings = schema_findings(document)
    claim_file: ClaimFile | None = None
    snapshot: SnapshotText | None = None
    facts: ClaimFacts | None = None
    if not findings:
        findings, claim_file, snapshot, facts = _check_records(document, settings, helpers)
    elif helpers is not None:  # no windows for a file the schema refuses
        helpers.stop()
    kept, suppressed = finalize(document, facts, findings, settings.rules)
    return FileResult(
        path=document.path,
        findings=_ordered(kept),
        claim_file=claim_file,
        document=document,
        suppressed=tuple(sorted(suppressed, key=lambda item: item.finding.sort_key)),
        snapshot=snapshot,
        record_data=skeleton(document.data),
    )


# A schema-valid document's findings, its records (None in windows), its snapshot and the
# facts of its claims (None when the records could not be structured).
_Checked = tuple[list[Finding], ClaimFile | None, SnapshotText | None, ClaimFacts | None]


def _check_records(
    document: LoadedDocument, settings: CheckSettings, helpers: Helpers | None
) -> _Checked:
    """Structure a schema-valid document and run the integrity checks and the flags: the
    claims of a large file in windows (see :mod:`claimtrack._windows`) when its records
    need not be kept, else all at once."""
    processes = (
        1 if settings.keep_records else processes_for(_claim_count(document.data), settings.jobs)
    )
    checked = _check_in_windows(document, settings, processes, helpers) if processes > 1 else None
    if checked is not None:
        return checked
    if helpers is not None:  # too few claims to share, or the windows failed
        helpers.stop()
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
    document: LoadedDocument, settings: CheckSettings, processes: int, helpers: Helpers | None
) -> _Checked | None:
    """The checks with the claims cut into windows; None if they could not be (the file is
    then checked whole, which also reports any records that cannot be structured)."""
    ready = _prepared(document, settings)
    if ready is None:
        return None
    prepared, snapshot = ready
    result = windowed(prepared, settings.rules, processes, helpers)
    if result is None:
        return None
    found, facts = result
    findings = _file_findings(document, prepared.records, facts, snapshot, settings)
    findings.extend(found)
    return findings, None, snapshot, facts


def _prepared(
    document: LoadedDocument, settings: CheckSettings
) -> tuple[Prepared, SnapshotText | None] | None:
    """What windows of the document's claims are checked with (and its snapshot): the
    records without claims, structured, and the snapshot's text; None when the records
    cannot be structured."""
    try:
        records = structure({**document.data, "claims": []})
    except BaseValidationError:
        return None
    snapshot = _snapshot_for(document, records, settings)
    text = anchor_text(records, snapshot)
    sha = snapshot.sha256 if snapshot is not None else None
    return Prepared(document, records, text, sha), snapshot


def _early_helpers(
    content: bytes, name: str, item: str | os.PathLike[str], settings: CheckSettings
) -> Helpers | None:
    """Helpers for a file large enough to hold claims for several processes, started before
    it is parsed: each parses it alongside this process (see :mod:`claimtrack._windows`)."""
    if settings.keep_records:
        return None

    def prepare() -> Prepared | None:  # in the helper
        try:
            document = load_bytes(content, name, limits=settings.limits, file_path=Path(item))
        except LoadError:
            return None
        ready = _prepared(document, settings)
        return None if ready is None else ready[0]

    return start_early(len(content), settings.jobs, prepare, settings.rules)


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
    """The findings in order, each once. Sorting first means only findings with the same
    sort key need comparing, which is far quicker than hashing every one."""
    keyed = sorted([(finding.sort_key, finding) for finding in findings], key=itemgetter(0))
    ordered: list[Finding] = []
    last_key: object = None
    same: list[Finding] = []  # the findings kept so far with the current sort key
    for key, finding in keyed:
        if key != last_key:
            last_key, same = key, [finding]
        elif finding in same:
            continue
        else:
            same.append(finding)
        ordered.append(finding)
    return tuple(ordered)


@attrs.frozen
class Outcome:
    """One path checked, before the baseline: its result, what to cache, and on what."""

    result: FileResult
    #: What to cache: the result, or its plain data when a worker process sent it so.
    cached: CachedResult | dict[str, Any]
    content_sha256: str | None
    snapshot: tuple[Path, str] | None


def run_path(
    item: str | os.PathLike[str], settings: CheckSettings, content: bytes | None = None
) -> Outcome:
    """Read (unless ``content`` is given), parse and check one file (no cache, no baseline)."""
    with uncollected():
        return _run_path(item, settings, content)


def _run_path(
    item: str | os.PathLike[str], settings: CheckSettings, content: bytes | None
) -> Outcome:
    name = display_name(item)
    if content is None:
        try:
            content = read_bytes(item, name=name, limits=settings.limits)
        except LoadError as error:  # nothing to cache: the file could not be read
            result = FileResult(path=name, findings=error.findings)
            return Outcome(result, CachedResult(findings=error.findings), None, None)
    helpers = _early_helpers(content, name, item, settings)
    try:
        sha = hashlib.sha256(content).hexdigest()
        document = load_bytes(content, name, limits=settings.limits, file_path=Path(item))
    except LoadError as error:
        result = FileResult(path=name, findings=error.findings, record_data=skeleton(None))
        return Outcome(result, CachedResult(findings=error.findings), sha, None)
    else:
        result = _evaluate(document, settings, helpers)
    finally:
        if helpers is not None:
            helpers.stop()
    snapshot = result.snapshot
    depends = (
        (snapshot.path, snapshot.sha256 or "")
        if snapshot is not None and not snapshot.outside_project
        else None
    )
    cached = CachedResult(
        findings=result.findings,
        suppressed=tuple((item.finding, item.reason) for item in result.suppressed),
        claim_ids=record_ids(document.data, "claims"),
        source_ids=record_ids(document.data, "sources"),
    )
    return Outcome(result, cached, sha, depends)


# What a worker process sends back for one path: its name, its result as plain data (see
# CachedResult.to_data), the SHA-256 of its bytes (None if it could not be read), the
# snapshot it depended on, and its records when the settings keep them.
Sent = tuple[str, dict[str, Any], str | None, tuple[Path, str] | None, ClaimFile | None]


def run_path_in_worker(item: str, settings: CheckSettings) -> Sent:
    """:func:`run_path` in a worker process. The findings cross back as plain lists (far
    quicker to pickle than objects), rebuilt by :func:`received`; the loaded document stays
    behind."""
    outcome = run_path(item, settings)
    records = outcome.result.claim_file if settings.keep_records else None
    return (
        outcome.result.path,
        outcome.cached if isinstance(outcome.cached, dict) else outcome.cached.to_data(),
        outcome.content_sha256,
        outcome.snapshot,
        records,
    )


def received(sent: Sent) -> Outcome:
    """The outcome a worker process sent."""
    name, data, content_sha256, snapshot, records = sent
    result = from_cache(name, CachedResult.from_data(data))
    # As in one process: a file that could not be read has no record ids at all.
    result = attrs.evolve(
        result,
        claim_file=records,
        record_data=result.record_data if content_sha256 is not None else None,
    )
    return Outcome(result, data, content_sha256, snapshot)

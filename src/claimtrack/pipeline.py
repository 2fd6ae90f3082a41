"""Checking one claim file, top to bottom.

1. **read and parse** (:mod:`claimtrack.io.load`): bytes, then data with the position of
   every value; a file that cannot be read or parsed stops here with its E1xx findings.
2. **schema** (:mod:`claimtrack.validate`): every JSON Schema error as a finding.
3. **structure** (:mod:`claimtrack.records`): the data of a schema-valid file as records;
   with a shared source library (``settings.library``), the shared sources its claims cite
   join its own for the claims' checks (:mod:`claimtrack.validate.library`).
4. **checks**: the snapshot is read (:mod:`claimtrack.io.snapshot`), then the integrity
   rules (:mod:`claimtrack.validate`) and the sourcing flags (:mod:`claimtrack.lint.run`)
   run, of the file as a whole and of each claim.
5. **finalize** (:mod:`claimtrack.lint.run`): rule selection, per-claim suppressions and
   severities, then findings in order, each once; then the baseline
   (:mod:`claimtrack.lint.baseline`).

Each step calls down into its module and nothing calls back up. The pipeline is a plain
function of a document (or a path) and settings: it neither knows nor cares whether it runs
in a worker process (:mod:`claimtrack.concurrency`) or whether its result will be cached
(:mod:`claimtrack.batch`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection
from operator import itemgetter
from pathlib import Path

import attrs

from claimtrack.errors import LoadError
from claimtrack.findings import Finding
from claimtrack.io.cache import SnapshotDependency, data_skeleton
from claimtrack.io.load import LoadedDocument, load_bytes, read_bytes
from claimtrack.io.names import display_name
from claimtrack.io.snapshot import SnapshotText
from claimtrack.io.source_snapshot import SourceReads, SourceText
from claimtrack.lint.run import ClaimFacts, claim_lint_findings, file_lint_findings, finalize
from claimtrack.model import ClaimFile
from claimtrack.records import records_or_findings
from claimtrack.results import FileResult, apply_baseline
from claimtrack.settings import CheckSettings
from claimtrack.validate import (
    anchor_text,
    claim_integrity_findings,
    file_integrity_findings,
    schema_findings,
)
from claimtrack.validate.library import clash_findings, resolve_sources

__all__ = ["CheckedPath", "check_document", "check_path"]


def check_document(document: LoadedDocument, settings: CheckSettings | None = None) -> FileResult:
    """Check one loaded document: schema, then (if it passes) structure, integrity and
    sourcing flags; then suppressions, severities and the baseline."""
    settings = settings or CheckSettings()
    return apply_baseline(_unbaselined(document, settings)[0], settings.baseline)


def _unbaselined(
    document: LoadedDocument, settings: CheckSettings
) -> tuple[FileResult, tuple[str, ...], SourceReads | None]:
    """Steps 2 to 5 of the module's list, all but the baseline; with the shared sources
    the file cites and the source snapshots read (None when the file's records were not
    checked)."""
    findings = schema_findings(document)
    cited: tuple[str, ...] = ()
    reads: SourceReads | None = None
    claim_file: ClaimFile | None = None
    snapshot: SnapshotText | None = None
    facts: ClaimFacts | None = None
    if not findings:
        structured = records_or_findings(document)
        if isinstance(structured, ClaimFile):
            # The file's own records, and the file as its claims see it: with the shared
            # sources it cites (the same file when no library is configured).
            own = structured
            claim_file = resolve_sources(document, own, settings.library)
            cited = () if settings.library is None else settings.library.cited_by(own)
            reads = _source_reads(document, settings, cited)
            snapshot = _snapshot_for(own, reads)
            facts = ClaimFacts.of(own.claims)
            findings = _check_records(document, own, claim_file, facts, snapshot, settings, reads)
        else:
            findings = structured
    kept, suppressed = finalize(document, facts, findings, settings.rules)
    result = FileResult(
        path=document.path,
        findings=_ordered(kept),
        claim_file=claim_file,
        document=document,
        suppressed=tuple(sorted(suppressed, key=lambda item: item.finding.sort_key)),
        snapshot=snapshot,
        source_snapshots=_kept_sources(claim_file, reads, settings),
        record_data=data_skeleton(document.data),
    )
    return result, cited, reads


def _kept_sources(
    claim_file: ClaimFile | None, reads: SourceReads | None, settings: CheckSettings
) -> tuple[SourceText, ...] | None:
    """The snapshots of the sources ``claim_file``'s claims see, as ``reads`` read them,
    when the settings keep records (None otherwise)."""
    if claim_file is None or reads is None or not settings.keep_records:
        return None
    return tuple(reads.texts(claim_file.sources).values())


def _source_reads(
    document: LoadedDocument, settings: CheckSettings, cited: Collection[str] = ()
) -> SourceReads:
    """The reads of the source snapshots of ``document``, held to the run's project root
    and input limit; the shared sources it cites (``cited``) are held to the project of
    their library file, as their own records are."""
    library = settings.library
    shared = {} if library is None else {i: library.sources[i].folder for i in cited}
    return SourceReads(
        document.file_path,
        settings.project_root,
        max_bytes=settings.limits.max_bytes,
        shared_folders=shared,
    )


def _snapshot_for(claim_file: ClaimFile, reads: SourceReads) -> SnapshotText | None:
    """The document snapshot the claim file names, read as its own sources' snapshots are
    (the same project root, found once, and input limit); None when it names none."""
    recorded = claim_file.document.snapshot
    return None if recorded is None else reads.read_own(recorded.path)


def _check_records(
    document: LoadedDocument,
    own: ClaimFile,
    claim_file: ClaimFile,
    facts: ClaimFacts,
    snapshot: SnapshotText | None,
    settings: CheckSettings,
    reads: SourceReads,
) -> list[Finding]:
    """The integrity errors and the flags: of the file as a whole (its ``own`` records,
    with any clash with the shared library), then of each claim (against ``claim_file``,
    which holds the shared sources the claims cite too)."""
    shared = None if settings.library is None else settings.library.sources
    return [
        *file_integrity_findings(document, own, facts.ids, snapshot),
        *clash_findings(document, own, settings.library),
        *file_lint_findings(document, own, facts, settings.rules, reads),
        *claim_integrity_findings(document, claim_file, anchor_text(own, snapshot), shared),
        *claim_lint_findings(document, claim_file, settings.rules, reads),
    ]


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
class CheckedPath:
    """One path checked, before the baseline: its result, the SHA-256 of the bytes read
    (None when it could not be read), the snapshots the result depends on, the
    document's and its sources' (see ``SnapshotText.dependency``), and the ids of the
    shared sources it cites."""

    result: FileResult
    content_sha256: str | None
    snapshot: tuple[SnapshotDependency, ...] = ()
    cited: tuple[str, ...] = ()


def check_path(
    item: str | os.PathLike[str], settings: CheckSettings, content: bytes | None = None
) -> CheckedPath:
    """Read (unless ``content`` is given), parse and check one file, before the baseline."""
    name = display_name(item)
    if content is None:
        try:
            content = read_bytes(item, name=name, limits=settings.limits)
        except LoadError as error:  # a file that cannot be read has no record ids at all
            return CheckedPath(FileResult(path=name, findings=error.findings), None)
    sha = hashlib.sha256(content).hexdigest()
    try:
        document = load_bytes(content, name, limits=settings.limits, file_path=Path(item))
    except LoadError as error:
        result = FileResult(path=name, findings=error.findings, record_data=data_skeleton(None))
        return CheckedPath(result, sha)
    result, cited, reads = _unbaselined(document, settings)
    snapshot = result.snapshot
    document_dependency = None if snapshot is None else snapshot.dependency()
    sources = () if reads is None else reads.dependencies()
    depends = (() if document_dependency is None else (document_dependency,)) + sources
    return CheckedPath(result, sha, depends, cited)

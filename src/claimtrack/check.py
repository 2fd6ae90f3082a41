"""Orchestration: paths or loaded documents in, findings out.

For each file: load (parse with positions) → schema → model → integrity (snapshot and
anchors included). A broken file is a value in the results, never an exception, and never
stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs
from cattrs.errors import BaseValidationError

from claimtrack import rules
from claimtrack._convert import iter_structure_errors, structure
from claimtrack.errors import LoadError
from claimtrack.findings import Finding, Severity
from claimtrack.io.load import Limits, LoadedDocument, load_path
from claimtrack.io.snapshot import SnapshotText, find_project_root, read_snapshot
from claimtrack.model import ClaimFile
from claimtrack.validate import integrity_findings, schema_findings

__all__ = ["CheckResult", "CheckSettings", "FileResult", "check", "check_document"]

Input = str | os.PathLike[str] | LoadedDocument


@attrs.frozen(kw_only=True)
class CheckSettings:
    """How to check: input limits, and the folder snapshots may not leave."""

    limits: Limits = attrs.field(factory=Limits)
    project_root: Path | None = None


@attrs.frozen(kw_only=True)
class FileResult:
    """What checking one file gave: its findings, its records if it loaded, and the
    document snapshot as read (when the claim file names one), so reports need not read it
    again."""

    path: str
    findings: tuple[Finding, ...]
    claim_file: ClaimFile | None = None
    document: LoadedDocument | None = None
    snapshot: SnapshotText | None = None


@attrs.frozen
class CheckResult:
    """What checking several files gave, file by file in the order given."""

    files: tuple[FileResult, ...]

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding of every file, in file order then position order."""
        return tuple(finding for result in self.files for finding in result.findings)

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
    """Check one loaded document: schema, then (if it passes) integrity."""
    settings = settings or CheckSettings()
    findings = schema_findings(document)
    claim_file: ClaimFile | None = None
    snapshot: SnapshotText | None = None
    if not findings:
        try:
            claim_file = structure(document.data)
        except BaseValidationError as error:
            # The schema and the model agree (a property test proves it), so this is a
            # defect of ours; still report it as a finding rather than a traceback.
            for path, message in iter_structure_errors(error):
                findings.append(
                    rules.finding(rules.INVALID_SHAPE, message, document.location(path))
                )
        else:
            snapshot = _snapshot_for(document, claim_file, settings)
            findings.extend(integrity_findings(document, claim_file, snapshot))
    ordered = tuple(sorted(set(findings), key=lambda finding: finding.sort_key))
    return FileResult(
        path=document.path,
        findings=ordered,
        claim_file=claim_file,
        document=document,
        snapshot=snapshot,
    )


def _check_one(item: Input, settings: CheckSettings) -> FileResult:
    if isinstance(item, LoadedDocument):
        return check_document(item, settings)
    name = Path(item).as_posix()
    try:
        document = load_path(item, name=name, limits=settings.limits)
    except LoadError as error:
        return FileResult(path=name, findings=error.findings)
    return check_document(document, settings)


def check(inputs: Iterable[Input] | Input, settings: CheckSettings | None = None) -> CheckResult:
    """Check claim files (paths or loaded documents) and return every finding.

    Never raises for bad input: an unreadable or invalid file is a result with findings.
    """
    settings = settings or CheckSettings()
    items: Sequence[Input] = (
        [inputs] if isinstance(inputs, str | os.PathLike | LoadedDocument) else list(inputs)
    )
    return CheckResult(tuple(_check_one(item, settings) for item in items))

"""Orchestration: paths or loaded documents in, findings out.

For each file: load (parse with positions) → schema → model → integrity (snapshot and
anchors included) → sourcing flags, then rule selection, per-claim suppressions, severities
and the baseline. A broken file is a value in the results, never an exception, and never
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
from claimtrack.lint import RuleSelection, SuppressedFinding, finalize, lint_findings
from claimtrack.lint.baseline import Baseline, BaselineEntry
from claimtrack.model import ClaimFile
from claimtrack.validate import integrity_findings, schema_findings

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
    """Check one loaded document: schema, then (if it passes) integrity and sourcing flags."""
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
            findings.extend(lint_findings(document, claim_file))
    kept, suppressed = finalize(document, claim_file, findings, settings.rules)
    result = FileResult(
        path=document.path,
        findings=_ordered(kept),
        claim_file=claim_file,
        document=document,
        suppressed=tuple(sorted(suppressed, key=lambda item: item.finding.sort_key)),
        snapshot=snapshot,
    )
    return apply_baseline(result, settings.baseline)


def _ordered(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(set(findings), key=lambda finding: finding.sort_key))


def apply_baseline(result: FileResult, baseline: Baseline | None) -> FileResult:
    """Move a file's findings that the baseline knows to ``baselined``; note fixed entries."""
    if baseline is None:
        return result
    data = result.document.data if result.document is not None else None
    new, known, fixed = baseline.split(result.path, result.findings, data)
    return attrs.evolve(result, findings=tuple(new), baselined=tuple(known), fixed=tuple(fixed))


def _check_one(item: Input, settings: CheckSettings) -> FileResult:
    if isinstance(item, LoadedDocument):
        return check_document(item, settings)
    name = Path(item).as_posix()
    try:
        document = load_path(item, name=name, limits=settings.limits)
    except LoadError as error:
        return apply_baseline(FileResult(path=name, findings=error.findings), settings.baseline)
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

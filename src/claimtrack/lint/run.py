"""Running the flags: the checks of each claim and of the file as a whole, and what is done
with their findings (selection, per-claim suppressions, severities)."""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.findings import Finding, SuppressedFinding
from claimtrack.io.load import LoadedDocument
from claimtrack.io.source_snapshot import SourceReads
from claimtrack.lint import (
    attribution,
    evidence,
    quantities,
    quotes,
    signoff,
    source_records,
    sourcing,
)
from claimtrack.lint._claims import Check, ClaimFacts, FileCheck
from claimtrack.lint.selection import RuleSelection
from claimtrack.lint.suppress import apply_suppressions
from claimtrack.model import ClaimFile
from claimtrack.rules import RuleInfo

__all__ = [
    "CHECKS",
    "FILE_CHECKS",
    "ClaimFacts",
    "claim_lint_findings",
    "file_lint_findings",
    "finalize",
    "lint_findings",
]

#: The checks of each claim on its own.
CHECKS: tuple[Check, ...] = (
    *sourcing.CHECKS,
    *attribution.CHECKS,
    *evidence.CHECKS,
    *quantities.CHECKS,
    *signoff.CHECKS,
    *quotes.CHECKS,
)
#: The checks of the file as a whole.
FILE_CHECKS: tuple[FileCheck, ...] = source_records.CHECKS


def _runs(yields: tuple[RuleInfo, ...], selection: RuleSelection | None) -> bool:
    return selection is None or any(selection.is_enabled(rule.code) for rule in yields)


def lint_findings(
    document: LoadedDocument, claim_file: ClaimFile, selection: RuleSelection | None = None
) -> list[Finding]:
    """The flags of one claim file, before suppression: of every rule, or with
    ``selection`` only the checks that can yield a selected rule run (their findings of
    rules not selected are left to :func:`finalize`)."""
    facts = ClaimFacts.of(claim_file.claims)
    return [
        *claim_lint_findings(document, claim_file, selection),
        *file_lint_findings(document, claim_file, facts, selection),
    ]


def claim_lint_findings(
    document: LoadedDocument,
    claim_file: ClaimFile,
    selection: RuleSelection | None = None,
    reads: SourceReads | None = None,
) -> list[Finding]:
    """The flags of each claim of ``claim_file`` on its own (see :func:`lint_findings`);
    source snapshots are read through ``reads`` (the file's own reads when None)."""
    reads = reads if reads is not None else SourceReads(document.file_path)
    return [
        *(
            finding
            for check, yields in CHECKS
            if _runs(yields, selection)
            for finding in check(document, claim_file)
        ),
        *(
            finding
            for snapshot_check, yields in quotes.SNAPSHOT_CHECKS
            if _runs(yields, selection)
            for finding in snapshot_check(document, claim_file, reads)
        ),
    ]


def file_lint_findings(
    document: LoadedDocument,
    claim_file: ClaimFile,
    facts: ClaimFacts,
    selection: RuleSelection | None = None,
    reads: SourceReads | None = None,
) -> list[Finding]:
    """The flags of the file as a whole: its sources, against ``facts`` of all its claims
    (``claim_file``'s own claims are not looked at); source snapshots are read through
    ``reads`` (the file's own reads when None)."""
    reads = reads if reads is not None else SourceReads(document.file_path)
    return [
        *(
            finding
            for check, yields in FILE_CHECKS
            if _runs(yields, selection)
            for finding in check(document, claim_file, facts)
        ),
        *(
            finding
            for snapshot_check, yields in quotes.SNAPSHOT_FILE_CHECKS
            if _runs(yields, selection)
            for finding in snapshot_check(document, claim_file, facts, reads)
        ),
    ]


def finalize(
    document: LoadedDocument,
    facts: ClaimFacts | None,
    findings: Sequence[Finding],
    selection: RuleSelection,
) -> tuple[list[Finding], list[SuppressedFinding]]:
    """Apply selection, per-claim suppressions (flagging unused ones; ``facts`` tell the
    claims' suppressions, None when the claims could not be read) and severities."""
    selected = [finding for finding in findings if selection.is_enabled(finding.code)]
    suppressed: list[SuppressedFinding] = []
    if facts is not None:
        selected, suppressed = apply_suppressions(document, facts, selected, selection)
    graded = [selection.grade(finding) for finding in selected]
    regraded = [SuppressedFinding(selection.grade(s.finding), s.reason) for s in suppressed]
    return graded, regraded

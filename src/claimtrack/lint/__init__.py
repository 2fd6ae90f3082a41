"""Sourcing flags: the F-rules, their selection, suppressions and the baseline.

Importing this package registers every flag in :mod:`claimtrack.rules`, so the one
registry feeds findings, documentation, SARIF and ``--help``. Codes: ``F0xx`` flags about
suppressions themselves, ``F1xx`` claim sourcing flags, ``F2xx`` source-record flags.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint import attribution, quantities, sources, sourcing, support
from claimtrack.lint.selection import RuleSelection, SelectionLayer
from claimtrack.lint.suppress import UNUSED_SUPPRESSION, SuppressedFinding, apply_suppressions
from claimtrack.model import ClaimFile

__all__ = [
    "CHECKS",
    "UNUSED_SUPPRESSION",
    "RuleSelection",
    "SelectionLayer",
    "SuppressedFinding",
    "finalize",
    "lint_findings",
]

CHECKS = (
    *sourcing.CHECKS,
    *attribution.CHECKS,
    *support.CHECKS,
    *quantities.CHECKS,
    *sources.CHECKS,
)


def lint_findings(
    document: LoadedDocument, claim_file: ClaimFile, selection: RuleSelection | None = None
) -> list[Finding]:
    """The flags of one claim file, before suppression: of every rule, or with
    ``selection`` only the checks that can yield a selected rule run (their findings of
    rules not selected are left to :func:`finalize`)."""
    return [
        finding
        for check, yields in CHECKS
        if selection is None or any(selection.is_enabled(rule.code) for rule in yields)
        for finding in check(document, claim_file)
    ]


def finalize(
    document: LoadedDocument,
    claim_file: ClaimFile | None,
    findings: Sequence[Finding],
    selection: RuleSelection,
) -> tuple[list[Finding], list[SuppressedFinding]]:
    """Apply selection, per-claim suppressions (flagging unused ones) and severities."""
    selected = [finding for finding in findings if selection.is_enabled(finding.code)]
    suppressed: list[SuppressedFinding] = []
    if claim_file is not None:
        selected, suppressed = apply_suppressions(document, claim_file, selected, selection)
    graded = [selection.grade(finding) for finding in selected]
    regraded = [SuppressedFinding(selection.grade(s.finding), s.reason) for s in suppressed]
    return graded, regraded

"""Typed usage of the public API, checked by mypy --strict (never run by pytest)."""

from __future__ import annotations

from pathlib import Path

import claimtrack
from claimtrack import anchor, review


def count_unsourced(path: Path) -> int:
    """Check-worthy claims with no citation, through the typed records."""
    claim_file: claimtrack.ClaimFile = claimtrack.load(path)
    return sum(1 for claim in claim_file.claims if claim.check_worthy and not claim.citations)


def error_lines(paths: list[Path]) -> list[str]:
    """Findings as editor lines, through the typed findings."""
    result: claimtrack.CheckResult = claimtrack.check(paths)
    lines: list[str] = []
    for finding in result.findings:
        location: claimtrack.Location = finding.location
        severity: claimtrack.Severity = finding.severity
        lines.append(f"{location.path}:{location.line}:{location.column}: {severity}")
    return lines


def where(text: str, quote: str) -> tuple[int, int] | None:
    """The offsets of a quote in a text."""
    match = anchor.locate(anchor.normalize(text), claimtrack.Anchor(exact=quote))
    return None if match is None else (match.start, match.end)


def new_claim() -> claimtrack.Claim:
    """Records are built with keywords and are immutable."""
    return claimtrack.Claim(
        id="c",
        text="t",
        kind=claimtrack.ClaimKind.EVENT,
        anchor=claimtrack.Anchor(exact="t"),
        status=claimtrack.Status.UNVERIFIED,
    )


def verdicts_moved(root: Path, base: str) -> list[tuple[str, object, object]]:
    """The status changes from a revision to the work tree, as (claim id, before, after)."""
    repository = review.Repository.find(root)
    result: review.Diff = review.diff_revisions(repository, repository.commit(base), None)
    return [
        (claim.claim_id, field.before, field.after)
        for document in result.documents
        for claim in document.claims
        for field in claim.fields
        if field.field == "status"
    ]

"""What to do next: the open work of one document, in priority order.

Each claim is listed once, under the first of these that applies to it:

1. **Unsourced, graded high**: a check-worthy claim with no citation that is graded
   *likely* or more, or held with *high* analytic confidence. The record asserts it firmly
   and nothing backs it.
2. **Quote verification failed**: a citation's quote was looked for in a snapshot of its
   source and not found.
3. **Disputed without a disputing source**: marked disputed or refuted, yet no citation
   disputes it.
4. **Errors in the record**: an error-level finding about the claim (a quote not found in
   the document, offsets or quantities that contradict the text, an unknown source).
5. **Supported without a supporting source**: marked supported, yet no citation supports it.
6. **Unsourced**: any other check-worthy claim with no citation (naming who said it, or a
   vague "officials say", is not a source).
7. **Mentions only**: a check-worthy claim whose citations merely mention it; none supports
   or disputes it.
8. **Other flags**: any other claim with a flag.

Claims that are not check-worthy (opinion) are listed only for errors and flags, never as a
sourcing gap.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from claimtrack.findings import Severity
from claimtrack.model import AnalyticConfidence, Likelihood, Stance, Status
from claimtrack.render.report.model import ClaimRow, DocumentReport
from claimtrack.render.report.state import SourcingState
from claimtrack.render.report.verification import is_failed

__all__ = ["TODO_ORDER", "TodoItem", "todo_list"]

_HIGH_LIKELIHOOD = (Likelihood.LIKELY, Likelihood.VERY_LIKELY, Likelihood.ALMOST_CERTAIN)


@attrs.frozen(kw_only=True)
class TodoItem:
    """One kind of open work and the claims it applies to, in document order."""

    key: str
    title: str
    action: str
    rows: tuple[ClaimRow, ...]


def _graded_high(row: ClaimRow) -> bool:
    confidence = row.claim.confidence
    if confidence is None:
        return False
    return (
        confidence.likelihood in _HIGH_LIKELIHOOD or confidence.analytic is AnalyticConfidence.HIGH
    )


def _stances(row: ClaimRow) -> set[Stance]:
    return {marker.stance for marker in row.markers}


def _unsourced_high(row: ClaimRow) -> bool:
    return row.claim.check_worthy and not row.markers and _graded_high(row)


def _failed_verification(row: ClaimRow) -> bool:
    return any(is_failed(marker.verification) for marker in row.markers)


def _disputed_alone(row: ClaimRow) -> bool:
    disputed = row.claim.status in (Status.DISPUTED, Status.REFUTED)
    return disputed and Stance.DISPUTES not in _stances(row)


def _has_error(row: ClaimRow) -> bool:
    return any(flag.severity is Severity.ERROR for flag in row.flags)


def _supported_alone(row: ClaimRow) -> bool:
    return row.claim.status is Status.SUPPORTED and Stance.SUPPORTS not in _stances(row)


def _unsourced(row: ClaimRow) -> bool:
    return row.claim.check_worthy and not row.markers


def _mentions_only(row: ClaimRow) -> bool:
    return row.claim.check_worthy and bool(row.markers) and row.state is SourcingState.VAGUE


def _flagged(row: ClaimRow) -> bool:
    return bool(row.flags)


#: The categories, most urgent first: key, title, what to do, and the test of a claim.
TODO_ORDER: tuple[tuple[str, str, str, Callable[[ClaimRow], bool]], ...] = (
    (
        "unsourced-high",
        "Unsourced claims graded likely or higher",
        "Find a source, or lower the grading.",
        _unsourced_high,
    ),
    (
        "failed-verification",
        "Quotes not found in their source",
        "Check the quote against the source and correct it or the citation.",
        _failed_verification,
    ),
    (
        "disputed-alone",
        "Disputed claims without a disputing source",
        "Cite the source that disputes the claim, or change its status.",
        _disputed_alone,
    ),
    (
        "record-errors",
        "Errors in the claim record",
        "Fix the record: see the flags of each claim.",
        _has_error,
    ),
    (
        "supported-alone",
        "Claims marked supported without a supporting source",
        "Cite the source that supports the claim, or change its status.",
        _supported_alone,
    ),
    (
        "unsourced",
        "Other check-worthy claims with no citation",
        "Find a source, or mark the claim not check-worthy if it is opinion.",
        _unsourced,
    ),
    (
        "mentions-only",
        "Claims whose citations only mention them",
        "Find a source that supports or disputes the claim.",
        _mentions_only,
    ),
    (
        "other-flags",
        "Other flagged claims",
        "Review the flags listed with each claim.",
        _flagged,
    ),
)


def todo_list(doc: DocumentReport) -> tuple[TodoItem, ...]:
    """The open work of ``doc``: the non-empty categories in priority order, each claim
    under the first category that applies to it."""
    listed: set[int] = set()
    items = []
    for key, title, action, applies in TODO_ORDER:
        rows = tuple(row for row in doc.claims if row.number not in listed and applies(row))
        listed.update(row.number for row in rows)
        if rows:
            items.append(TodoItem(key=key, title=title, action=action, rows=rows))
    return tuple(items)

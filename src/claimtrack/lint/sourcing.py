"""F101, F104, F105: flags on whether a claim is sourced, hedged and dated.

Each check receives the loaded document (for locations) and the claim file (the records)
and yields findings. Checks about sourcing look only at check-worthy claims: a pure opinion
needs no source.
"""

from __future__ import annotations

from collections.abc import Iterator

from claimtrack import rules
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import (
    HIGH_LIKELIHOOD,
    LOW_LIKELIHOOD,
    Check,
    at_claim,
    checkworthy,
    supports_content,
)
from claimtrack.lint._words import HEDGES, find_phrases
from claimtrack.lint.sourcing_flags import CITATION_NEEDED, HEDGE_CONFIDENCE, WHEN_NEEDED
from claimtrack.model import AnalyticConfidence, Claim, ClaimFile, ClaimKind, Stance

__all__ = ["CHECKS", "CITATION_NEEDED", "HEDGE_CONFIDENCE", "WHEN_NEEDED"]


def _hedges_of(claim: Claim) -> list[str]:
    recorded = list(claim.attribution.hedges) if claim.attribution is not None else []
    return recorded + [h for h in find_phrases(claim.anchor.exact, HEDGES) if h not in recorded]


def citation_needed(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F101."""
    for index, claim in checkworthy(claim_file):
        if not claim.citations:
            yield rules.finding(
                CITATION_NEEDED,
                f"claim {claim.id!r} is check-worthy but cites no source",
                at_claim(document, index),
            )


def hedge_confidence_mismatch(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F104."""
    for index, claim in enumerate(claim_file.claims):
        confidence = claim.confidence
        if confidence is None:
            continue
        high = confidence.likelihood in HIGH_LIKELIHOOD or (
            confidence.analytic is AnalyticConfidence.HIGH
        )
        if not high and confidence.likelihood not in LOW_LIKELIHOOD:
            continue  # neither graded high nor low: nothing to compare the hedges with
        hedges = _hedges_of(claim)
        if hedges and high and claim.kind is not ClaimKind.QUOTE and not supports_content(claim):
            grade = confidence.likelihood or "high analytic confidence"
            field = "likelihood" if confidence.likelihood in HIGH_LIKELIHOOD else "analytic"
            yield rules.finding(
                HEDGE_CONFIDENCE,
                f"claim {claim.id!r} is hedged ({', '.join(repr(h) for h in hedges[:3])}) but"
                f" graded {grade} with no citation supporting its content",
                at_claim(document, index, "confidence", field),
            )
        elif (
            not hedges
            and confidence.likelihood in LOW_LIKELIHOOD
            and not any(c.stance is Stance.DISPUTES for c in claim.citations)
        ):
            yield rules.finding(
                HEDGE_CONFIDENCE,
                f"claim {claim.id!r} is stated flatly but graded {confidence.likelihood} with no"
                " citation disputing it",
                at_claim(document, index, "confidence", "likelihood"),
            )


def when_needed(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F105."""
    for index, claim in checkworthy(claim_file):
        if claim.kind is ClaimKind.EVENT and not claim.dates:
            yield rules.finding(
                WHEN_NEEDED,
                f"event claim {claim.id!r} has no date or period",
                at_claim(document, index, "kind"),
            )


CHECKS: tuple[Check, ...] = (
    (citation_needed, (CITATION_NEEDED,)),
    (hedge_confidence_mismatch, (HEDGE_CONFIDENCE,)),
    (when_needed, (WHEN_NEEDED,)),
)

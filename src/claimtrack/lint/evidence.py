"""F106, F107, F109–F113: flags on whether the cited evidence carries the verdict."""

from __future__ import annotations

from collections.abc import Iterator

from claimtrack import rules
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import (
    LIKELY_OR_MORE,
    LOW_LIKELIHOOD,
    Check,
    at_claim,
    checkworthy,
    disputing,
    supporting,
    supports_content,
)
from claimtrack.lint.evidence_flags import (
    ATTRIBUTION_ONLY,
    DISPUTED_WITHOUT_CITATION,
    MENTIONS_ONLY,
    SINGLE_SOURCE,
    STATUS_LIKELIHOOD,
    SUPPORTED_WITHOUT_CITATION,
    UNRELIABLE_ONLY,
)
from claimtrack.model import (
    AnalyticConfidence,
    Claim,
    ClaimFile,
    ClaimKind,
    Reliability,
    Source,
    Stance,
    Status,
)

__all__ = [
    "ATTRIBUTION_ONLY",
    "CHECKS",
    "DISPUTED_WITHOUT_CITATION",
    "MENTIONS_ONLY",
    "SINGLE_SOURCE",
    "STATUS_LIKELIHOOD",
    "SUPPORTED_WITHOUT_CITATION",
    "UNRELIABLE_ONLY",
]


def _origin(source: Source) -> str:
    owner = source.publisher or source.container_title
    return owner.casefold().strip() if owner else f"id:{source.id}"


def _judged_false(claim: Claim) -> bool:
    """Whether the record's verdict is that the claim is (probably) not true."""
    likelihood = claim.confidence.likelihood if claim.confidence else None
    return claim.status in (Status.DISPUTED, Status.REFUTED) or likelihood in LOW_LIKELIHOOD


def single_source_high_confidence(
    document: LoadedDocument, claim_file: ClaimFile
) -> Iterator[Finding]:
    """F106."""
    sources = {source.id: source for source in claim_file.sources}
    for index, claim in enumerate(claim_file.claims):
        if claim.confidence is None or claim.confidence.analytic is not AnalyticConfidence.HIGH:
            continue
        # The evidence a judgement rests on: supporting citations, or the disputing ones
        # when the judgement is that the claim is unlikely or wrong.
        evidence = disputing(claim) if _judged_false(claim) else supporting(claim)
        backing = {c.source: sources[c.source] for c in evidence if c.source in sources}
        origins = {_origin(source) for source in backing.values()}
        if len(origins) >= 2:
            continue
        if len(backing) == 1 and next(iter(backing.values())).primary:
            continue
        if not backing:
            what = "no disputing source" if _judged_false(claim) else "no supporting source"
        elif len(backing) == 1:
            what = f"the single source {next(iter(backing))!r}"
        else:
            what = f"{len(backing)} sources from one publisher"
        yield rules.finding(
            SINGLE_SOURCE,
            f"claim {claim.id!r} has high analytic confidence resting on {what}",
            at_claim(document, index, "confidence", "analytic"),
        )


def disputed_without_citation(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F107."""
    for index, claim in enumerate(claim_file.claims):
        if claim.status in (Status.DISPUTED, Status.REFUTED) and not any(
            c.stance is Stance.DISPUTES for c in claim.citations
        ):
            yield rules.finding(
                DISPUTED_WITHOUT_CITATION,
                f"claim {claim.id!r} is marked {claim.status} but no citation disputes it",
                at_claim(document, index, "status"),
            )


def supported_without_citation(
    document: LoadedDocument, claim_file: ClaimFile
) -> Iterator[Finding]:
    """F109 and F110."""
    for index, claim in enumerate(claim_file.claims):
        if claim.status is not Status.SUPPORTED:
            continue
        if not supporting(claim):
            yield rules.finding(
                SUPPORTED_WITHOUT_CITATION,
                f"claim {claim.id!r} is marked supported but no citation supports it",
                at_claim(document, index, "status"),
            )
        elif claim.kind is not ClaimKind.QUOTE and not supports_content(claim):
            yield rules.finding(
                ATTRIBUTION_ONLY,
                f"claim {claim.id!r} is marked supported, but its supporting citations only"
                " show who said it, not that it is true",
                at_claim(document, index, "status"),
            )


def mentions_only(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F111."""
    for index, claim in checkworthy(claim_file):
        if claim.citations and all(c.stance is Stance.MENTIONS for c in claim.citations):
            yield rules.finding(
                MENTIONS_ONLY,
                f"every citation of claim {claim.id!r} only mentions it; none supports or"
                " disputes it",
                document.location(("claims", index, "citations"), key=True),
            )


def status_likelihood_mismatch(
    document: LoadedDocument, claim_file: ClaimFile
) -> Iterator[Finding]:
    """F112."""
    for index, claim in enumerate(claim_file.claims):
        likelihood = claim.confidence.likelihood if claim.confidence is not None else None
        if likelihood is None:
            continue
        if (claim.status is Status.SUPPORTED and likelihood in LOW_LIKELIHOOD) or (
            claim.status is Status.REFUTED and likelihood in LIKELY_OR_MORE
        ):
            yield rules.finding(
                STATUS_LIKELIHOOD,
                f"claim {claim.id!r} is marked {claim.status} but graded {likelihood}",
                at_claim(document, index, "confidence", "likelihood"),
            )


def unreliable_sources_only(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F113."""
    sources = {source.id: source for source in claim_file.sources}
    for index, claim in enumerate(claim_file.claims):
        backing = [sources[c.source] for c in supporting(claim) if c.source in sources]
        if backing and all(source.reliability is Reliability.E for source in backing):
            yield rules.finding(
                UNRELIABLE_ONLY,
                f"claim {claim.id!r} is supported only by sources rated unreliable (E):"
                f" {', '.join(sorted({source.id for source in backing}))}",
                document.location(("claims", index, "citations"), key=True),
            )


CHECKS: tuple[Check, ...] = (
    (single_source_high_confidence, (SINGLE_SOURCE,)),
    (disputed_without_citation, (DISPUTED_WITHOUT_CITATION,)),
    (supported_without_citation, (SUPPORTED_WITHOUT_CITATION, ATTRIBUTION_ONLY)),
    (mentions_only, (MENTIONS_ONLY,)),
    (status_likelihood_mismatch, (STATUS_LIKELIHOOD,)),
    (unreliable_sources_only, (UNRELIABLE_ONLY,)),
)

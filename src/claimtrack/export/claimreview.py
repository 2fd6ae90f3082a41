"""schema.org ClaimReview JSON-LD for claims that carry a verdict; the others as bare Claims.

A claim whose status is supported, disputed or refuted becomes a ``ClaimReview`` with
``claimReviewed``, a ``reviewRating`` (a three-step scale: 1 refuted, 2 disputed, 3 supported,
with the verdict as ``alternateName``), the reviewer as ``author``, the verification date as
``datePublished``, the review's ``url`` when a base URL is given, and ``itemReviewed``: a
``Claim`` whose ``appearance`` is the document. Claims without a verdict are exported as bare
``Claim`` items and never get a rating. Nothing is invented: a property whose value the claim
file does not hold is left out.
"""

from __future__ import annotations

from typing import Any

import attrs

from claimtrack.export._common import json_text
from claimtrack.model import Claim, Document, EntityType, Name, Specificity, Status
from claimtrack.render.report._links import safe_url
from claimtrack.render.report.model import Report
from claimtrack.render.report.state import VERDICTS

__all__ = ["RATINGS", "ClaimReviewSettings", "claimreview_data", "render_claimreview"]

#: ratingValue and alternateName of each verdict, on a scale from 1 (worst) to 3 (best).
RATINGS = {
    Status.REFUTED: (1, "Refuted"),
    Status.DISPUTED: (2, "Disputed"),
    Status.SUPPORTED: (3, "Supported"),
}
BEST_RATING = 3
WORST_RATING = 1


@attrs.frozen(kw_only=True)
class ClaimReviewSettings:
    """Who publishes the reviews, and where: a review's url is ``review_url#claim-id``."""

    review_url: str | None = None
    reviewer: str | None = None
    reviewer_url: str | None = None


def _person_or_body(name: Name) -> dict[str, Any]:
    kind = "Organization" if name.family is None else "Person"
    return {"@type": kind, "name": name.display()}


def _appearance(document: Document) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": document.title}
    url = safe_url(document.url)
    if url:
        work["url"] = url
    if document.published is not None and document.published.date:
        work["datePublished"] = document.published.date
    if document.authors:
        work["author"] = [_person_or_body(name) for name in document.authors]
    if document.publisher:
        work["publisher"] = {"@type": "Organization", "name": document.publisher}
    if document.language:
        work["inLanguage"] = document.language
    return work


def _claim_author(claim: Claim, document: Document) -> list[dict[str, Any]] | None:
    attribution = claim.attribution
    if attribution is None:
        return None
    if attribution.specificity is Specificity.NONE and document.authors:
        return [_person_or_body(name) for name in document.authors]
    if attribution.specificity is Specificity.NAMED and attribution.asserted_by:
        who: dict[str, Any] = {"name": attribution.asserted_by}
        wanted = attribution.asserted_by.casefold()
        for entity in claim.entities:
            if entity.name.casefold() == wanted and entity.type in (
                EntityType.PERSON,
                EntityType.ORGANIZATION,
            ):
                who = {
                    "@type": "Person" if entity.type is EntityType.PERSON else "Organization",
                    **who,
                }
                if entity.wikidata:
                    who["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
                break
        return [who]
    return None


def _claim(claim: Claim, document: Document) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@type": "Claim",
        "text": claim.text,
        "appearance": _appearance(document),
    }
    author = _claim_author(claim, document)
    if author:
        item["author"] = author if len(author) > 1 else author[0]
    return item


def _reviewer(claim: Claim, settings: ClaimReviewSettings) -> dict[str, Any] | None:
    if settings.reviewer:
        author: dict[str, Any] = {"@type": "Organization", "name": settings.reviewer}
        url = safe_url(settings.reviewer_url)
        if url:
            author["url"] = url
        return author
    provenance = claim.provenance
    name = provenance and (provenance.verified_by or provenance.reviewed_by)
    return {"name": name} if name else None


def _review(claim: Claim, document: Document, settings: ClaimReviewSettings) -> dict[str, Any]:
    value, verdict = RATINGS[claim.status]
    review: dict[str, Any] = {"@type": "ClaimReview", "claimReviewed": claim.text}
    base = safe_url(settings.review_url)
    if base:
        review["url"] = f"{base.split('#', 1)[0]}#{claim.id}"
    author = _reviewer(claim, settings)
    if author:
        review["author"] = author
    provenance = claim.provenance
    when = provenance and (provenance.verified_at or provenance.reviewed_at)
    if when:
        review["datePublished"] = when[:10]
    review["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": verdict,
    }
    review["itemReviewed"] = _claim(claim, document)
    return review


def claimreview_data(report: Report, settings: ClaimReviewSettings | None = None) -> dict[str, Any]:
    """A JSON-LD document: one ClaimReview per claim with a verdict, a Claim for the others."""
    settings = settings or ClaimReviewSettings()
    graph = []
    for doc in report.documents:
        if doc.claim_file is None:
            continue
        document = doc.claim_file.document
        for row in doc.claims:
            claim = row.claim
            graph.append(
                _review(claim, document, settings)
                if claim.status in VERDICTS
                else _claim(claim, document)
            )
    return {"@context": "https://schema.org", "@graph": graph}


def render_claimreview(report: Report, settings: ClaimReviewSettings | None = None) -> str:
    """The ClaimReview JSON-LD as text."""
    return json_text(claimreview_data(report, settings))

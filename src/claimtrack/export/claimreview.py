"""schema.org ClaimReview JSON-LD for claims that carry a verdict; the others as bare Claims.

A claim whose status is supported, disputed or refuted becomes a ``ClaimReview`` with
``claimReviewed`` (the claim's text, shortened at a word to Google's advised 75 characters
when longer: the whole text stays in the reviewed Claim's ``text``), a ``reviewRating`` (a
three-step scale: 1 refuted, 2 disputed, 3 supported, with the verdict as ``alternateName``),
the configured reviewer as ``author`` (typed ``Organization`` or ``Person``), the verification
date as ``datePublished``, the review's ``url`` when a base URL is given, and ``itemReviewed``: a
``Claim`` whose ``appearance`` is the document. Claims without a verdict are exported as bare
``Claim`` items and never get a rating. Nothing is invented: a property whose value the claim
file does not hold is left out, and so is a claimant whose kind (person or organisation) no
entity of the file states. :mod:`claimtrack.export.claimreview_gaps` says what a review lacks.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from claimtrack.export._common import json_text
from claimtrack.model import (
    Claim,
    ClaimFile,
    Document,
    Entity,
    EntityType,
    Name,
    Specificity,
    Status,
)
from claimtrack.render.links import safe_url
from claimtrack.render.report.model import Report
from claimtrack.render.report.state import VERDICTS

__all__ = [
    "CLAIM_REVIEWED_CHARS",
    "RATINGS",
    "REVIEWER_TYPES",
    "ClaimReviewSettings",
    "claimant",
    "claimreview_data",
    "file_entities",
    "render_claimreview",
    "short_claim",
]

#: ratingValue and alternateName of each verdict, on a scale from 1 (worst) to 3 (best).
RATINGS = {
    Status.REFUTED: (1, "Refuted"),
    Status.DISPUTED: (2, "Disputed"),
    Status.SUPPORTED: (3, "Supported"),
}
BEST_RATING = 3
WORST_RATING = 1
#: Google advises keeping ``claimReviewed`` under 75 characters (it wraps on phones).
CLAIM_REVIEWED_CHARS = 75
#: The schema.org types a reviewer may have.
REVIEWER_TYPES = ("Organization", "Person")


@attrs.frozen(kw_only=True)
class ClaimReviewSettings:
    """Who publishes the reviews, and where: a review's url is ``review_url#claim-id``;
    the reviewer is typed ``reviewer_type`` (``Organization`` or ``Person``)."""

    review_url: str | None = None
    reviewer: str | None = None
    reviewer_url: str | None = None
    reviewer_type: str = attrs.field(
        default="Organization", validator=attrs.validators.in_(REVIEWER_TYPES)
    )


def short_claim(text: str, limit: int = CLAIM_REVIEWED_CHARS) -> str:
    """``text`` if it has at most ``limit`` characters, else cut at the last word that fits,
    with an ellipsis (the whole stays within ``limit``)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


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


def _claim_author(
    claim: Claim, document: Document, entities: tuple[Entity, ...]
) -> list[dict[str, Any]] | None:
    attribution = claim.attribution
    if attribution is None:
        return None
    if attribution.specificity is Specificity.NONE and document.authors:
        return [_person_or_body(name) for name in document.authors]
    if attribution.specificity is Specificity.NAMED and attribution.asserted_by:
        who = claimant(attribution.asserted_by, claim, entities)
        return [who] if who is not None else None
    return None


def claimant(name: str, claim: Claim, entities: Iterable[Entity] = ()) -> dict[str, Any] | None:
    """A named claimant as a typed ``Person`` or ``Organization``: the claim's own entities
    say which, then the other ``entities`` of the file; None when none does."""
    wanted = name.casefold()
    for entity in (*claim.entities, *entities):
        if entity.name.casefold() == wanted and entity.type in _PARTIES:
            who: dict[str, Any] = {"@type": _PARTIES[entity.type], "name": name}
            if entity.wikidata:
                who["sameAs"] = f"https://www.wikidata.org/wiki/{entity.wikidata}"
            return who
    return None


_PARTIES = {EntityType.PERSON: "Person", EntityType.ORGANIZATION: "Organization"}


def _claim(claim: Claim, document: Document, entities: tuple[Entity, ...] = ()) -> dict[str, Any]:
    item: dict[str, Any] = {
        "@type": "Claim",
        "text": claim.text,
        "appearance": _appearance(document),
    }
    author = _claim_author(claim, document, entities)
    if author:
        item["author"] = author if len(author) > 1 else author[0]
    return item


def _reviewer(settings: ClaimReviewSettings) -> dict[str, Any] | None:
    """The publisher of the reviews (Google: "the publisher of the fact check article, not the
    publisher of the claim"): only the configured one, never a claim's verifier guessed into
    that role."""
    if not settings.reviewer:
        return None
    author: dict[str, Any] = {"@type": settings.reviewer_type, "name": settings.reviewer}
    url = safe_url(settings.reviewer_url)
    if url:
        author["url"] = url
    return author


def _review(
    claim: Claim, document: Document, settings: ClaimReviewSettings, entities: tuple[Entity, ...]
) -> dict[str, Any]:
    value, verdict = RATINGS[claim.status]
    review: dict[str, Any] = {"@type": "ClaimReview", "claimReviewed": short_claim(claim.text)}
    base = safe_url(settings.review_url)
    if base:
        review["url"] = f"{base.split('#', 1)[0]}#{claim.id}"
    author = _reviewer(settings)
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
    review["itemReviewed"] = _claim(claim, document, entities)
    return review


def file_entities(claim_file: ClaimFile) -> tuple[Entity, ...]:
    """Every entity of every claim of a file: what types a claimant named in another claim."""
    return tuple(entity for claim in claim_file.claims for entity in claim.entities)


def claimreview_data(report: Report, settings: ClaimReviewSettings | None = None) -> dict[str, Any]:
    """A JSON-LD document: one ClaimReview per claim with a verdict, a Claim for the others."""
    settings = settings or ClaimReviewSettings()
    graph = []
    for doc in report.documents:
        if doc.claim_file is None:
            continue
        document = doc.claim_file.document
        entities = file_entities(doc.claim_file)
        for row in doc.claims:
            claim = row.claim
            graph.append(
                _review(claim, document, settings, entities)
                if claim.status in VERDICTS
                else _claim(claim, document, entities)
            )
    return {"@context": "https://schema.org", "@graph": graph}


def render_claimreview(report: Report, settings: ClaimReviewSettings | None = None) -> str:
    """The ClaimReview JSON-LD as text."""
    return json_text(claimreview_data(report, settings))

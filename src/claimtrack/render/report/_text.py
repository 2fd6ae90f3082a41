"""Plain-text wording shared by every renderer, so each format says the same thing."""

from __future__ import annotations

from claimtrack.model import Claim, ClaimFile, Specificity, When
from claimtrack.render.links import safe_url

__all__ = [
    "CLAIM_COLUMNS",
    "attribution_text",
    "confidence_text",
    "date_text",
    "header_fields",
    "percent",
]


#: The columns of the claims table, in every format that has one.
CLAIM_COLUMNS = (
    "#",
    "Claim",
    "Attribution",
    "Confidence",
    "Status",
    "Sourcing",
    "Citations",
    "Flags",
)


def percent(share: float | None) -> str:
    """A share as a whole percentage ("62%"), or "n/a"."""
    return "n/a" if share is None else f"{round(share * 100)}%"


def date_text(when: When | None) -> str | None:
    """A date or period in ISO form ("2024-12-08", "2024-11 to 2024-12")."""
    if when is None:
        return None
    text = when.date or f"{when.start or '…'} to {when.end or '…'}"
    return f"about {text}" if when.approximate else text


def attribution_text(claim: Claim) -> str:
    """Who the document says asserts the claim, and the hedges used."""
    attribution = claim.attribution
    if attribution is None:
        return "not recorded"
    if attribution.specificity is Specificity.NONE:
        text = "the author's own voice"
    else:
        who = attribution.asserted_by or "unnamed"
        text = f"{attribution.specificity}: {who}"
    if attribution.reported_by:
        text += f", as reported by {attribution.reported_by}"
    if attribution.hedges:
        text += f" (hedged: {', '.join(attribution.hedges)})"
    return text


def confidence_text(claim: Claim) -> str:
    """Likelihood and analytic confidence, or "not graded"."""
    confidence = claim.confidence
    if confidence is None or (confidence.likelihood is None and confidence.analytic is None):
        return "not graded"
    parts = []
    if confidence.likelihood is not None:
        parts.append(str(confidence.likelihood).replace("-", " "))
    if confidence.analytic is not None:
        parts.append(f"{confidence.analytic} confidence")
    return ", ".join(parts)


def header_fields(claim_file: ClaimFile, path: str) -> list[tuple[str, str, str | None]]:
    """The document header as (label, text, link) triples; a link only for http(s) URLs."""
    document = claim_file.document
    fields: list[tuple[str, str, str | None]] = []
    if document.authors:
        fields.append(("Author", "; ".join(name.display() for name in document.authors), None))
    if document.publisher:
        fields.append(("Publisher", document.publisher, None))
    if document.container_title:
        fields.append(("Published in", document.container_title, None))
    published = date_text(document.published)
    if published:
        fields.append(("Date", published, None))
    if document.url:
        fields.append(("Link", document.url, safe_url(document.url)))
    if document.language:
        fields.append(("Language", document.language, None))
    fields.append(("Claim file", path, None))
    return fields

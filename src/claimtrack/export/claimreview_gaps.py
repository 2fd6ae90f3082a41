"""What the ClaimReview export lacks for Google's fact-check profile, said before it is used.

Google's structured-data guide for fact checks
(https://developers.google.com/search/docs/appearance/structured-data/factcheck) requires
``claimReviewed``, ``reviewRating`` (with ``alternateName``) and ``url`` on every ClaimReview,
and recommends an ``author`` (the publisher of the fact check, with a name or URL) and a
``Claim`` whose ``author`` names the claimant. The export always writes the first two; the
review URL and the reviewer come from settings, and a claimant is typed only when an entity
says whether it is a person or an organisation. Each gap is one message naming the setting
or the claim to fix.
"""

from __future__ import annotations

import attrs

from claimtrack.export.claimreview import ClaimReviewSettings, claimant, file_entities
from claimtrack.model import Specificity
from claimtrack.render.report.model import Report
from claimtrack.render.report.state import VERDICTS

__all__ = ["Gap", "claimreview_gaps"]


@attrs.frozen(kw_only=True)
class Gap:
    """One thing a consumer of the export will miss: where (a file, or the settings), what,
    and what to do; ``fails_strict`` for the review's url and author, which ``--strict``
    turns into a failure."""

    where: str
    message: str
    fails_strict: bool

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def claimreview_gaps(report: Report, settings: ClaimReviewSettings) -> list[Gap]:
    """The gaps of the ClaimReview export of ``report``: missing review URL and reviewer
    (once each, counting the reviews concerned), then claimants no entity types."""
    reviews = 0
    gaps: list[Gap] = []
    for doc in report.documents:
        if doc.claim_file is None:
            continue
        entities = file_entities(doc.claim_file)
        for row in doc.claims:
            claim = row.claim
            if claim.status in VERDICTS:
                reviews += 1
            attribution = claim.attribution
            if (
                attribution is not None
                and attribution.specificity is Specificity.NAMED
                and attribution.asserted_by
                and claimant(attribution.asserted_by, claim, entities) is None
            ):
                gaps.append(
                    Gap(
                        where=f"{doc.path}: claim {claim.id}",
                        message=(
                            f"the claimant {attribution.asserted_by!r} is left out of the"
                            " Claim's author: no entity says whether it is a person or an"
                            " organization; add one under entities with type person or"
                            " organization"
                        ),
                        fails_strict=False,
                    )
                )
    missing = []
    if reviews and not settings.review_url:
        missing.append(
            Gap(
                where="claimreview",
                message=(
                    f"{_reviews(reviews)} without a url, which Google requires; give"
                    " --review-url URL or set review-url in the configuration"
                ),
                fails_strict=True,
            )
        )
    if reviews and not settings.reviewer:
        missing.append(
            Gap(
                where="claimreview",
                message=(
                    f"{_reviews(reviews)} without an author (the publisher of the fact check),"
                    " which Google recommends; give --reviewer NAME or set reviewer in the"
                    " configuration"
                ),
                fails_strict=True,
            )
        )
    return missing + gaps


def _reviews(count: int) -> str:
    return f"{count} ClaimReview{'' if count == 1 else 's'}"

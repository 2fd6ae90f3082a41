"""A claim's sourcing state, the one colour a report gives it: sourced, vague, unsourced or
disputed."""

from __future__ import annotations

from enum import StrEnum

from claimtrack.model import Claim, Specificity, Stance, Status

__all__ = ["VERDICTS", "SourcingState", "sourcing_state"]

#: Statuses that carry a verdict (exported as ClaimReview ratings).
VERDICTS = (Status.SUPPORTED, Status.DISPUTED, Status.REFUTED)


class SourcingState(StrEnum):
    """How well a claim is sourced, from a reader's point of view."""

    SOURCED = "sourced"
    VAGUE = "vague"
    UNSOURCED = "unsourced"
    DISPUTED = "disputed"


def sourcing_state(claim: Claim) -> SourcingState:
    """The sourcing state of a claim.

    - disputed: its status is disputed or refuted, or a citation disputes it;
    - sourced: otherwise, at least one citation supports it;
    - vague: otherwise, the document leans on a vague attribution ("officials said"), or the
      claim's citations only mention it;
    - unsourced: nothing backs it.
    """
    stances = {citation.stance for citation in claim.citations}
    if claim.status in (Status.DISPUTED, Status.REFUTED) or Stance.DISPUTES in stances:
        return SourcingState.DISPUTED
    if Stance.SUPPORTS in stances:
        return SourcingState.SOURCED
    vague_attribution = (
        claim.attribution is not None and claim.attribution.specificity is Specificity.VAGUE
    )
    if vague_attribution or stances:
        return SourcingState.VAGUE
    return SourcingState.UNSOURCED

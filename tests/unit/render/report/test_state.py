"""Sourcing states: sourced, vague, unsourced, disputed."""

from __future__ import annotations

import pytest

from claimtrack import Anchor, Attribution, Citation, Claim, ClaimKind, Specificity, Stance, Status
from claimtrack.render.report import SourcingState, sourcing_state


def _claim(**fields: object) -> Claim:
    return Claim(
        id="c", text="A claim.", kind=ClaimKind.EVENT, anchor=Anchor(exact="claim"), **fields
    )


class TestSourcingState:
    def test_no_citation_and_no_attribution_is_unsourced(self) -> None:
        """A claim with nothing behind it is unsourced."""
        assert sourcing_state(_claim()) is SourcingState.UNSOURCED

    def test_named_attribution_without_citation_is_unsourced(self) -> None:
        """Naming who said it is not a source: with no citation the claim is unsourced."""
        claim = _claim(attribution=Attribution(specificity=Specificity.NAMED, asserted_by="X"))
        assert sourcing_state(claim) is SourcingState.UNSOURCED

    def test_vague_attribution_without_citation_is_vague(self) -> None:
        """A vague attribution ("officials said") with no citation is vague."""
        claim = _claim(attribution=Attribution(specificity=Specificity.VAGUE))
        assert sourcing_state(claim) is SourcingState.VAGUE

    def test_mentioning_citation_only_is_vague(self) -> None:
        """A source that only mentions the claim does not source it."""
        claim = _claim(citations=(Citation(source="s", stance=Stance.MENTIONS),))
        assert sourcing_state(claim) is SourcingState.VAGUE

    def test_supporting_citation_is_sourced(self) -> None:
        """A supporting citation sources the claim, whatever the attribution."""
        claim = _claim(
            attribution=Attribution(specificity=Specificity.VAGUE),
            citations=(Citation(source="s"),),
        )
        assert sourcing_state(claim) is SourcingState.SOURCED

    @pytest.mark.parametrize("status", [Status.DISPUTED, Status.REFUTED])
    def test_disputed_or_refuted_status_wins(self, status: Status) -> None:
        """A disputed or refuted claim is disputed even with a supporting citation."""
        claim = _claim(citations=(Citation(source="s"),), status=status)
        assert sourcing_state(claim) is SourcingState.DISPUTED

    def test_disputing_citation_is_disputed(self) -> None:
        """A source that disputes the claim makes it disputed."""
        claim = _claim(citations=(Citation(source="s", stance=Stance.DISPUTES),))
        assert sourcing_state(claim) is SourcingState.DISPUTED

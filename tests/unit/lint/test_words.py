"""Whole-word matching of hedges and vague attributions."""

from __future__ import annotations

import pytest

from claimtrack.lint._words import HEDGES, VAGUE_ATTRIBUTIONS, find_phrases


class TestFindPhrases:
    @pytest.mark.parametrize(
        "text",
        ["the mayor resigned", "in May 2024", "an overall likelihood", "the unlikely outcome"],
    )
    def test_no_hedge_inside_other_words_or_the_month(self, text: str) -> None:
        """'mayor', the month 'May' and 'unlikely' are not the hedges 'may' and 'likely'."""
        assert find_phrases(text, HEDGES) == []

    @pytest.mark.parametrize(
        ("text", "hedge"),
        [
            ("Iran may have withdrawn", "may"),
            ("Perhaps the regime fell", "perhaps"),
            ("he is believed to have fled", "believed"),
            ("a reportedly large sum", "reportedly"),
        ],
    )
    def test_hedges_are_found_as_whole_words(self, text: str, hedge: str) -> None:
        """A hedge standing as a word is found, whatever its case (except 'may')."""
        assert hedge in find_phrases(text, HEDGES)

    def test_phrases_match_across_whitespace(self) -> None:
        """A multi-word cue matches across any whitespace, line breaks included."""
        assert find_phrases("officials\n  say it was", VAGUE_ATTRIBUTIONS) == ["officials say"]

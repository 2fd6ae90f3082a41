"""Whole-word matching of hedges and vague attributions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.lint._words import HEDGES, VAGUE_ATTRIBUTIONS, _pattern, find_phrases


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


_WORDY = st.lists(
    st.sampled_from([*HEDGES, *VAGUE_ATTRIBUTIONS, "May", "mayor", "un", "the", "-", "'s", "\n"]),
    max_size=8,
)


@given(_WORDY, st.sampled_from([" ", "", "  ", "-"]))
def test_the_quick_first_test_never_hides_a_phrase(words: list[str], glue: str) -> None:
    """find_phrases answers exactly as testing every phrase one by one would."""
    text = glue.join(words)
    for phrases in (HEDGES, VAGUE_ATTRIBUTIONS):
        one_by_one = [phrase for phrase in phrases if _pattern(phrase).search(text)]
        assert find_phrases(text, phrases) == one_by_one

"""Seeking citation quotes in source snapshot texts: exact, normalised, fuzzy, or failed."""

from __future__ import annotations

import pytest

from claimtrack.lint.verify import FUZZY_THRESHOLD, MatchKind, difference, seek_quote

# Two made-up pages of the kind a source fetch extracts: a wire report and a budget note.
WIRE = (
    "Rebels enter the capital as the government collapses\n\n"
    "By an example correspondent\n\n"
    "Opposition fighters entered the capital early on Sunday, 8 December, after an offensive"
    " that lasted less than two weeks. The president’s whereabouts were not immediately known.\n"
    "A monitoring group said more than 2,000 fighters had been killed since late November,"
    " a figure that could not be independently verified.\n"
    "“The regime has fallen,” a commander told the crowd in the main square.\n"
    "Officials in the neighbouring country said 1.5 million people had crossed the border"
    " in the first week — the largest movement since 2015.\n"
)
BUDGET = (
    "Budget note 14: foreign commitments\n"
    "Spending on the programme rose to 30 billion over the decade, according to the ministry’s"
    " own accounts. Analysts put the total cost at between 30 and 50 billion dollars.\n"
)

TRUE_QUOTES = [
    (WIRE, "Opposition fighters entered the capital early on Sunday", MatchKind.EXACT),
    (WIRE, "more than 2,000 fighters had been killed since late November", MatchKind.EXACT),
    (WIRE, "“The regime has fallen,” a commander told the crowd", MatchKind.EXACT),
    (WIRE, '"The regime has fallen," a commander told the crowd', MatchKind.NORMALISED),
    (WIRE, "The president's whereabouts were not immediately known.", MatchKind.NORMALISED),
    (WIRE, "in the first week - the largest movement since 2015", MatchKind.NORMALISED),
    (WIRE, "said 1.5 million people had crossed\n the border", MatchKind.NORMALISED),
    (WIRE, "Opposition fighters entered the capital ... after an offensive", MatchKind.NORMALISED),
    # A sentence's full stop kept before the ellipsis that skips the next one's first words.
    (
        WIRE,
        "less than two weeks. ... whereabouts were not immediately known.",
        MatchKind.NORMALISED,
    ),
    (
        WIRE,
        "less than two weeks. [...] whereabouts were not immediately known.",
        MatchKind.NORMALISED,
    ),
    (WIRE, "less than two weeks.… whereabouts were not immediately known.", MatchKind.NORMALISED),
    (BUDGET, "Analysts put the total cost at between 30 and 50 billion dollars", MatchKind.EXACT),
    (BUDGET, "Spending on the programme rose to 30 bilion over the decade", MatchKind.FUZZY),
    (BUDGET, "“according to the ministry's own accounts”", MatchKind.NORMALISED),
]

FALSE_QUOTES = [
    # A changed number, however close the rest of the text.
    (WIRE, "more than 3,000 fighters had been killed since late November"),
    (WIRE, "said 2.5 million people had crossed the border in the first week"),
    (BUDGET, "Analysts put the total cost at between 30 and 60 billion dollars"),
    (WIRE, "the largest movement since 2011"),
    # A quote from the other page.
    (WIRE, "Analysts put the total cost at between 30 and 50 billion dollars"),
    (BUDGET, "Opposition fighters entered the capital early on Sunday"),
    # Words changed or made up.
    (WIRE, "The president fled to an allied country on Sunday"),
    (WIRE, "a figure that has been independently verified by the group"),
    (BUDGET, "Spending on the programme fell sharply over the decade"),
    # The parts round an ellipsis out of order.
    (WIRE, "a commander told the crowd ... Opposition fighters entered the capital"),
    # Case matters: a quote is the source's words as written.
    (WIRE, "OPPOSITION FIGHTERS ENTERED THE CAPITAL"),
]


class TestSeekQuote:
    @pytest.mark.parametrize(("text", "quote", "kind"), TRUE_QUOTES)
    def test_true_quotes_verify(self, text: str, quote: str, kind: MatchKind) -> None:
        """Every quote the source does contain is found, at the stage it needs."""
        match = seek_quote(text, quote)
        assert match.kind is kind
        assert match.start is not None
        assert match.end is not None
        assert match.passage == text[match.start : match.end]

    @pytest.mark.parametrize(("text", "quote"), FALSE_QUOTES)
    def test_planted_false_quotes_fail(self, text: str, quote: str) -> None:
        """Every quote the source does not contain fails, changed figures included."""
        assert not seek_quote(text, quote).verified

    def test_changed_number_names_the_closest_passage(self) -> None:
        """A changed figure fails although the passage is very similar, and is shown."""
        match = seek_quote(WIRE, "more than 3,000 fighters had been killed since late November")
        assert match.score >= FUZZY_THRESHOLD
        assert match.passage is not None
        assert "2,000 fighters" in match.passage

    def test_ellipsis_gap_is_bounded(self) -> None:
        """An ellipsis may not stand for more than the documented gap."""
        text = "alpha beta gamma " + "x" * 2_000 + " delta epsilon"
        assert not seek_quote(text, "alpha beta ... delta epsilon").verified
        assert seek_quote("alpha beta gamma delta epsilon", "alpha beta ... delta").verified

    def test_offsets_count_the_original_text(self) -> None:
        """A normalised match's span is in code points of the snapshot as it is."""
        text = "Intro.\r\nHe said:  “it is over”  today."
        match = seek_quote(text, '"it is over" today')
        assert match.kind is MatchKind.NORMALISED
        assert match.passage == "“it is over”  today"


class TestDifference:
    def test_names_the_changed_words(self) -> None:
        """The difference names the source's words and the quote's."""
        shown = difference("rose to 30 bilion over", "rose to 30 billion over")
        assert shown == "the source has 'billion' where the quote has 'bilion'"

    def test_spacing_only(self) -> None:
        """A difference of spacing alone says so."""
        assert difference("a  b", "a b") == "only spacing or line breaks differ"


class TestFuzzyIsOnlyForMisspellings:
    @pytest.mark.parametrize(
        "quote",
        [
            "Spending on the programme fell to 30 billion over the decade",  # word replaced
            "Spending on the programme did not rise to 30 billion over the decade",  # added
            "Spending on programme rose to 30 billion over the decade",  # word dropped
        ],
    )
    def test_other_words_fail(self, quote: str) -> None:
        """A word replaced, added or dropped is not a near miss, however similar overall."""
        assert not seek_quote(BUDGET, quote).verified

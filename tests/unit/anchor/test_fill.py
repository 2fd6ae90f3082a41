"""Unit tests of filling anchors: offsets and the shortest disambiguating context."""

from __future__ import annotations

from claimtrack.anchor import FillStatus, Match, PlacementStatus, fill, place, shortest_context
from claimtrack.model import Anchor

TEXT = "the cat sat. a cat ran. the dog sat."


class TestShortestContext:
    """The shortest prefix or suffix that tells one occurrence from the others."""

    def test_one_side_suffices(self) -> None:
        """A suffix alone is proposed when it tells the occurrence apart, widened to a word."""
        first, second = Match(4, 7), Match(15, 18)
        assert shortest_context(TEXT, first, [first, second]) == ("the ", None)
        assert shortest_context(TEXT, second, [first, second]) == ("a ", None)

    def test_unique_occurrence_needs_nothing(self) -> None:
        """An occurrence with no rivals needs no context."""
        assert shortest_context(TEXT, Match(4, 7), [Match(4, 7)]) == (None, None)

    def test_identical_passages_cannot_be_told_apart(self) -> None:
        """Two identical passages longer than the limit on both sides give no context."""
        block = "x" * 100
        text = block + "Q" + block + "Q" + block
        first, second = Match(100, 101), Match(201, 202)
        assert shortest_context(text, first, [first, second]) is None

    def test_keeps_existing_context_length(self) -> None:
        """A minimum prefix length keeps context the anchor already has."""
        first, second = Match(4, 7), Match(15, 18)
        context = shortest_context(TEXT, first, [first, second], min_prefix=4)
        assert context is not None
        assert context[0] is not None
        assert context[0].endswith("the ")


class TestFill:
    """Filling adds offsets and context without changing what the anchor has."""

    def test_adds_offsets_to_a_unique_quote(self) -> None:
        """A unique quote gets its offsets and no context."""
        result = fill(TEXT, Anchor(exact="dog"))
        assert result.status is FillStatus.FILLED
        assert result.anchor == Anchor(exact="dog", start=28, end=31)

    def test_adds_context_to_an_ambiguous_quote_with_offsets(self) -> None:
        """A repeated quote picked by offsets gets the context that picks it without them."""
        result = fill(TEXT, Anchor(exact="cat", start=15, end=18))
        assert result.anchor.prefix == "a "
        assert place(TEXT, Anchor(exact="cat", prefix="a ")).match == Match(15, 18)

    def test_complete_anchor_is_left_alone(self) -> None:
        """An anchor with offsets and a unique quote is complete."""
        anchor = Anchor(exact="dog", start=28, end=31)
        assert fill(TEXT, anchor).status is FillStatus.COMPLETE

    def test_ambiguous_quote_without_offsets_is_unplaceable(self) -> None:
        """A repeated quote with nothing to pick an occurrence is not guessed."""
        result = fill(TEXT, Anchor(exact="sat"))
        assert result.status is FillStatus.UNPLACEABLE
        assert result.placement.status is PlacementStatus.AMBIGUOUS
        assert result.anchor == Anchor(exact="sat")

    def test_wrong_offsets_are_not_overwritten(self) -> None:
        """Offsets that disagree with the quote are reported, not replaced."""
        anchor = Anchor(exact="dog", start=1, end=4)
        result = fill(TEXT, anchor)
        assert result.status is FillStatus.UNPLACEABLE
        assert result.anchor == anchor


class TestNormalisedQuotes:
    """Quotes and context in another Unicode form or with CRLF place by their normal form."""

    def test_decomposed_quote_is_filled_in_composed_form(self) -> None:
        """An NFD quote is placed in the NFC text and recorded in NFC, so its offsets
        select exactly the recorded quote."""
        text = "The caf\u00e9 owner said fifty people attended.\n"
        result = fill(text, Anchor(exact="caf\u0065\u0301 owner", suffix=" said"))
        assert result.status is FillStatus.FILLED
        assert result.anchor == Anchor(exact="caf\u00e9 owner", suffix=" said", start=4, end=14)
        assert text[4:14] == result.anchor.exact

    def test_crlf_quote_places_in_lf_text(self) -> None:
        """A quote spanning a line end written as CRLF places where the text has LF."""
        text = "First line ends.\nSecond line starts.\n"
        placed = place(text, Anchor(exact="ends.\r\nSecond"))
        assert placed.status is PlacementStatus.FOUND
        assert placed.match == Match(11, 23)

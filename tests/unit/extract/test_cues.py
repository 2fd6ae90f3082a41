"""Hedges, attribution and claim kinds of single statements."""

from __future__ import annotations

import time

import pytest

from claimtrack.extract.attribution import detect_attribution, has_quotation
from claimtrack.extract.classify import Signals, classify
from claimtrack.extract.hedges import find_hedges, hedge_words
from claimtrack.model import Attribution, ClaimKind, Specificity


class TestHedges:
    def test_reporting_and_epistemic_hedges(self) -> None:
        """Reporting adverbs, estimates, beliefs and modals are hedges, in order, once each."""
        text = (
            "It reportedly cost an estimated sum and is believed to be, perhaps, reportedly lost."
        )
        assert find_hedges(text) == ("reportedly", "estimated", "believed", "perhaps")

    def test_whole_words_only(self) -> None:
        """A hedge inside another word is not a hedge ("mayor" is not "may")."""
        assert find_hedges("The mayor maybe spoke.") == ("maybe",)

    def test_boosters_and_common_words_are_not_hedges(self) -> None:
        """Boosters and everyday senses ("found", "will", "clearly") are left out."""
        assert find_hedges("He found it clearly and will always know most of it.") == ()

    def test_list_comes_from_the_shipped_data(self) -> None:
        """The list holds the shipped wooorm entries plus the news-writing additions."""
        words = hedge_words()
        assert {"apparently", "presumably", "reportedly", "allegedly"} <= set(words)
        assert "clearly" not in words


class TestAttribution:
    @pytest.mark.parametrize(
        ("text", "specificity", "asserted_by"),
        [
            ("Official figures cite more than 400 deaths.", "vague", "Official figures"),
            ("The ministry said on Monday that 40 people died.", "named", "The ministry"),
            (
                "According to the World Health Organization, cases rose.",
                "named",
                "the World Health Organization",
            ),
            ("Cases rose, according to officials.", "vague", "officials"),
            ("Local residents claim the water is unsafe.", "vague", "Local residents"),
            (
                "The night before the mayor fled Tula, the Daily Courier revealed that it shut.",
                "named",
                "the Daily Courier",
            ),
            (
                "The plant opens soon, though engineers have warned that it could slip.",
                "vague",
                "engineers",
            ),
            ("The mayor reportedly resigned.", "vague", "reportedly"),
            ("Most of the victims are believed to be miners.", "vague", "are believed to"),
            ("The bridge opened in 1932.", "none", None),
        ],
    )
    def test_sources(self, text: str, specificity: str, asserted_by: str | None) -> None:
        """Who asserts a statement, and how precisely the text names them."""
        attribution = detect_attribution(text, is_name=lambda word: word in {"Official", "The"})
        assert (attribution.specificity.value, attribution.asserted_by) == (
            specificity,
            asserted_by,
        )

    def test_cue_without_a_source(self) -> None:
        """ "according to" followed by no words names nobody (found by the property test)."""
        assert detect_attribution("according to “").specificity is Specificity.NONE

    def test_appositive_and_relay(self) -> None:
        """ "Dr. X, a title, told the Paper" names X with the title, relayed by the paper."""
        attribution = detect_attribution(
            "Dr. Ana Ruiz, a geologist at Hill College, told the Valley Post that it was safe.",
            is_name=lambda word: word == "Dr.",
        )
        assert attribution.specificity is Specificity.NAMED
        assert attribution.asserted_by == "Dr. Ana Ruiz, a geologist at Hill College"
        assert attribution.reported_by == "the Valley Post"

    def test_unnamed_speaker_relayed(self) -> None:
        """An unnamed speaker in a relative clause is vague; the outlet told is the relay."""
        attribution = detect_attribution(
            "The mood was caught by a trader close to the board who told the newspaper: “We are"
            " leaving the market for good now.”"
        )
        assert attribution.specificity is Specificity.VAGUE
        assert attribution.asserted_by == "a trader close to the board"
        assert attribution.reported_by == "the newspaper"

    def test_possessive_speech(self) -> None:
        """ "X's remarks" attribute a statement to X."""
        attribution = detect_attribution("Anger showed in Maria Lopez’s remarks at the summit.")
        assert (attribution.specificity, attribution.asserted_by) == (
            Specificity.NAMED,
            "Maria Lopez",
        )

    def test_quotation_needs_five_words(self) -> None:
        """Five quoted words make a quotation; a quoted term does not."""
        assert has_quotation("She said: “we will not sign this deal”.")
        assert not has_quotation("the so-called “peace dividend” of the decade")


class TestClassify:
    def _signals(
        self, specificity: Specificity = Specificity.NONE, **kwargs: int | bool
    ) -> Signals:
        return Signals(attribution=Attribution(specificity=specificity), **kwargs)  # type: ignore[arg-type]

    def test_quote_first(self) -> None:
        """An attributed quotation is a quote, whatever else it holds."""
        signals = self._signals(Specificity.NAMED, quotation=True, quantities=1)
        assert classify("She said: “…”", signals) == (ClaimKind.QUOTE, True)

    def test_quantity_then_event(self) -> None:
        """A number makes a quantity claim; a date or a happening an event."""
        assert classify("It cost $5m.", self._signals(quantities=1)) == (ClaimKind.QUANTITY, True)
        assert classify("It opened in 1932.", self._signals(dates=1)) == (ClaimKind.EVENT, True)
        signals = self._signals(named_entities=1)
        assert classify("Rebels captured Tula.", signals) == (ClaimKind.EVENT, True)

    def test_relation(self) -> None:
        """A tie between parties is a relation."""
        signals = self._signals(named_entities=2)
        assert classify("The unit, commanded by Ana Ruiz, is loyal to Tula.", signals) == (
            ClaimKind.RELATION,
            True,
        )

    def test_speculation_and_description_are_not_check_worthy(self) -> None:
        """Speculation and description with no fact to check are kept, marked opinion."""
        signals = self._signals(named_entities=1)
        assert classify("Tula may yet recover.", signals) == (ClaimKind.ASSESSMENT, False)
        assert classify("Tula is a proud town.", signals) == (ClaimKind.CHARACTERIZATION, False)

    def test_nothing_to_check(self) -> None:
        """A statement with no name, number, date, source, hedge or happening is skipped."""
        assert classify("It is a sobering lesson.", self._signals()) is None

    def test_backed_by_a_hyphen_is_a_relation(self) -> None:
        """ "Iran-backed" ties two parties, at the start of the text or after other words."""
        signals = self._signals(named_entities=1)
        assert classify("Iran-backed units held Tula.", signals) == (ClaimKind.RELATION, True)
        assert classify("The Iran-backed units held Tula.", signals) == (ClaimKind.RELATION, True)

    def test_one_very_long_word_is_read_in_linear_time(self) -> None:
        """A 100,000-character word (a pasted hash, a run of digits) is classified at once; a
        search for "-backed" tried again from each of its letters took minutes."""
        text = "a" * 100_000 + " was seen in Tula."
        started = time.perf_counter()
        classify(text, self._signals(named_entities=1))
        assert time.perf_counter() - started < 2

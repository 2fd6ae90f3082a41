"""Unit tests of rebasing anchors onto a new version of a document."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.anchor import (
    MIN_QUOTE_SIMILARITY,
    THRESHOLD,
    Match,
    RebaseStatus,
    locate,
    nearest,
    rebase,
    rebase_all,
)
from claimtrack.model import Anchor

OLD = (
    "The minister said on Monday that the budget would grow.\n"
    "Critics replied that Qassem Soleimani had planned the campaign.\n"
    "Nothing else was announced.\n"
)


def _anchor(text: str, quote: str, **fields: str) -> Anchor:
    start = text.index(quote)
    return Anchor(exact=quote, start=start, end=start + len(quote), **fields)


class TestRebase:
    """Exact, context and fuzzy stages, and orphans."""

    def test_unchanged_text_keeps_the_anchor(self) -> None:
        """In an identical text the anchor is unchanged with the top score."""
        anchor = _anchor(OLD, "the budget would grow")
        result = rebase(OLD, OLD, anchor)
        assert result.status is RebaseStatus.UNCHANGED
        assert result.anchor == anchor
        assert result.score == 1.0

    def test_shifted_quote_gets_new_offsets(self) -> None:
        """Text inserted before the quote moves its offsets."""
        anchor = _anchor(OLD, "the budget would grow")
        new = "Breaking. " + OLD
        result = rebase(OLD, new, anchor)
        assert result.status is RebaseStatus.MOVED
        assert result.anchor.start == anchor.start + 10
        assert not result.quote_changed

    def test_corrected_name_is_followed(self) -> None:
        """A corrected spelling inside the quote is placed, with the new quote recorded."""
        anchor = _anchor(OLD, "Critics replied that Qassem Soleimani had planned")
        new = OLD.replace("Qassem", "Qasem")
        result = rebase(OLD, new, anchor)
        assert result.status is RebaseStatus.MOVED
        assert result.anchor.exact == "Critics replied that Qasem Soleimani had planned"
        assert result.quote_changed
        assert THRESHOLD <= result.score < 1.0
        assert locate(new, result.anchor) == result.match

    def test_rewritten_sentence_is_orphaned(self) -> None:
        """A quote rewritten beyond recognition is orphaned, with the reason."""
        anchor = _anchor(OLD, "the budget would grow")
        new = OLD.replace("the budget would grow", "spending is set to fall sharply")
        result = rebase(OLD, new, anchor)
        assert result.status is RebaseStatus.ORPHANED
        assert result.anchor == anchor
        assert result.reason is not None
        assert result.best is None or result.best.quote_similarity < MIN_QUOTE_SIMILARITY

    def test_repeated_passage_without_context_is_a_tie(self) -> None:
        """When the old passage vanished and two equal candidates remain, nothing is guessed."""
        old = "alpha beta gamma delta epsilon zeta\n"
        anchor = Anchor(exact="gamma delta epsilon")
        new = "one gamma delta epsilon two\nthree gamma delta epsilon four\n"
        result = rebase(None, new, anchor)
        assert result.status is RebaseStatus.ORPHANED
        assert "two passages" in (result.reason or "")
        assert rebase(old, old, anchor).status is RebaseStatus.UNCHANGED

    def test_context_picks_among_exact_copies(self) -> None:
        """Old context picks the right one of several exact copies of the quote."""
        old = "In March the army left. In May the army returned.\n"
        anchor = Anchor(exact="the army", prefix="In May ", start=31, end=39)
        new = "Update. In March the army left. In May the army returned.\n"
        result = rebase(old, new, anchor)
        assert result.match == Match(39, 47)

    def test_repeated_quote_with_offsets_in_identical_text_is_unchanged(self) -> None:
        """Offsets that pick one of several copies need no added context."""
        text = "the army left; the army returned"
        anchor = Anchor(exact="the army", start=15, end=23)
        assert rebase(text, text, anchor).status is RebaseStatus.UNCHANGED

    def test_quote_without_offsets_that_becomes_ambiguous_gets_context(self) -> None:
        """A quote placed by itself that now occurs twice gets the context that picks it."""
        old = "the army returned in May"
        new = "the army left in March; the army returned in May"
        result = rebase(old, new, Anchor(exact="the army"))
        assert result.status is RebaseStatus.MOVED
        assert locate(new, result.anchor) == Match(24, 32)
        assert result.anchor.start is None

    def test_short_quotes_are_not_matched_fuzzily(self) -> None:
        """A short quote that no longer occurs exactly is orphaned, not matched loosely."""
        anchor = Anchor(exact="Iran")
        result = rebase("Iran said no.", "Iraq said no.", anchor)
        assert result.status is RebaseStatus.ORPHANED

    def test_without_old_text_the_anchor_alone_is_used(self) -> None:
        """With no old text, the quote and its own context place it."""
        anchor = Anchor(exact="Qassem Soleimani had planned", prefix="replied that ")
        new = OLD.replace("Qassem", "Qasem")
        result = rebase(None, new, anchor)
        assert result.status is RebaseStatus.MOVED
        assert result.anchor.exact == "Qasem Soleimani had planned"
        assert result.anchor.prefix == "replied that "


class TestNearest:
    """The passage most like a quote that is not found."""

    def test_points_at_the_edited_passage(self) -> None:
        """A lightly edited quote's nearest passage is the edited text."""
        candidate = nearest(OLD, Anchor(exact="Critics replied that Qasem Soleimani"))
        assert candidate is not None
        assert OLD[candidate.match.start : candidate.match.end] == (
            "Critics replied that Qassem Soleimani"
        )

    def test_nothing_alike_gives_none(self) -> None:
        """A quote unlike anything in the text has no nearest passage."""
        assert nearest(OLD, Anchor(exact="zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")) is None


def _plain_ascent(text: str, quote: str, start: int, end: int) -> tuple[int, int, float]:
    """The coordinate ascent of the refinement, every span scored in full (the reference)."""
    from rapidfuzz.distance import Levenshtein

    def score(a: int, b: int) -> float:
        return float(Levenshtein.normalized_similarity(quote, text[a:b]))

    slack = min(64, max(3, len(quote) // 4))
    best = score(start, end)
    for _round in range(2):
        improved = False
        best_start = start
        for new_start in range(max(0, start - slack), min(end, start + slack) + 1):
            if new_start >= end:
                break
            if score(new_start, end) > best + 1e-12:
                best, best_start, improved = score(new_start, end), new_start, True
        start, best_end = best_start, end
        for new_end in range(max(start + 1, end - slack), min(len(text), end + slack) + 1):
            if score(start, new_end) > best + 1e-12:
                best, best_end, improved = score(start, new_end), new_end, True
        end = best_end
        if not improved:
            break
    return start, end, best


@given(
    st.text(alphabet="abc de", min_size=20, max_size=120),
    st.text(alphabet="abc de", min_size=4, max_size=40),
    st.integers(0, 100),
    st.integers(1, 60),
)
def test_bounded_refinement_lands_where_the_full_ascent_does(
    text: str, quote: str, start: int, size: int
) -> None:
    """Scoring only up to the best so far moves a span's ends exactly as full scores do."""
    from claimtrack.anchor._rebase import _Origin, _refine

    start = min(start, len(text) - 1)
    end = min(len(text), start + size)
    origin = _Origin(exact=quote, before="", after="", expected=None, old_count=0)
    refined = _refine(text, start, end, origin)
    expected_start, expected_end, expected_score = _plain_ascent(text, quote, start, end)
    assert (refined.match.start, refined.match.end) == (expected_start, expected_end)
    assert refined.quote_similarity == expected_score


class TestRepeatedPassages:
    """A passage the document repeats is moved only where its own text shows it stands."""

    SENTENCE = "The agency said 400 staff were hired in 2021."
    # Long enough that the two copies' positions hardly differ: position alone cannot pick.
    REST = "".join(f" Paragraph {n} of the report is about something else." for n in range(20))
    OLD = f"{SENTENCE} {SENTENCE} {SENTENCE} Unions said the figure was nearer 250.{REST}"

    def test_quote_opening_the_text_stays_when_an_edit_is_elsewhere(self) -> None:
        """The first of three identical sentences, at the very start of the text, keeps its
        place when only a later sentence is corrected: nothing before it changed."""
        anchor = _anchor(self.OLD, self.SENTENCE)
        new = self.OLD.replace("nearer 250", "nearer 205")
        result = rebase(self.OLD, new, anchor)
        assert result.status is RebaseStatus.UNCHANGED
        assert result.match == Match(0, len(self.SENTENCE))

    def test_quote_closing_the_text_stays_when_an_edit_is_elsewhere(self) -> None:
        """The last of three identical sentences, ending the text, keeps its place too."""
        copies = " ".join([self.SENTENCE] * 3)
        old = f"{self.REST} Unions said the figure was nearer 250. {copies}"
        start = old.rindex(self.SENTENCE)
        anchor = Anchor(exact=self.SENTENCE, start=start, end=len(old))
        new = old.replace("nearer 250", "near 250")
        result = rebase(old, new, anchor)
        assert result.status is RebaseStatus.MOVED
        assert result.match == Match(start - 2, len(new))

    def test_text_appended_after_the_quote_leaves_it_where_it_stands(self) -> None:
        """When everything up to the quote is unchanged, the quote has not moved, even if
        what was appended repeats it (a second copy of the article pasted at the end): the
        copy nearer the old position scaled to the longer text was taken, or a tie said."""
        old = self.OLD
        for new in (old + "\n" + old, old * 300):
            for quote in ("Unions said the figure was nearer 250.", "Paragraph 7 of the report"):
                anchor = _anchor(old, quote)
                result = rebase(old, new, anchor)
                assert result.status is RebaseStatus.UNCHANGED, (quote, result.reason)
                assert result.anchor == anchor

    def test_text_put_before_the_quote_moves_it_by_that_much(self) -> None:
        """When everything from the quote to the end is unchanged, it moved by what was put
        before it, even if that repeats it."""
        old = self.OLD
        new = old + "\n" + old
        anchor = _anchor(old, "Paragraph 7 of the report")
        result = rebase(old, new, anchor)
        assert result.status is RebaseStatus.UNCHANGED
        shifted = rebase(old, "Corrected. " + new + old, _anchor(old, "Unions said"))
        assert shifted.status is RebaseStatus.MOVED, shifted.reason
        assert shifted.match is not None
        assert shifted.match.start == len("Corrected. " + new) + old.index("Unions said")


class TestRebaseAll:
    """One document's anchors rebased together: no two separate passages merged into one."""

    SENTENCE = "The agency said 400 staff were hired in 2021."
    OLD = f"{SENTENCE} {SENTENCE} {SENTENCE} Unions disagreed, and said 60 had left.\n"

    def _anchors(self) -> list[Anchor]:
        starts = [i for i in range(len(self.OLD)) if self.OLD.startswith(self.SENTENCE, i)]
        return [Anchor(exact=self.SENTENCE, start=s, end=s + len(self.SENTENCE)) for s in starts]

    def test_deleted_copy_orphans_one_anchor_instead_of_doubling_another(self) -> None:
        """With one of three identical sentences deleted, two anchors cannot both take the
        same remaining sentence: one moves, the other is orphaned with the reason."""
        new = self.OLD.replace(f"{self.SENTENCE} ", "", 1)
        results = rebase_all(self.OLD, new, self._anchors())
        placed = [r.match for r in results if r.status is not RebaseStatus.ORPHANED]
        orphans = [r for r in results if r.status is RebaseStatus.ORPHANED]
        assert len(placed) == len(set(placed)) == 2
        assert len(orphans) == 1
        assert orphans[0].reason is not None
        assert "another anchor" in orphans[0].reason

    def test_anchors_sharing_a_passage_move_together(self) -> None:
        """Two claims anchored on the very same words stay together: that is no clash."""
        anchor = Anchor(exact="Unions disagreed", start=self.OLD.index("Unions"))
        anchor = Anchor(exact=anchor.exact, start=anchor.start, end=(anchor.start or 0) + 16)
        new = "New first paragraph.\n" + self.OLD
        results = rebase_all(self.OLD, new, [anchor, anchor])
        assert [r.status for r in results] == [RebaseStatus.MOVED, RebaseStatus.MOVED]
        assert (
            results[0].match
            == results[1].match
            == Match(new.index("Unions"), new.index("Unions") + 16)
        )

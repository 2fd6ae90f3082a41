"""Properties of placing, filling and rebasing anchors on random documents."""

from __future__ import annotations

import random

import attrs
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimtrack.anchor import (
    Match,
    RebaseStatus,
    fill,
    find_all,
    locate,
    place,
    rebase,
)
from claimtrack.model import Anchor

_LETTERS = "abcdefghijklmnopqrstuvwxyzéßø"
_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _document(seed: int, words: int) -> str:
    """Random prose-like text: words from a large random vocabulary, spaces, punctuation."""
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choice(_LETTERS) for _ in range(rng.randint(2, 10))) for _ in range(3000)
    ]
    separators = [" "] * 12 + [", ", ". ", ".\n", " — "]
    return "".join(rng.choice(vocabulary) + rng.choice(separators) for _ in range(words))


@st.composite
def documents_and_spans(draw: st.DrawFn, min_length: int = 20) -> tuple[str, Match]:
    """A random document and a span of it whose text occurs once."""
    text = _document(draw(st.integers(0, 2**32)), draw(st.integers(60, 300)))
    length = draw(st.integers(min_length, min(120, len(text) // 3)))
    start = draw(st.integers(0, len(text) - length))
    span = Match(start, start + length)
    assume(text[start : start + length].strip() == text[start : start + length])
    assume(len(find_all(text, text[start : start + length])) == 1)
    return text, span


def _random_piece(rng: random.Random) -> str:
    return "".join(rng.choice(_LETTERS + " ") for _ in range(rng.randint(1, 12)))


def _edit_outside(text: str, span: Match, seed: int, count: int) -> tuple[str, Match]:
    """Apply random insertions, deletions and replacements outside ``span``; return the new
    text and where the span's text now stands."""
    rng = random.Random(seed)
    start, end = span.start, span.end
    for _ in range(count):
        before = rng.random() < 0.5 and start > 0
        if before:
            low, high = 0, start
        elif end < len(text):
            low, high = end, len(text)
        else:
            continue
        at = rng.randint(low, high)
        kind = rng.choice(["insert", "delete", "replace"])
        cut = 0 if kind == "insert" else min(rng.randint(1, 15), high - at)
        piece = "" if kind == "delete" else _random_piece(rng)
        text = text[:at] + piece + text[at + cut :]
        if before:
            start += len(piece) - cut
            end += len(piece) - cut
    return text, Match(start, end)


class TestLocate:
    """An anchor made from a span places at that span."""

    @_SETTINGS
    @given(documents_and_spans(min_length=1))
    def test_anchor_from_span_locates_the_span(self, case: tuple[str, Match]) -> None:
        """Quote and offsets taken from a span locate exactly that span."""
        text, span = case
        anchor = Anchor(exact=text[span.start : span.end], start=span.start, end=span.end)
        assert locate(text, anchor) == span

    @_SETTINGS
    @given(st.data())
    def test_fill_makes_any_occurrence_unique(self, data: st.DataObject) -> None:
        """Fill gives any occurrence of a repeated quote context that selects it alone."""
        text = _document(data.draw(st.integers(0, 2**32)), 80)
        word = data.draw(st.sampled_from(text.split()))
        occurrences = find_all(text, word)
        chosen = data.draw(st.sampled_from(occurrences))
        anchor = Anchor(exact=word, start=chosen.start, end=chosen.end)
        filled = fill(text, anchor).anchor
        bare = attrs.evolve(filled, start=None, end=None)
        context = place(text, bare)
        # Identical passages longer than the context limit cannot be told apart by context.
        assume(context.status.value != "ambiguous")
        assert context.match == chosen
        assert (filled.start, filled.end) == (chosen.start, chosen.end)


class TestRebase:
    """Rebasing finds moved and lightly edited quotes and orphans deleted ones."""

    @_SETTINGS
    @given(documents_and_spans(), st.integers(0, 2**32), st.integers(1, 8))
    def test_edits_outside_the_span(self, case: tuple[str, Match], seed: int, count: int) -> None:
        """After random edits outside a span, rebase places the anchor on the same words."""
        text, span = case
        quote = text[span.start : span.end]
        anchor = Anchor(exact=quote, start=span.start, end=span.end)
        new_text, expected = _edit_outside(text, span, seed, count)
        assume(len(find_all(new_text, quote)) == 1)
        result = rebase(text, new_text, anchor)
        assert result.status is not RebaseStatus.ORPHANED
        assert result.match == expected
        assert result.anchor.exact == quote
        assert locate(new_text, result.anchor) == expected

    @_SETTINGS
    @given(documents_and_spans(min_length=30), st.data())
    def test_small_edits_inside_the_span(
        self, case: tuple[str, Match], data: st.DataObject
    ) -> None:
        """After one or two one-character edits inside a span, rebase places the anchor on the
        edited words and records the edited quote."""
        text, span = case
        anchor = Anchor(exact=text[span.start : span.end], start=span.start, end=span.end)
        positions = sorted(
            data.draw(
                st.lists(
                    st.integers(span.start + 2, span.end - 3), min_size=1, max_size=2, unique=True
                )
            ),
            reverse=True,
        )
        new_text, end = text, span.end
        for at in positions:
            kind = data.draw(st.sampled_from(["insert", "delete", "replace"]))
            letter = data.draw(st.sampled_from("XYZ"))
            if kind == "insert":
                new_text, end = new_text[:at] + letter + new_text[at:], end + 1
            elif kind == "delete":
                new_text, end = new_text[:at] + new_text[at + 1 :], end - 1
            else:
                new_text = new_text[:at] + letter + new_text[at + 1 :]
        expected = Match(span.start, end)
        assume(new_text != text)
        result = rebase(text, new_text, anchor)
        assert result.status is RebaseStatus.MOVED
        assert result.match == expected
        assert result.anchor.exact == new_text[expected.start : expected.end]
        assert locate(new_text, result.anchor) == expected

    @_SETTINGS
    @given(documents_and_spans(), st.integers(0, 2**32), st.integers(0, 4))
    def test_deleted_span_is_orphaned(self, case: tuple[str, Match], seed: int, count: int) -> None:
        """When the span is deleted (and the rest edited) the anchor is orphaned, never
        placed elsewhere."""
        text, span = case
        anchor = Anchor(exact=text[span.start : span.end], start=span.start, end=span.end)
        cut = text[: span.start] + text[span.end :]
        new_text, _where = _edit_outside(cut, Match(span.start, span.start), seed, count)
        result = rebase(text, new_text, anchor)
        assert result.status is RebaseStatus.ORPHANED
        assert result.match is None
        assert result.anchor == anchor

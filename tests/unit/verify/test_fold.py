"""Folding a snapshot for the normalised stage, and mapping folded offsets back to it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.lint.verify import fold, seek_quote

_ONE_FOR_ONE = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−⁃", "-"),
    }
)


def folded_code_points(text: str) -> tuple[str, list[int]]:
    """The folded text built one code point at a time, each with the offset it came from:
    the plain statement of stage 2 the quick folding must agree with."""
    translated = text.translate(_ONE_FOR_ONE)
    pieces: list[str] = []
    origins: list[int] = []
    last = 0
    for run in re.finditer(r"\s+|…", translated):
        start, end = run.span()
        pieces.append(translated[last:start])
        origins.extend(range(last, start))
        replacement = "..." if translated[start] == "…" else " "
        pieces.append(replacement)
        origins.extend([start] * len(replacement))
        last = end
    pieces.append(translated[last:])
    origins.extend(range(last, len(translated)))
    return "".join(pieces), origins


# Letters, each kind of white space, ellipses, curly quotation marks and dashes, so runs of
# every length and ellipses next to spaces (or to each other) all occur.
# (Every white space character Python knows, C0 separators and U+0085 included.)
TEXTS = st.text(
    alphabet="ab …\n\t\r\v\f\x1c\x1f\x85\u00a0\u1680\u2009\u2028\u3000’“—x.", max_size=40
)


# ASCII texts (folded by a quicker path): every ASCII white space character, and NUL.
ASCII_TEXTS = st.text(alphabet="ab .\n\t\r\v\f\x1c\x1d\x1e\x1f\x00", max_size=40)


class TestFold:
    @given(TEXTS | ASCII_TEXTS)
    def test_every_folded_code_point_maps_to_where_it_came_from(self, text: str) -> None:
        """Each code point of the folded text maps back to the offset it was folded from."""
        expected_text, origins = folded_code_points(text)
        unfolded = fold(text)
        assert unfolded.text == expected_text
        assert [unfolded.origin(offset) for offset in range(len(expected_text))] == origins

    @given(TEXTS | ASCII_TEXTS, st.data())
    def test_a_folded_span_maps_to_the_original_span(self, text: str, data: st.DataObject) -> None:
        """A span of the folded text maps to the span of the original it was folded from."""
        expected_text, origins = folded_code_points(text)
        if not expected_text:
            return
        start = data.draw(st.integers(0, len(expected_text) - 1))
        end = data.draw(st.integers(start + 1, len(expected_text)))
        assert fold(text).span(start, end) == (origins[start], origins[end - 1] + 1)

    def test_runs_and_ellipses_shift_the_offsets(self) -> None:
        """After a run of spaces the folded text falls behind; after '…' it runs ahead."""
        text = "one   two…three\n\nfour"
        unfolded = fold(text)
        assert unfolded.text == "one two...three four"
        assert unfolded.span(4, 7) == (6, 9)  # "two"
        assert unfolded.span(7, 10) == (9, 10)  # "..." from the one "…"
        assert unfolded.span(10, 15) == (10, 15)  # "three"
        assert unfolded.span(16, 20) == (17, 21)  # "four", after the blank line

    def test_a_normalised_match_reports_the_snapshot_passage(self) -> None:
        """A quote found only after folding gives the passage as the snapshot writes it."""
        snapshot = "Before.  The  minister\u2019s   statement \u2014 in full \u2026 ends here."
        match = seek_quote(snapshot, "The minister's statement - in full ... ends")
        assert match.passage == "The  minister\u2019s   statement \u2014 in full \u2026 ends"

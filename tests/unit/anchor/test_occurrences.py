"""The occurrence index of long texts finds exactly what a scan of the whole text finds."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.anchor._occurrences import INDEXED_LENGTH, occurrence_starts


def _scan(text: str, quote: str) -> list[int]:
    # A zero-width lookahead finds overlapping occurrences too, each where it starts.
    return [match.start() for match in re.finditer(f"(?={re.escape(quote)})", text)]


# One long text of few distinct words, so that quotes recur and overlap often.
_RANDOM = random.Random(17)
_TEXT = "".join(
    _RANDOM.choice(["ab", "abc", "a", "b", "ba ", " ", "c", "\n"]) for _ in range(200_000)
)
assert len(_TEXT) >= INDEXED_LENGTH


class TestOccurrenceStarts:
    """Every occurrence, overlapping ones included, in order."""

    @given(start=st.integers(0, len(_TEXT) - 80), length=st.integers(1, 80))
    def test_quotes_from_the_text(self, start: int, length: int) -> None:
        """A quote cut from a long text is found at each place a full scan finds it."""
        quote = _TEXT[start : start + length]
        found = occurrence_starts(_TEXT, quote)
        assert start in found
        assert found == _scan(_TEXT, quote)

    def test_quote_at_the_very_end_and_absent_quote(self) -> None:
        """The last characters of the text are found, and a quote not in it is not."""
        tail = _TEXT[-25:]
        assert occurrence_starts(_TEXT, tail)[-1] == len(_TEXT) - 25
        assert occurrence_starts(_TEXT, "zzzzzzzzzzzzzzzzzzzzzzzz") == []

    def test_short_text_is_scanned(self) -> None:
        """A short text gives the same answer without an index."""
        assert occurrence_starts("aaaa", "aa") == _scan("aaaa", "aa") == [0, 1, 2]

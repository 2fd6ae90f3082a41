"""Finding every occurrence of a quote in a long text without scanning all of it each time.

Checking, filling or rebasing the anchors of a file looks up every claim's quote (and its
context) in the document text. ``str.find`` over the whole text for each of them costs the
text's length per quote: quadratic once a file holds thousands of claims over a text that
grows with them. For a long text, a sparse index is built once (and kept for the few texts
last used): the position of every :data:`_STEP`-th character, under the :data:`_GRAM`
characters that start there. An occurrence of a quote of at least ``_GRAM + _STEP - 1``
characters covers exactly one indexed position, at some offset ``j < _STEP`` into the quote,
so looking up the quote's ``_STEP`` grams yields every occurrence (each verified).
"""

from __future__ import annotations

from array import array
from functools import lru_cache

__all__ = ["INDEXED_LENGTH", "occurrence_starts"]

_GRAM = 12
_STEP = 8
#: Texts shorter than this are searched directly: the index would not pay.
INDEXED_LENGTH = 256 * 1024
_SHORTEST = _GRAM + _STEP - 1


@lru_cache(maxsize=2)
def _index(text: str) -> dict[str, array[int]]:
    index: dict[str, array[int]] = {}
    for position in range(0, len(text) - _GRAM + 1, _STEP):
        gram = text[position : position + _GRAM]
        found = index.get(gram)
        if found is None:
            index[gram] = array("q", (position,))
        else:
            found.append(position)
    return index


def _scanned(text: str, quote: str) -> list[int]:
    starts: list[int] = []
    index = text.find(quote)
    while index != -1:
        starts.append(index)
        index = text.find(quote, index + 1)
    return starts


def occurrence_starts(text: str, quote: str) -> list[int]:
    """Where every occurrence of ``quote`` in ``text`` starts, overlapping ones included,
    in order."""
    if len(text) < INDEXED_LENGTH or len(quote) < _SHORTEST:
        return _scanned(text, quote)
    index = _index(text)
    starts: set[int] = set()
    for offset in range(_STEP):
        for position in index.get(quote[offset : offset + _GRAM], ()):
            start = position - offset
            if start >= 0 and text.startswith(quote, start):
                starts.add(start)
    return sorted(starts)

"""Whether a statement's words occur elsewhere in the text, in time linear in the text.

A draft anchor gets a prefix and a suffix when its words occur more than once. Searching the
whole text once per statement costs the square of the text's length (a 10 MB article has tens
of thousands of statements). Instead, the text's words are counted once, each statement is
represented by its rarest word (an inner one when it has any: an inner word is a whole word
wherever the statement occurs), the text is scanned once more for the positions of those
words, and only the places where a statement's word stands are compared with the statement.
A word at the very edge of a statement may also stand inside a longer word elsewhere ("cat."
in "bobcat."); such an occurrence is not counted, which costs at most a missing prefix: the
anchor's offsets still place it. When even the rarest word stands in very many places, the
text is searched directly instead, which is never slower than the search it replaces.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

__all__ = ["Occurrences"]

_WORD = re.compile(r"\w+")
_MAX_CANDIDATES = 200


class Occurrences:
    """Answers "does this statement occur elsewhere in the text?" for the statements given."""

    def __init__(self, text: str, statements: Iterable[str]) -> None:
        self._text = text
        self._counts = Counter(match.group(0) for match in _WORD.finditer(text))
        wanted = {key[0] for statement in statements if (key := self._key(statement))}
        self._positions: dict[str, list[int]] = {}
        for match in _WORD.finditer(text):
            word = match.group(0)
            if word in wanted:
                self._positions.setdefault(word, []).append(match.start())

    def _key(self, statement: str) -> tuple[str, int] | None:
        """The statement's rarest word (inner when it has inner words) and where it starts."""
        words = [(match.group(0), match.start()) for match in _WORD.finditer(statement)]
        if not words:
            return None
        return min(words[1:-1] or words, key=lambda word: self._counts[word[0]])

    def occurs_elsewhere(self, statement: str, start: int) -> bool:
        """True when ``statement`` (standing at ``start``) also occurs at another place."""
        key = self._key(statement)
        positions = self._positions.get(key[0], []) if key else []
        if key is None or len(positions) > _MAX_CANDIDATES:
            first = self._text.find(statement)
            return first != start or self._text.find(statement, start + 1) != -1
        offset = key[1]
        return any(
            0 <= position - offset != start and self._text.startswith(statement, position - offset)
            for position in positions
        )

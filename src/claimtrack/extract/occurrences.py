"""Whether a statement's words occur elsewhere in the text, in time linear in the text.

A draft anchor gets a prefix and a suffix when its words occur more than once. Searching the
whole text once per statement costs the square of the text's length (a 10 MB article has tens
of thousands of statements). Instead, each statement is represented by one of its words, the
longest one inside it (the rarest, as a rule), the text is scanned once for the positions of
those words, and only the places where a statement's word stands are compared with the
statement. A word at the very edge of a statement may also stand inside a longer word
elsewhere ("cat." in "bobcat."); such an occurrence is not counted, which costs at most a
missing prefix: the anchor's offsets still place it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["Occurrences"]

_WORD = re.compile(r"\w+")


def _key(statement: str) -> tuple[str, int] | None:
    """The statement's representative word and where it starts in the statement: the longest
    word not at an edge when there is one (an inner word is a whole word wherever the statement
    occurs), else the longest word."""
    words = [(match.group(0), match.start()) for match in _WORD.finditer(statement)]
    if not words:
        return None
    return max(words[1:-1] or words, key=lambda word: len(word[0]))


class Occurrences:
    """Answers "does this statement occur elsewhere in the text?" for the statements given."""

    def __init__(self, text: str, statements: Iterable[str]) -> None:
        self._text = text
        wanted = {key[0] for statement in statements if (key := _key(statement))}
        self._positions: dict[str, list[int]] = {}
        for match in _WORD.finditer(text):
            word = match.group(0)
            if word in wanted:
                self._positions.setdefault(word, []).append(match.start())

    def occurs_elsewhere(self, statement: str, start: int) -> bool:
        """True when ``statement`` (standing at ``start``) also occurs at another place."""
        key = _key(statement)
        if key is None:  # no word at all ("..."): such statements are never drafted
            return self._text.find(statement) != start or (
                self._text.find(statement, start + 1) != -1
            )
        word, offset = key
        for position in self._positions.get(word, ()):
            candidate = position - offset
            if 0 <= candidate != start and self._text.startswith(statement, candidate):
                return True
        return False

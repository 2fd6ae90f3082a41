"""Quotations in the quotation marks of English and other languages, closed or running on.

British house style quotes in single marks (‘…’ or '…') and nests double ones inside; American
style does the reverse. A single mark is an apostrophe when it stands between letters
("we’re", "couldn't") and is never taken for a quotation mark there. Other languages' marks
open and close quotations too: guillemets « » and ‹ › (French, and reversed » « as German
and Danish write them), German low-high marks „ “ (and ‚ ‘), Swedish and Finnish right marks
” ”, and the corner brackets 「 」 and 『 』 of Chinese and Japanese. A mark that in English
closes (” » ›) or is a comma's twin (‚) opens only where no letter stands before it and a
letter follows, as a straight mark does. A quotation whose closing mark is missing runs to
the end of the statement: a quotation that continues in the next paragraph opens each
paragraph and closes only at its end.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Quotation", "has_quotation", "opens_with_quotation", "quotations"]

QUOTED_WORDS = 5
_CLOSERS = {
    "“": '”"',
    '"': '”"',
    "‘": "’'",
    "'": "’'",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "„": "“”",
    "‚": "‘’",
    "”": "”",
    "「": "」",
    "『": "』",
}
"""Each opening mark and the marks that close what it opens."""
_ALWAYS_OPEN = "“«‹„「『"
_APOSTROPHES = "’'"
_MARKS = re.compile(f"[{re.escape(''.join(_CLOSERS) + ''.join(_CLOSERS.values()))}]")


@attrs.frozen
class Quotation:
    """``text[start:end]`` is a quotation with its marks; ``closed`` when its closing mark is
    there."""

    start: int
    end: int
    closed: bool

    def words(self, text: str) -> int:
        """How many words the quotation holds."""
        return len(text[self.start : self.end].split())


def _is_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


def _opening(text: str, index: int) -> str | None:
    """The mark opening a quotation at ``index``, or ``None``."""
    char = text[index]
    if char in _ALWAYS_OPEN:
        return char
    if char == "‘" and not _is_letter(text, index - 1):
        return char
    if char in _CLOSERS and not _is_letter(text, index - 1) and _is_letter(text, index + 1):
        return char
    return None


def _closes(text: str, index: int, opening: str) -> bool:
    char = text[index]
    if char not in _CLOSERS[opening]:
        return False
    if char not in _APOSTROPHES:
        return True
    # "’" between letters or before a letter is an apostrophe ("we’re", "the ’90s" aside)
    return not _is_letter(text, index + 1) and not text[index - 1 : index].isspace()


def quotations(text: str) -> list[Quotation]:
    """The outermost quotations of ``text``, in order (nested ones belong to them)."""
    marks = [match.start() for match in _MARKS.finditer(text)]
    found: list[Quotation] = []
    index = 0
    while index < len(marks):
        opening = _opening(text, marks[index])
        if opening is None:
            index += 1
            continue
        close = index + 1
        while close < len(marks) and not _closes(text, marks[close], opening):
            close += 1
        if close == len(marks):
            found.append(Quotation(marks[index], len(text), False))
            break
        found.append(Quotation(marks[index], marks[close] + 1, True))
        index = close + 1
    return found


def has_quotation(text: str) -> bool:
    """True when ``text`` quotes someone: five words or more in quotation marks (shorter
    quoted phrases are mostly terms or scare quotes: a “miracle” cure)."""
    return any(quote.words(text) >= QUOTED_WORDS for quote in quotations(text))


def opens_with_quotation(text: str) -> bool:
    """True when ``text`` starts with a quotation of five words or more."""
    found = quotations(text.lstrip())
    return bool(found) and found[0].start == 0 and found[0].words(text.lstrip()) >= QUOTED_WORDS

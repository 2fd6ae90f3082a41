"""Sentence boundaries a rule can be sure of, so the full splitter runs only where it must.

pysbd's rules are careful and slow: for every line it tries each of its abbreviations and
compiles patterns as it goes, which dominated the time ``extract`` took on a long article.
Most paragraphs of news prose hold no abbreviation, no initial and no ellipsis; in those a
sentence ends at ``.``, ``!`` or ``?`` (with any closing quotation marks or brackets) followed
by a space and a capital, a digit or an opening quotation mark, which is what pysbd decides
there too. A paragraph with anything less plain goes to pysbd, cut first into pieces of at
most :data:`MAX_PIECE` characters, at such sure boundaries where it has them: pysbd's
replacements rewrite the whole text once per abbreviation they meet, so its cost grows with
the square of what it is given, and one huge paragraph would take minutes.
"""

from __future__ import annotations

import functools
import re

__all__ = ["MAX_PIECE", "is_plain", "pieces", "plain_ends"]

MAX_PIECE = 1_000
_CLOSERS = "\"'”’)]"
_OPENERS = "\"'“‘("
_END = re.compile(rf"[.!?]+[{re.escape(_CLOSERS)}]*(?=\s+[{re.escape(_OPENERS)}]*[A-Z0-9])")
_PERIOD_WORD = re.compile(r"(?:^|(?<=[\s(\"'“‘]))([^\s]*?)\.(?=[\s\"'”’)]|$)")
# A run of non-space characters up to its last full stop that can end a word: the only
# stretches where _PERIOD_WORD can match. Searched alone, _PERIOD_WORD tries again from each
# bracket or quote of a run with no such stop, scanning to the run's end every time.
_STOP_RUN = re.compile(r"(?<!\S)\S*\.(?=[\s\"'”’)]|$)")
_DOUBTFUL = re.compile(r"\.\.|…|\.[^\s.\"'”’)\]]|[!?][\"'”’)]*\s+[a-z]")


@functools.cache
def _abbreviations() -> frozenset[str]:
    from pysbd.lang.english import English

    abbreviation = English.Abbreviation
    return frozenset(
        word.strip().lower()
        for word in (
            *abbreviation.ABBREVIATIONS,
            *abbreviation.PREPOSITIVE_ABBREVIATIONS,
            *abbreviation.NUMBER_ABBREVIATIONS,
        )
    )


def _is_abbreviation(word: str) -> bool:
    word = word.lstrip("\"'“‘(").lower()
    return len(word) <= 1 or word in _abbreviations()


def is_plain(text: str) -> bool:
    """True when every full stop of ``text`` ends a sentence beyond doubt: no ellipsis, no
    stop inside a word ("U.S.", "3.5"), and no word before a stop that is an abbreviation or a
    single letter ("Dr.", "J.")."""
    if _DOUBTFUL.search(text):
        return False
    return not any(
        _is_abbreviation(match.group(1))
        for run in _STOP_RUN.finditer(text)
        for match in _PERIOD_WORD.finditer(text, run.start(), run.end())
    )


def plain_ends(text: str) -> list[int]:
    """Where sentences of ``text`` surely end (after their closing marks): at a stop, "!" or
    "?" before a capital, unless the word before a stop is an abbreviation or an initial."""
    ends = []
    for match in _END.finditer(text):
        if text[match.start()] == ".":
            before = text[max(0, match.start() - 40) : match.start()].rsplit(None, 1)
            if not before or _is_abbreviation(before[-1]) or "." in before[-1]:
                continue
        ends.append(match.end())
    return ends


def pieces(text: str, limit: int = MAX_PIECE) -> list[tuple[int, int]]:
    """``text`` as consecutive (start, end) pieces of at most ``limit`` characters, cut at the
    last sure sentence end of each stretch; a stretch with none (a run of abbreviations, or no
    stop at all) is cut after its last full stop, else at its last space, else at the limit,
    so no piece is ever longer."""
    ends = plain_ends(text)
    spans: list[tuple[int, int]] = []
    start = 0
    index = 0
    while len(text) - start > limit:
        window_end = start + limit
        while index < len(ends) and ends[index] <= window_end:
            index += 1
        sure = ends[index - 1] if index and ends[index - 1] > start else None
        cut = sure or _fallback_cut(text, start, window_end)
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _fallback_cut(text: str, start: int, end: int) -> int:
    for mark in (". ", " "):
        found = text.rfind(mark, start + 1, end)
        if found != -1:
            return found + len(mark)
    return end

"""Seeking a citation's quote in its source's snapshot text: exact, normalised, then fuzzy.

The stages, each tried only when the one before found nothing:

1. **exact** — the quote, as recorded (after the snapshot's own ``nfc-lf`` normalisation of
   both texts), occurs in the snapshot.
2. **normalised** — both texts are folded the same way: curly and straight quotation marks
   and apostrophes become straight ones, every dash and minus sign becomes ``-``, every run
   of white space (no-break spaces and line breaks included) becomes one space, ``…`` becomes
   ``...``, and a pair of quotation marks round the whole quote is dropped. Letter case is kept. An
   ellipsis in the quote (``...``, ``…``, ``[...]``) stands for omitted words: the parts
   around it must occur in order, each gap at most :data:`MAX_ELLIPSIS_GAP` code points.
3. **fuzzy** — the anchor machinery's bounded edit-distance search
   (:func:`claimtrack.anchor.nearest`) finds the closest passage of the folded text. It is
   taken when its similarity (Levenshtein, 1 = the same text) is at least
   :data:`FUZZY_THRESHOLD`, it states the same figures as the quote (a changed number is
   never a near miss), and every word that differs is a misspelling of the source's word
   (the two at least :data:`MIN_WORD_SIMILARITY` alike) rather than another word: a word
   added, dropped ("not") or replaced ("rose" for "fell") fails. Quotes shorter than
   :data:`claimtrack.anchor.MIN_FUZZY_QUOTE` code points skip this stage.

Anything else is a failed verification, reported with the closest passage and its score.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from enum import StrEnum

import attrs

from claimtrack.anchor import MIN_FUZZY_QUOTE, Match, find_all, nearest, normalize
from claimtrack.lint.verify._figures import StatedFigures
from claimtrack.model import Anchor

__all__ = [
    "FUZZY_THRESHOLD",
    "MAX_ELLIPSIS_GAP",
    "MIN_WORD_SIMILARITY",
    "MatchKind",
    "QuoteMatch",
    "SnapshotIndex",
    "Unfolded",
    "figures",
    "fold",
    "seek_quote",
]

FUZZY_THRESHOLD = 0.9
"""The least similarity at which a quote found only fuzzily counts as verified."""
MIN_WORD_SIMILARITY = 0.6
"""How alike a quote's word and the source's must be for the one to be a misspelling of the
other (Levenshtein similarity)."""
MAX_ELLIPSIS_GAP = 1_000
"""The most text, in code points, an ellipsis in a quote may stand for."""

_ONE_FOR_ONE = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys("‐‑‒–—―−⁃", "-"),
    }
)
_ELLIPSIS = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\.\.\.(?!\.))\s*")  # "...." : a full stop, then one
_OUTER_QUOTES = "'\""
_GAP = "\x00"  # where an ellipsis of the quote stood, once folded (a mark quotes do not hold)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")


class MatchKind(StrEnum):
    """How a quote was found in a snapshot, or that it was not."""

    EXACT = "exact"
    NORMALISED = "normalised"
    FUZZY = "fuzzy"
    NOT_FOUND = "not-found"


@attrs.frozen(kw_only=True)
class QuoteMatch:
    """Where a quote stands in the snapshot text (``text[start:end]``, in code points of the
    normalised snapshot), how it was found, and its similarity (1 unless fuzzy). For a quote
    not found, ``start``/``end``/``passage`` give the closest passage seen, if any."""

    kind: MatchKind
    score: float
    start: int | None = None
    end: int | None = None
    passage: str | None = None

    @property
    def verified(self) -> bool:
        """Whether the quote was found (exactly, after normalisation or fuzzily)."""
        return self.kind is not MatchKind.NOT_FOUND


@attrs.frozen
class Unfolded:
    """A folded text and where each of its code points came from.

    The folded text runs in segments that each start at ``starts[k]`` (an offset of the
    folded text) with the code point at ``origins[k]`` of the original: a new segment begins
    after each run of two or more white space characters (folded to one space) and at and
    after each ``…`` (folded to ``...``, all three from the one code point, a ``stuck``
    segment). Within any other segment the two texts advance together."""

    text: str
    starts: tuple[int, ...] = (0,)
    origins: tuple[int, ...] = (0,)
    stuck: tuple[bool, ...] = (False,)

    def origin(self, offset: int) -> int:
        """The offset of the original text that ``text[offset]`` came from."""
        k = bisect_right(self.starts, offset) - 1
        return self.origins[k] if self.stuck[k] else self.origins[k] + offset - self.starts[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that ``text[start:end]`` came from."""
        last = self.origin(end - 1) + 1 if end > start else self.origin(start)
        return self.origin(start), last


_JOINS = re.compile(r"\s\s+|…")  # where the folded text stops keeping pace with the original
# An ASCII text's white space marked with NUL, so runs of it are found by substring search.
_MARK_SPACE = str.maketrans(dict.fromkeys([chr(c) for c in range(128) if chr(c).isspace()], "\0"))


def _folded(text: str) -> str:
    """``text`` folded as stage 2 describes (the folded text alone)."""
    translated = text.translate(_ONE_FOR_ONE)
    # Each run of white space as one space, as ``re.sub(r"\s+", " ", translated)`` gives it, in
    # a third of the time: ``str.split`` and ``\s`` know the same white space, and a run at
    # either end, which the split drops, is put back as one space.
    words = translated.split()
    if not words:
        return " " if translated else ""
    spaced = " ".join(words)
    if translated[0].isspace():
        spaced = " " + spaced
    if translated[-1].isspace():
        spaced += " "
    return spaced.replace("…", "...")


def _joins(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``_JOINS.finditer(text)``. An ASCII text without NUL holds no ``…``,
    so they are its runs of two or more white space characters, found (once its white space
    is marked) by substring searches: far quicker than the pattern tried at every position."""
    if not text.isascii() or "\0" in text:
        for run in _JOINS.finditer(text):
            yield run.span()
        return
    marked = text.translate(_MARK_SPACE)
    at = marked.find("\0\0")
    while at != -1:
        end = at + 2
        while end < len(marked) and marked[end] == "\0":
            end += 1
        yield at, end
        at = marked.find("\0\0", end)


def fold(text: str) -> Unfolded:
    """``text`` folded as stage 2 describes, remembering where each code point came from."""
    starts, origins, stuck = [0], [0], [False]
    shift = 0  # how far the folded text is behind (or, after an ellipsis, ahead of) the text
    for start, end in _joins(text):
        at = start - shift  # where the run's first code point lands in the folded text
        if text[start] == "…":
            starts.append(at)
            origins.append(start)
            stuck.append(True)
            shift -= 2
        else:
            shift += end - start - 1
        starts.append(end - shift)
        origins.append(end)
        stuck.append(False)
    return Unfolded(_folded(text), tuple(starts), tuple(origins), tuple(stuck))


def _fold_quote(quote: str) -> str:
    folded = _folded(quote).strip()
    if len(folded) > 1 and folded[0] == folded[-1] and folded[0] in _OUTER_QUOTES:
        folded = folded[1:-1].strip()
    return _ELLIPSIS.sub(_GAP, folded).strip()


def _in_order(text: str, parts: list[str]) -> Match | None:
    """The first placement of ``parts`` in order in ``text``, each gap bounded."""
    for first in find_all(text, parts[0]):
        end = first.end
        for part in parts[1:]:
            found = text.find(part, end, end + MAX_ELLIPSIS_GAP + len(part))
            if found == -1:
                break
            end = found + len(part)
        else:
            return Match(first.start, end)
    return None


def figures(text: str) -> list[str]:
    """The digit groups of ``text`` ("2,000", "26", "1.5"), separators removed."""
    return [re.sub(r"[.,]", "", group) for group in _DIGITS.findall(text)]


def only_misspelt(quote: str, passage: str) -> bool:
    """Whether ``passage`` differs from ``quote`` only by misspelt words, word for word."""
    import difflib

    from rapidfuzz.distance import Levenshtein

    said, seen = quote.split(), passage.split()
    matcher = difflib.SequenceMatcher(a=said, b=seen, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op != "replace" or a1 - a0 != b1 - b0:
            return False
        for left, right in zip(said[a0:a1], seen[b0:b1], strict=True):
            if Levenshtein.normalized_similarity(left, right) < MIN_WORD_SIMILARITY:
                return False
    return True


class SnapshotIndex:
    """A snapshot text prepared once for seeking many quotes: normalised, and folded when a
    quote first needs it."""

    def __init__(self, snapshot_text: str) -> None:
        self.text = normalize(snapshot_text)
        self._unfolded: Unfolded | None = None
        self._figures: StatedFigures | None = None

    @property
    def figures(self) -> StatedFigures:
        """The numbers the (normalised) text states, read on first use."""
        if self._figures is None:
            self._figures = StatedFigures(self.text)
        return self._figures

    @property
    def unfolded(self) -> Unfolded:
        """The folded text (stage 2), computed on first use."""
        if self._unfolded is None:
            self._unfolded = fold(self.text)
        return self._unfolded


def seek_quote(snapshot: str | SnapshotIndex, quote: str) -> QuoteMatch:
    """Seek ``quote`` in a snapshot's text (both normalised with ``nfc-lf``); pass a
    :class:`SnapshotIndex` to seek several quotes in one snapshot."""
    index = snapshot if isinstance(snapshot, SnapshotIndex) else SnapshotIndex(snapshot)
    text = index.text
    wanted = normalize(quote)
    first = text.find(wanted)  # the first occurrence is the one reported
    if first != -1:
        return QuoteMatch(
            kind=MatchKind.EXACT, score=1.0, start=first, end=first + len(wanted), passage=wanted
        )
    unfolded = index.unfolded
    folded = _fold_quote(wanted)
    if not folded:
        return QuoteMatch(kind=MatchKind.NOT_FOUND, score=0.0)
    # Split at the quote's own ellipses, not at dots: "ended. ... it" is "ended." and "it".
    parts = [part for part in folded.split(_GAP) if part.strip()]
    placed = _in_order(unfolded.text, [part.strip() for part in parts]) if parts else None
    if placed is not None:
        start, end = unfolded.span(placed.start, placed.end)
        return QuoteMatch(
            kind=MatchKind.NORMALISED, score=1.0, start=start, end=end, passage=text[start:end]
        )
    if len(folded) < MIN_FUZZY_QUOTE:
        return QuoteMatch(kind=MatchKind.NOT_FOUND, score=0.0)
    candidate = nearest(unfolded.text, Anchor(exact=folded.replace(_GAP, " ")))
    if candidate is None:
        return QuoteMatch(kind=MatchKind.NOT_FOUND, score=0.0)
    start, end = unfolded.span(candidate.match.start, candidate.match.end)
    passage = text[start:end]
    score = candidate.quote_similarity
    close = (
        score >= FUZZY_THRESHOLD
        and figures(passage) == figures(folded.replace(_GAP, "..."))
        and only_misspelt(folded.replace(_GAP, "..."), _folded(passage))
    )
    kind = MatchKind.FUZZY if close else MatchKind.NOT_FOUND
    return QuoteMatch(kind=kind, score=score, start=start, end=end, passage=passage)

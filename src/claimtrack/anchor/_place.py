"""Placing a claim's anchor (a W3C text quote with optional offsets) in the document text.

Offsets are Unicode code points of the snapshot after normalisation (line endings to LF,
then Unicode NFC), start inclusive and end exclusive, as the W3C TextPositionSelector counts.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

import attrs

from claimtrack.anchor._occurrences import occurrence_starts
from claimtrack.model import Anchor

__all__ = [
    "Match",
    "Placement",
    "PlacementStatus",
    "find_all",
    "fits_context",
    "locate",
    "normalize",
    "normalize_anchor",
    "place",
]


def normalize(text: str) -> str:
    """The text anchors are counted on: CRLF and CR become LF, then Unicode NFC."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _normalized(value: str | None) -> str | None:
    if value is None or ("\r" not in value and unicodedata.is_normalized("NFC", value)):
        return value
    return normalize(value)


def normalize_anchor(anchor: Anchor) -> Anchor:
    """``anchor`` with its quote, prefix and suffix normalised as the text is (line endings
    to LF, Unicode NFC), so a quote copied with decomposed accents or CRLF line endings is
    found in the normalised text; the same anchor when they already are."""
    exact, prefix, suffix = (
        _normalized(anchor.exact) or "",
        _normalized(anchor.prefix),
        _normalized(anchor.suffix),
    )
    if exact == anchor.exact and prefix == anchor.prefix and suffix == anchor.suffix:
        return anchor
    return attrs.evolve(anchor, exact=exact, prefix=prefix, suffix=suffix)


@attrs.frozen
class Match:
    """Where a quote stands: ``text[start:end]``."""

    start: int
    end: int


class PlacementStatus(StrEnum):
    """The outcome of placing an anchor in a text."""

    FOUND = "found"
    NOT_FOUND = "not-found"
    AMBIGUOUS = "ambiguous"
    OFFSET_MISMATCH = "offset-mismatch"
    CONTEXT_MISMATCH = "context-mismatch"


@attrs.frozen
class Placement:
    """The outcome of placing an anchor: a status, the match, and every occurrence seen."""

    status: PlacementStatus
    match: Match | None
    occurrences: tuple[Match, ...]


def find_all(text: str, exact: str) -> tuple[Match, ...]:
    """Every occurrence of ``exact`` in ``text``, overlapping ones included."""
    return tuple(Match(start, start + len(exact)) for start in occurrence_starts(text, exact))


def fits_context(text: str, match: Match, anchor: Anchor) -> bool:
    """Whether the anchor's prefix and suffix (those it has) surround ``match``."""
    if anchor.prefix is not None and not text.endswith(anchor.prefix, 0, match.start):
        return False
    return anchor.suffix is None or text.startswith(anchor.suffix, match.end)


def place(text: str, anchor: Anchor) -> Placement:
    """Place ``anchor`` in normalised ``text``, saying exactly what went wrong if it fails.

    Offsets, when given, must select the quote; prefix and suffix, when given, must surround
    it; a quote that occurs several times needs one of them to pick an occurrence. The
    quote and context are compared in normalised form (:func:`normalize_anchor`).
    """
    anchor = normalize_anchor(anchor)
    occurrences = find_all(text, anchor.exact)
    if not occurrences:
        return Placement(PlacementStatus.NOT_FOUND, None, occurrences)
    if anchor.start is not None or anchor.end is not None:
        start = anchor.start if anchor.start is not None else (anchor.end or 0) - len(anchor.exact)
        end = anchor.end if anchor.end is not None else start + len(anchor.exact)
        candidate = Match(start, end)
        if candidate not in occurrences:
            return Placement(PlacementStatus.OFFSET_MISMATCH, None, occurrences)
        if not fits_context(text, candidate, anchor):
            return Placement(PlacementStatus.CONTEXT_MISMATCH, None, occurrences)
        return Placement(PlacementStatus.FOUND, candidate, occurrences)
    fitting = [match for match in occurrences if fits_context(text, match, anchor)]
    if not fitting:
        return Placement(PlacementStatus.CONTEXT_MISMATCH, None, occurrences)
    if len(fitting) > 1:
        return Placement(PlacementStatus.AMBIGUOUS, None, tuple(fitting))
    return Placement(PlacementStatus.FOUND, fitting[0], occurrences)


def locate(text: str, anchor: Anchor) -> Match | None:
    """Where ``anchor`` stands in normalised ``text``, or ``None`` if it cannot be placed."""
    return place(text, anchor).match

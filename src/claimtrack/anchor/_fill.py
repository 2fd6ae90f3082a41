"""Filling an anchor in: the offsets of a quote that can be placed, and the shortest prefix or
suffix that tells its occurrence from the others when the quote alone is ambiguous.

Context is grown one character at a time until no other occurrence of the quote is
surrounded by the same text, then widened to whole words (so a person reading the claim file
sees ``the `` rather than ``e ``), never beyond :data:`CONTEXT_LIMIT` characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

import attrs

from claimtrack.anchor._place import (
    Match,
    Placement,
    PlacementStatus,
    find_all,
    fits_context,
    normalize_anchor,
    place,
)
from claimtrack.model import Anchor

__all__ = ["CONTEXT_LIMIT", "FillResult", "FillStatus", "disambiguate", "fill", "shortest_context"]

CONTEXT_LIMIT = 64
"""The longest prefix or suffix :func:`shortest_context` proposes, in code points."""


class FillStatus(StrEnum):
    """What filling an anchor did."""

    COMPLETE = "complete"
    FILLED = "filled"
    UNPLACEABLE = "unplaceable"


@attrs.frozen
class FillResult:
    """The filled anchor (the given one when nothing could be or had to be added), and how
    the given anchor placed in the text."""

    status: FillStatus
    anchor: Anchor
    placement: Placement


def _widen_prefix(text: str, start: int, length: int) -> int:
    """Grow a prefix of ``length`` to start at a word boundary, within the limit."""
    begin = start - length
    while begin > 0 and start - begin < CONTEXT_LIMIT and not text[begin - 1].isspace():
        begin -= 1
    return start - begin


def _widen_suffix(text: str, end: int, length: int) -> int:
    """Grow a suffix of ``length`` to end at a word boundary, within the limit."""
    stop = end + length
    while stop < len(text) and stop - end < CONTEXT_LIMIT and not text[stop].isspace():
        stop += 1
    return stop - end


def _prefix_ok(text: str, prefix: str, others: Sequence[Match]) -> bool:
    return not any(text.endswith(prefix, 0, other.start) for other in others)


def _suffix_ok(text: str, suffix: str, others: Sequence[Match]) -> bool:
    return not any(text.startswith(suffix, other.end) for other in others)


def shortest_context(
    text: str,
    match: Match,
    others: Sequence[Match],
    *,
    min_prefix: int = 0,
    min_suffix: int = 0,
) -> tuple[str | None, str | None] | None:
    """The shortest prefix or suffix (one side when one suffices) that ``match`` has and no
    occurrence in ``others`` has, widened to whole words; ``None`` if none within the limit.

    ``min_prefix``/``min_suffix`` keep context the anchor already has at least as long.
    """
    others = [other for other in others if other != match]
    if not others:
        return None, None
    for length in range(1, CONTEXT_LIMIT + 1):
        size = max(length, min_prefix)
        if size <= match.start:
            prefix = text[match.start - size : match.start]
            if _prefix_ok(text, prefix, others):
                size = _widen_prefix(text, match.start, size)
                return text[match.start - size : match.start], None
        size = max(length, min_suffix)
        if match.end + size <= len(text):
            suffix = text[match.end : match.end + size]
            if _suffix_ok(text, suffix, others):
                size = _widen_suffix(text, match.end, size)
                return None, text[match.end : match.end + size]
    for length in range(1, CONTEXT_LIMIT + 1):
        prefix = text[max(0, match.start - max(length, min_prefix)) : match.start]
        suffix = text[match.end : match.end + max(length, min_suffix)]
        clash = any(
            text.endswith(prefix, 0, other.start) and text.startswith(suffix, other.end)
            for other in others
        )
        if not clash:
            return prefix or None, suffix or None
    return None


def disambiguate(text: str, anchor: Anchor, match: Match) -> Anchor | None:
    """``anchor`` with the context that makes its quote select ``match`` without offsets
    (unchanged if it already does); ``None`` if no context within the limit can."""
    bare = attrs.evolve(anchor, start=None, end=None)
    if place(text, bare).match == match:
        return anchor
    occurrences = [
        other for other in find_all(text, anchor.exact) if fits_context(text, other, bare)
    ]
    context = shortest_context(
        text,
        match,
        occurrences,
        min_prefix=len(anchor.prefix or ""),
        min_suffix=len(anchor.suffix or ""),
    )
    if context is None:
        return None
    prefix, suffix = context
    return attrs.evolve(anchor, prefix=prefix or anchor.prefix, suffix=suffix or anchor.suffix)


def fill(text: str, anchor: Anchor) -> FillResult:
    """Add what ``anchor`` lacks to be placed in normalised ``text`` on its own: offsets, and
    the shortest context when the quote occurs more than once.

    Values the anchor has are never changed: an anchor that does not place (quote not
    found, ambiguous, offsets or context that disagree) comes back as it was, ``UNPLACEABLE``.
    A quote or context written in another Unicode form or with CR line endings is placed by
    its normalised form, which a filled anchor records (so ``exact`` is what the offsets
    select).
    """
    placement = place(text, anchor)
    match = placement.match
    if placement.status is not PlacementStatus.FOUND or match is None:
        return FillResult(FillStatus.UNPLACEABLE, anchor, placement)
    normal = normalize_anchor(anchor)
    filled = disambiguate(text, normal, match) or normal
    filled = attrs.evolve(filled, start=match.start, end=match.end)
    status = FillStatus.COMPLETE if filled == anchor else FillStatus.FILLED
    return FillResult(status, filled, placement)

"""Saying in a few words how a passage of a source differs from the quote that cites it."""

from __future__ import annotations

import difflib

__all__ = ["difference", "shorten"]

_MAX_CHANGES = 3
_MAX_PIECE = 60


def shorten(text: str, limit: int = 160) -> str:
    """``text`` on one line, cut to ``limit`` code points with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _piece(words: list[str]) -> str:
    return shorten(" ".join(words), _MAX_PIECE) if words else "nothing"


def difference(quote: str, passage: str) -> str:
    """The first few word-level changes from ``quote`` to ``passage``, as "the source has
    'X' where the quote has 'Y'"; when only spacing, quotation marks or dashes differ, says
    so."""
    said, seen = quote.split(), passage.split()
    matcher = difflib.SequenceMatcher(a=said, b=seen, autojunk=False)
    changes = [
        f"the source has {_piece(seen[b0:b1])!r} where the quote has {_piece(said[a0:a1])!r}"
        for op, a0, a1, b0, b1 in matcher.get_opcodes()
        if op != "equal"
    ]
    if not changes:
        return "only spacing or line breaks differ"
    shown = "; ".join(changes[:_MAX_CHANGES])
    more = len(changes) - _MAX_CHANGES
    return shown + (f"; and {more} more change{'s' if more > 1 else ''}" if more > 0 else "")

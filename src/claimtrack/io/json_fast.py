"""The JSON loader's fast path: orjson's parser, for text it reads exactly as ``json`` does.

orjson parses a claim file several times faster than the standard library, but it reads a
few texts differently, and :func:`claimtrack.io.json.parse_json` must give the same data and
the same findings whichever parser ran. Where they differ:

- orjson keeps the last of two equal keys silently; the loader refuses the file (E103);
- orjson turns an integer beyond 64 bits into a float; the loader keeps it exact (or refuses
  it, E105, when it is too long to print);
- everything else orjson reads differently it refuses: NaN and Infinity, numbers that
  overflow to infinity, lone surrogates, nesting deeper than 1,024 levels, a byte-order mark.

So :func:`fast_parse` gives orjson's data only when the text can hold neither of the first
two, and ``None`` otherwise, or whenever orjson refuses the text: the standard library's
parser then reads it and words the finding, as it always did. Each test is a few passes of C
code over the text:

- an integer orjson cannot hold exactly has at least 19 digits (``-9223372036854775809``), so
  a text with no run of 19 digits has none;
- every key is followed by a ``:`` outside any string, so the colons of the text are at
  least its keys plus the colons inside its strings (escaped ``\\u003a`` ones counted apart);
  orjson's own compact output of the data holds exactly the data's keys plus the colons of
  its strings. The two counts are equal only if no key was lost to a duplicate.
"""

from __future__ import annotations

from typing import Any

import orjson

__all__ = ["fast_parse"]

# Digits to "0", everything else as it is: a run of 19 digits becomes 19 zeros.
_FOLD_DIGITS = bytes.maketrans(b"123456789", b"000000000")
_LONG_DIGITS = b"0" * 19


def fast_parse(text: str) -> tuple[Any] | None:
    """``(data,)`` as ``json.loads`` would read ``text`` when orjson reads it the same way and
    finds nothing to refuse; ``None`` when the standard library's parser must decide."""
    raw = text.encode("utf-8", "surrogatepass")
    if _LONG_DIGITS in raw.translate(_FOLD_DIGITS):
        return None
    try:
        data = orjson.loads(raw)
    except (ValueError, RecursionError):
        return None
    colons = raw.count(b":") + raw.count(b"\\u003a") + raw.count(b"\\u003A")
    try:
        unique = orjson.dumps(data).count(b":") == colons
    except (TypeError, RecursionError):  # pragma: no cover - what orjson reads it writes
        return None
    return (data,) if unique else None

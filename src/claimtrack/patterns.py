"""Regular expressions as JSON Schema means them (ECMA-262), run by Python's ``re``.

The schema's patterns are written in the common subset of both dialects except for one
anchor: in ECMA-262 ``$`` matches only at the end of the text, in Python also before a final
newline, so Python would accept the id ``"abc\\n"`` that the schema refuses. Every pattern
claimtrack runs (the model's validators, the reference validator) goes through
:func:`ecma_regex`, so Python and the compiled validator agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["ecma_regex", "ecma_search"]

# An unescaped "$": preceded by an even number of backslashes.
_DOLLAR = re.compile(r"(?<!\\)((?:\\\\)*)\$")


@lru_cache(maxsize=256)
def ecma_regex(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled with ``$`` meaning the very end of the text (Python's ``\\Z``)."""
    return re.compile(_DOLLAR.sub(lambda match: match.group(1) + r"\Z", pattern))


def ecma_search(pattern: str, text: str) -> bool:
    """Whether ``pattern`` matches somewhere in ``text``, as JSON Schema's ``pattern`` asks."""
    return ecma_regex(pattern).search(text) is not None

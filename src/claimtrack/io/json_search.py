"""Finding one member of a JSON object by searching its text for the member's key.

Splitting an object into all its members costs Python work for each member, and a finding
inside a claim needs one of them. When the parsed value of the object is at hand, one
regular expression search finds the member instead, when the answer is sure to be right:

- in well-formed JSON, ``"key"``, white space and ``:`` after ``{``, ``,`` or white space
  is always a key: inside a string every ``"`` follows a backslash, and a string that
  closed there could not be followed by more text and a colon;
- so such a match between the object's first and last character is a key of the object
  itself or of an object nested in one of its values. It is the object's own when it is
  the only match and no key in the object is spelled with escapes (the object's own key
  is then a match too), or when no nested object has that key (the parsed value says so),
  each key being in an object once.

Anything else (a key whose JSON text needs escapes, a key nested objects share) is not
searched for: the caller splits the object into its members then.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

__all__ = ["find_member", "nested_keys"]

_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f]')
# What a key's opening quote follows in well-formed JSON.
_BEFORE_KEY = frozenset("{, \t\n\r")


@lru_cache(maxsize=256)
def _key_pattern(key: str) -> re.Pattern[str] | None:
    # The quoted key first, so the search runs at the speed of a plain substring search.
    if _NEEDS_ESCAPE.search(key):
        return None
    return re.compile('"' + re.escape(key) + '"[ \t\n\r]*:[ \t\n\r]*')


def nested_keys(value: dict[str, Any]) -> frozenset[str]:
    """The keys of every object nested anywhere in ``value``'s members (not its own)."""
    found: set[str] = set()
    pending = [child for child in value.values() if isinstance(child, (dict, list))]
    while pending:
        item = pending.pop()
        if isinstance(item, dict):
            found.update(item)
            pending.extend(child for child in item.values() if isinstance(child, (dict, list)))
        else:
            pending.extend(child for child in item if isinstance(child, (dict, list)))
    return frozenset(found)


def find_member(
    text: str, start: int, end: int, key: str, nested: Callable[[], frozenset[str]]
) -> tuple[int, int, int] | None:
    """The key's start and end and the value's start of member ``key`` of the object whose
    text runs from ``start`` to ``end``, the object having that key; ``nested`` gives the
    keys of the objects nested in it (:func:`nested_keys`), asked for only when the text
    has escapes. None when a search cannot be sure, or finds nothing."""
    pattern = _key_pattern(key)
    first = None if pattern is None else _next_key(pattern, text, start, end)
    if pattern is None or first is None:
        return None
    if text.find("\\", start, end) < 0:
        # No key is spelled with escapes, so the object's own key is among the matches:
        # the first is it if there is no other.
        sure = _next_key(pattern, text, first.end(), end) is None
    else:
        sure = key not in nested()
    return (first.start(), first.start() + len(key) + 2, first.end()) if sure else None


def _next_key(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The first match of ``pattern`` from ``start`` that is a key."""
    found = pattern.search(text, start, end)
    while found is not None and text[found.start() - 1] not in _BEFORE_KEY:
        found = pattern.search(text, found.end(), end)
    return found

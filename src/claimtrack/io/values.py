"""Values a parser accepts but nothing downstream can hold: found once, after parsing.

JSON and YAML both let a file spell values that break whatever reads them next:

- an integer too long for Python to turn into text (more than 4,300 digits), which would
  crash every output format that prints it;
- a number too large for a float (``1e400``), which becomes infinity, which JSON cannot hold;
- a lone surrogate (``"\\ud800"``), which no UTF-8 output can encode.

Each becomes a finding (E105 ``unsupported-value``) at the value's position, like any other
value the loader refuses. The scan runs only when the text could hold one of them (a long
run of digits, a three-digit exponent, a surrogate escape), so ordinary files pay nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

__all__ = ["MAX_DIGITS", "HugeInteger", "huge_integer", "may_hold_surprise", "value_surprise"]

#: The longest integer accepted, in digits (Python's own limit for turning one into text).
MAX_DIGITS = 4300

# Text that could hold a surprise. A float overflows only with 309 or more digits or an
# exponent of three digits (a hexadecimal YAML integer too long to print needs thousands of
# digits); a lone surrogate comes only from an escape (JSON's \uD800,
# YAML's \uD800 or \U0000D800), since the text itself is valid UTF-8.
_MAYBE = re.compile(
    r"[0-9]{309}|0[xX][0-9a-fA-F]{300}|(?<![0-9A-Za-z_])[0-9.]+[eE][+-]?[0-9]{3}"
    r"|\\(?:u|U0000)[dD][89a-fA-F]"
)
_MAX_BITS = 14_284  # the most bits an integer of MAX_DIGITS digits can need
_SURROGATE = re.compile("[\ud800-\udfff]")


#: Where a surprise is, what it is, whether the key is at fault, and what to do about it.
Surprise = tuple[list[str | int], str, bool, str]


class HugeInteger:
    """An integer literal longer than :data:`MAX_DIGITS`, kept as text until it is refused
    (the JSON scanner's ``parse_int`` hook returns one instead of failing without a place)."""

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits


def huge_integer(literal: str) -> int | HugeInteger:
    """An integer literal as an int, or a :class:`HugeInteger` when it is too long."""
    if len(literal.lstrip("+-")) > MAX_DIGITS:
        return HugeInteger(literal)
    return int(literal)


_NUMBER_HINT = "Quote the number to keep it as text, or write one of a size JSON can hold."
_SURROGATE_HINT = "Pair the \\u escape with its other half, or write the character itself."


def _walk(value: Any, path: list[str | int]) -> Iterator[Surprise]:
    """(path, what is wrong, whether it is the key rather than the value, what to do) for
    each surprise."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str) and _SURROGATE.search(key):
                yield (
                    [*path, key],
                    "the key holds a lone surrogate (an unpaired \\u escape)",
                    True,
                    _SURROGATE_HINT,
                )
            yield from _walk(item, [*path, key])
    elif isinstance(value, list):
        for number, item in enumerate(value):
            yield from _walk(item, [*path, number])
    elif isinstance(value, str):
        if _SURROGATE.search(value):
            yield (
                path,
                "the string holds a lone surrogate (an unpaired \\u escape)",
                False,
                _SURROGATE_HINT,
            )
    elif isinstance(value, HugeInteger):
        digits = len(value.digits.lstrip("+-"))
        yield (
            path,
            f"the integer has {digits:,} digits, more than {MAX_DIGITS:,}",
            False,
            _NUMBER_HINT,
        )
    elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _MAX_BITS:
        yield path, f"the integer is longer than {MAX_DIGITS:,} digits", False, _NUMBER_HINT
    elif isinstance(value, float) and not math.isfinite(value):
        yield (
            path,
            "the number is too large to hold (it would become infinity)",
            False,
            _NUMBER_HINT,
        )


def value_surprise(data: Any, text: str) -> Surprise | None:
    """The first value of ``data`` (parsed from ``text``) that nothing downstream can hold:
    its path, what is wrong with it, whether the key is at fault, and a hint; None when
    there is none."""
    if not may_hold_surprise(text):
        return None
    return next(_walk(data, []), None)


# The text's bytes with every ASCII digit as "0" and "E" as "e": runs of digits and
# exponents are then found by plain substring searches, far quicker than the regular
# expression's attempt at every digit of the text.
_FOLD = bytes.maketrans(b"123456789E", b"000000000e")
_WORD = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")
_ESCAPE = re.compile(r"\\(?:u|U0000)[dD][89a-fA-F]")
_HEX = re.compile(r"0[xX][0-9a-fA-F]{300}")


def may_hold_surprise(text: str) -> bool:
    """Whether ``_MAYBE`` matches somewhere in ``text``, found with substring searches."""
    if "\\" in text and _ESCAPE.search(text):
        return True
    if ("0x" in text or "0X" in text) and _HEX.search(text):
        return True
    folded = text.encode("utf-8", "surrogatepass").translate(_FOLD)
    return b"0" * 309 in folded or _has_exponent(folded)


def _has_exponent(folded: bytes) -> bool:
    """Whether ``(?<![0-9A-Za-z_])[0-9.]+[eE][+-]?[0-9]{3}`` matches the unfolded text."""
    for marker in (b"0e", b".e"):
        at = folded.find(marker)
        while at != -1:
            after = at + 2
            if folded[after : after + 1] in (b"+", b"-"):
                after += 1
            if folded[after : after + 3] == b"000":
                start = at  # the run of digits and dots that ends just before the "e"
                while start > 0 and folded[start - 1] in b"0.":
                    start -= 1
                # The run may begin anywhere a word character does not come before it: at
                # its first character, or just after one of its dots.
                if start == 0 or folded[start - 1] not in _WORD or b"." in folded[start:at]:
                    return True
            at = folded.find(marker, at + 1)
    return False

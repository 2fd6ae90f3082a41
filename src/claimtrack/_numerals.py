"""Numbers in digits as texts write them: the one reading both ``extract`` and the flags use.

Thousands are grouped by commas ("4,500") or, as SI style writes them, by non-breaking,
narrow non-breaking or thin spaces ("4\u00a0500"); a full stop is a decimal point ("1.5",
and "1.200" is 1.2, as English reads it); a comma before one or two digits is a decimal
comma ("1,5"), since it cannot group thousands. A number is read whole or not at all: digits
followed by a comma or point and another digit ("1,000,5", "1.5.3", "12.03.2024") are not a
number, nor is any part of them.
"""

from __future__ import annotations

__all__ = ["DIGITS_PATTERN", "GROUP_SEPARATORS", "digits_value"]

GROUP_SEPARATORS = (",", "\u00a0", "\u202f", "\u2009")
"""What may group thousands: a comma, a non-breaking, narrow non-breaking or thin space."""

_SEPARATOR = f"[{''.join(GROUP_SEPARATORS)}]"
_GROUPS = "|".join(rf"(?:{separator}\d{{3}})+" for separator in GROUP_SEPARATORS)
_DECIMALS = r"(?:\.\d+)?"
# Digits with no separator and digit after them come first, as most numbers are written (a
# number that has none of its alternatives' starts is refused sooner); then, in the order
# that reads them, groups, a decimal comma, and plain digits again (for those a space and a
# digit follow that group nothing, as in "2\u00a000").
DIGITS_PATTERN = (
    rf"(?:\d+(?!{_SEPARATOR}\d){_DECIMALS}|\d{{1,3}}(?:{_GROUPS}){_DECIMALS}"
    rf"|\d+,\d{{1,2}}|\d+{_DECIMALS})(?![.,]?\d)"
)
"""A number in digits, as the module's description reads them, with no capturing group:
one separator throughout its groups ("4,500,000" or "4\u00a0500\u00a0000", never a mix)."""

_WITHOUT_SEPARATORS = str.maketrans(dict.fromkeys(GROUP_SEPARATORS[1:], ""))


def digits_value(digits: str) -> float:
    """The value of ``digits``, a text :data:`DIGITS_PATTERN` matches: "4,500" and
    "4\u00a0500" are 4500, "1,5" is 1.5."""
    if "," in digits:
        head, _comma, tail = digits.rpartition(",")
        if len(tail) < 3:  # only a decimal comma has fewer than three digits after it
            return float(f"{head}.{tail}")
        return float(digits.replace(",", ""))
    if digits.isascii():
        return float(digits)
    return float(digits.translate(_WITHOUT_SEPARATORS))

"""Reading the numbers a quote states: "more than 2,000", "$30–50 billion", "up to 5 million".

Only what the text says plainly is read: digits as :mod:`claimtrack._numerals` reads them
(the reading ``extract`` uses: thousands grouped by commas or by non-breaking, narrow
non-breaking or thin spaces, a decimal point, or a decimal comma before one or two digits),
a scale word (thousand, million, billion, trillion, or bn/mn/tn/trn), ranges written
with a dash, "to" or "between … and", and the bound words before a number. Numbers written
as words ("two thousand") are not read, so a quote without digits is never flagged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from enum import StrEnum

import attrs

from claimtrack._numerals import DIGITS_PATTERN, digits_value

__all__ = [
    "Expression",
    "Shape",
    "read_numbers",
    "same_number",
    "scale_of_unit",
    "stated_numbers",
    "stated_spans",
]

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
}

_NUMBER = rf"({DIGITS_PATTERN})(?:\s*(thousand|million|billion|trillion)\b|(bn|mn|tn|trn)\b)?"
_CURRENCY = r"(?:[$€£¥]|US\$|USD\s*|EUR\s*|GBP\s*)?"
_RANGE_JOIN = r"\s*(?:–|—|-|to)\s*"
_EXPRESSION = re.compile(
    rf"(?<![\w.,])(?:(between)\s+)?{_CURRENCY}{_NUMBER}"
    rf"(?:(?(1)\s+and\s+|{_RANGE_JOIN}){_CURRENCY}{_NUMBER})?",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")

_LOWER = (
    "more than",
    "over",
    "at least",
    "upwards of",
    "in excess of",
    "exceeding",
    "above",
    "greater than",
    "no fewer than",
    "no less than",
    "a minimum of",
    "at minimum",
)
_UPPER = (
    "less than",
    "fewer than",
    "under",
    "up to",
    "at most",
    "below",
    "no more than",
    "nearly",
    "almost",
    "just under",
    "a maximum of",
    "as many as",
    "as much as",
)
_APPROXIMATE = (
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "estimated",
    "an estimated",
    "nearly",
    "almost",
    "circa",
    "approx.",
    "~",
)


class Shape(StrEnum):
    """What a number in a text is: a value, a range, or a lower or upper bound."""

    VALUE = "value"
    RANGE = "range"
    LOWER = "lower bound"
    UPPER = "upper bound"


@attrs.frozen
class Expression:
    """One number or range as written, with its numbers read and scaled."""

    text: str
    shape: Shape
    numbers: tuple[float, ...]
    approximate: bool = False


def _number(digits: str, word: str | None, short: str | None) -> float:
    value = digits_value(digits)
    scale = (word or short or "").lower()
    return value * SCALES.get(scale, 1.0)


# Every cue is at most three words long, so the last three words before a number decide.
_CUE_WORDS = 3
_LOWER_CUES, _UPPER_CUES, _APPROXIMATE_CUES = map(frozenset, (_LOWER, _UPPER, _APPROXIMATE))


def _endings(before: str) -> frozenset[str]:
    """The last one, two and three words of ``before``, lower-cased, each joined by a space."""
    words = before.lower().split()[-_CUE_WORDS:]
    return frozenset(" ".join(words[-count:]) for count in range(1, len(words) + 1))


def _values(match: re.Match[str]) -> tuple[float, ...]:
    """The number, or the two ends of the range, an expression states."""
    _between, d1, w1, s1, d2, w2, s2 = match.groups()
    if d2 is None:
        return (_number(d1, w1, s1),)
    # A range: a scale written once at the end applies to both ends ("30–50 billion").
    low_word, low_short = (w1, s1) if (w1 or s1) else (w2, s2)
    return _number(d1, low_word, low_short), _number(d2, w2, s2)


def read_numbers(text: str) -> list[Expression]:
    """Every number and range ``text`` states, in order."""
    found: list[Expression] = []
    for match in _EXPRESSION.finditer(text):
        values = _values(match)
        endings = _endings(text[: match.start()])
        approximate = not endings.isdisjoint(_APPROXIMATE_CUES)
        if len(values) == 2:
            found.append(Expression(match.group(0), Shape.RANGE, values, approximate))
            continue
        shape = Shape.VALUE
        if not endings.isdisjoint(_LOWER_CUES):
            shape = Shape.LOWER
        elif not endings.isdisjoint(_UPPER_CUES):
            shape = Shape.UPPER
        found.append(Expression(match.group(0), shape, values, approximate))
    return found


# What may stand before an expression's first digit: "between", white space, a currency.
_LEAD = re.compile(r"[\s$€£¥betwnusdrgp]", re.IGNORECASE)


def _expressions(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_EXPRESSION.finditer(text)``, trying it only just before each digit.

    Every expression holds a digit, and what comes before its first one is "between", white
    space and a currency sign or code, all of them characters of ``_LEAD``. So the matches
    whose first digit is at ``d`` start in the run of ``_LEAD`` characters just before ``d``
    (or at ``d``), and trying those positions in order, then the next digit's, finds the same
    matches as scanning every position: a text of words with a few figures costs the figures.
    """
    position = 0
    while (digit := _DIGIT.search(text, position)) is not None:
        first = start = digit.start()
        while start > position and _LEAD.match(text, start - 1):
            start -= 1
        for at in range(start, first + 1):
            found = _EXPRESSION.match(text, at)
            if found is not None:
                yield found
                position = found.end()
                break
        else:
            position = first + 1


def stated_spans(text: str) -> list[tuple[int, int, tuple[float, ...]]]:
    """Where each expression of :func:`stated_numbers` stands in ``text`` (its start and
    end) and the numbers it states, in order; the expressions never overlap."""
    return [(match.start(), match.end(), _values(match)) for match in _expressions(text)]


def stated_numbers(text: str) -> list[float]:
    """The numbers of :func:`read_numbers` (each end of a range), in order, without their
    shapes: for a caller that only compares values."""
    return [number for match in _expressions(text) for number in _values(match)]


def scale_of_unit(unit: str | None) -> float:
    """The scale a unit names ("billion USD" → 1e9), or 1."""
    if not unit:
        return 1.0
    for word in re.findall(r"[a-z]+", unit.lower()):
        if word in SCALES:
            return SCALES[word]
    return 1.0


def same_number(a: float, b: float) -> bool:
    """Whether two numbers are the same, allowing for floating-point rounding."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)

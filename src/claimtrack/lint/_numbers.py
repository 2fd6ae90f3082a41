"""Reading the numbers a quote states: "more than 2,000", "$30–50 billion", "up to 5 million".

Only what the text says plainly is read: digits as :mod:`claimtrack._numerals` reads them
(the reading ``extract`` uses: thousands grouped by commas, spaces, apostrophes or, when
they cannot be a decimal point, full stops; a decimal point or comma; a minus sign starting
a word; a vulgar fraction; never an ordinal or the digits of a name such as "B-52"), a
scale word (thousand, million, billion, trillion, or bn/mn/tn/trn), a scale letter (k, m,
b) with money or a count, ranges written with a dash, "to" or "between … and", and the bound
words before a number. A number with two readings ("1.200": 1.2 or 1200) states both.
Numbers written as words ("two thousand") are not read, so a quote without digits is never
flagged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from enum import StrEnum

import attrs

from claimtrack._numerals import (
    DIGITS_PATTERN,
    FRACTIONS,
    MINUS,
    NAME_HYPHEN,
    digits_readings,
    letter_scale,
)

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


def _end_pattern(end: int) -> str:
    """The pattern of a range's first (1) or second (2) end: its sign, currency, digits and
    scale, each a named group ending in ``end``."""
    return (
        rf"(?P<sign{end}>{MINUS})?(?P<currency{end}>{_CURRENCY})(?P<digits{end}>{DIGITS_PATTERN})"
        rf"(?:\s*(?P<word{end}>thousand|million|billion|trillion)\b"
        rf"|(?P<short{end}>bn|mn|tn|trn|[kmb])\b)?"
    )


_CURRENCY = r"(?:[$€£¥]|US\$|USD\s*|EUR\s*|GBP\s*)?"
_RANGE_JOIN = r"\s*(?:–|—|-|to)\s*"
# A sign starts a word; the second end's never follows a hyphen ("10--12" is no range).
_EXPRESSION = re.compile(
    rf"(?<![\w.,]){NAME_HYPHEN}(?:(?P<between>between)\s+)?{_end_pattern(1)}"
    rf"(?:(?(between)\s+and\s+|{_RANGE_JOIN})(?!(?<=-){MINUS}){_end_pattern(2)})?",
    re.IGNORECASE,
)
_DIGIT = re.compile(rf"[\d{FRACTIONS}]")

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
    """One number or range as written, with its numbers read and scaled: ``numbers`` has
    one reading of each end, ``readings`` every reading of either end ("1.200" may be 1.2
    or 1200)."""

    text: str
    shape: Shape
    numbers: tuple[float, ...]
    approximate: bool = False
    readings: tuple[float, ...] = attrs.field()

    @readings.default
    def _numbers_alone(self) -> tuple[float, ...]:
        return self.numbers


# Every cue is at most three words long, so the last three words before a number decide.
_CUE_WORDS = 3
_LOWER_CUES, _UPPER_CUES, _APPROXIMATE_CUES = map(frozenset, (_LOWER, _UPPER, _APPROXIMATE))


def _endings(before: str) -> frozenset[str]:
    """The last one, two and three words of ``before``, lower-cased, each joined by a space."""
    words = before.lower().split()[-_CUE_WORDS:]
    return frozenset(" ".join(words[-count:]) for count in range(1, len(words) + 1))


def _scale(scale: str | None, money: bool, match: re.Match[str]) -> float:
    """The scale a word, abbreviation or letter after an end's digits gives it, or 1."""
    if not scale:
        return 1.0
    if len(scale) == 1:
        after = match.string[match.end() : match.end() + 40]
        return letter_scale(scale, money=money, after=after)
    return SCALES[scale.lower()]


def _end(sign: str | None, digits: str, scale: float) -> tuple[float, ...]:
    """The readings of one end: its digits' readings, scaled and signed."""
    if sign:
        scale = -scale
    return tuple(value * scale for value in digits_readings(digits))


def _ends(match: re.Match[str]) -> tuple[tuple[float, ...], ...]:
    """The readings of the number, or of each end of the range, an expression states."""
    _between, sign1, money1, digits1, word1, short1, sign2, money2, digits2, word2, short2 = (
        match.groups()
    )
    if digits2 is None:
        return (_end(sign1, digits1, _scale(word1 or short1, bool(money1), match)),)
    money = bool(money1 or money2)
    high = _scale(word2 or short2, money, match)
    # A scale written once at the end applies to both ends ("30–50 billion").
    low = _scale(word1 or short1, money, match) if (word1 or short1) else high
    return _end(sign1, digits1, low), _end(sign2, digits2, high)


def _values(match: re.Match[str]) -> tuple[float, ...]:
    """Every reading of the number, or of the two ends of the range, an expression states."""
    return tuple(reading for end in _ends(match) for reading in end)


def read_numbers(text: str) -> list[Expression]:
    """Every number and range ``text`` states, in order."""
    found: list[Expression] = []
    for match in _expressions(text):
        ends = _ends(match)
        numbers = tuple(end[0] for end in ends)
        readings = tuple(reading for end in ends for reading in end)
        endings = _endings(text[: match.start()])
        approximate = not endings.isdisjoint(_APPROXIMATE_CUES)
        shape = Shape.RANGE if len(ends) == 2 else Shape.VALUE
        if shape is Shape.VALUE and not endings.isdisjoint(_LOWER_CUES):
            shape = Shape.LOWER
        elif shape is Shape.VALUE and not endings.isdisjoint(_UPPER_CUES):
            shape = Shape.UPPER
        found.append(Expression(match.group(0), shape, numbers, approximate, readings))
    return found


# What may stand before an expression's first digit: "between", white space, a sign, a
# currency.
_LEAD = re.compile(r"[\s$€£¥betwnusdrgp\-\u2212]", re.IGNORECASE)


def _expressions(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_EXPRESSION.finditer(text)``, trying it only just before each digit.

    Every expression holds a digit (or a fraction), and what comes before its first one is
    "between", white space, a sign and a currency sign or code, all of them characters of
    ``_LEAD``. So the matches
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
    end) and the numbers it states in every reading, in order; the expressions never
    overlap."""
    return [(match.start(), match.end(), _values(match)) for match in _expressions(text)]


def stated_numbers(text: str) -> list[float]:
    """The numbers of :func:`read_numbers` (each end of a range, in every reading), in
    order, without their shapes: for a caller that only compares values."""
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

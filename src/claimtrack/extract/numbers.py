"""Numbers written in words ("seventeen", "two hundred", "twenty-five thousand").

A small grammar is clearer here than a dependency: it accepts only number words, so it
never mistakes ordinary words for numbers, and it reports where the number stands.
"""

from __future__ import annotations

import re

from claimtrack._numerals import DIGITS_PATTERN, digits_readings

__all__ = [
    "DIGITS_PATTERN",
    "NUMBER_WORDS",
    "NUMBER_WORD_PATTERN",
    "SCALES",
    "parse_number",
    "parse_number_words",
]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS = _UNITS
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
_WORD = "|".join(sorted([*_UNITS, *SCALES], key=len, reverse=True))
NUMBER_WORD_PATTERN = rf"(?:{_WORD})(?:(?:[ -]|\s+and\s+)(?:{_WORD}))*"
_NUMBER_WORDS = re.compile(rf"^{NUMBER_WORD_PATTERN}$", re.IGNORECASE)
_DIGITS = re.compile(rf"^{DIGITS_PATTERN}$")


def parse_number_words(words: str) -> int | None:
    """The value of number words ("two hundred and five" → 205), or ``None``."""
    if _NUMBER_WORDS.match(words.strip()) is None:
        return None
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", words.strip().lower()):
        if word == "and":
            continue
        seen = True
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * SCALES[word]
            current = 0
    return total + current if seen else None


def parse_number(token: str, *, decimal_point: bool = False) -> float | None:
    """A number in digits ("4,500", "4\u00a0500", "1.5", "1,5", "2½", read as
    :mod:`claimtrack._numerals` reads them) or words ("seventeen"), or ``None``, as for
    digits of two readings ("1.200") unless ``decimal_point`` says the context makes a full
    stop a decimal point ("4.125%", "$1.125 billion")."""
    text = token.strip()
    if _DIGITS.match(text):
        readings = digits_readings(text)
        return readings[0] if len(readings) == 1 or decimal_point else None
    value = parse_number_words(text)
    return None if value is None else float(value)

"""Quantities written without a plain number: shares, multiples, vague magnitudes, symbols.

- shares: "a third of", "two-thirds", "half", "one in five", "nine out of 10": a value between
  0 and 1, unit ``fraction``;
- multiples: "twice as many", "more than three times higher", "a fourfold rise": unit
  ``times`` (the modifier makes "more than twice" a lower bound of 2);
- vague magnitudes: "hundreds of homes", "thousands", "tens of billions of dollars": a lower
  bound (hundreds are at least 100), marked approximate, with the unit or currency that
  follows;
- a number with a unit symbol written onto it: "250km", "1.5°C", "1.5C", "32cm": the symbol
  is the unit (a temperature's is written °C or °F); the number is read as
  :mod:`claimtrack._numerals` reads digits ("4 500km").

The main grammar (:mod:`claimtrack.extract.quantities`) skips the numbers these cover.
"""

from __future__ import annotations

import re

import attrs

from claimtrack._numerals import DIGITS_PATTERN, MINUS, NAME_HYPHEN, digits_value
from claimtrack.extract.numbers import NUMBER_WORDS
from claimtrack.model import Quantity

__all__ = ["FoundMagnitude", "find_magnitudes"]

_SMALL = {
    "a": 1,
    "an": 1,
    **{word: value for word, value in NUMBER_WORDS.items() if 1 <= value <= 10},
}
_PARTS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
_VAGUE = {
    "tens": 10,
    "dozens": 24,
    "hundreds": 100,
    "thousands": 1_000,
    "millions": 1_000_000,
    "billions": 1_000_000_000,
    "trillions": 1_000_000_000_000,
}
_SCALES = {"thousands": 1_000, "millions": 1_000_000, "billions": 1e9, "trillions": 1e12}
_TIMES = {"twice": 2, "double": 2, "triple": 3, "treble": 3, "quadruple": 4}
_CURRENCIES = {
    "dollars": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "yen": "JPY",
    "rupees": "INR",
    "rupiah": "IDR",
    "yuan": "CNY",
}
_LOWER = "more than|over|at least|upwards of|in excess of|well over|just over"
_UPPER = "fewer than|less than|under|up to|at most|no more than|just under"
_APPROX = "nearly|almost|about|around|roughly|some|approximately|close to"
_MOD = rf"(?:(?P<mod>{_LOWER}|{_UPPER}|{_APPROX})\s+)?"
_NUMBER = r"\d+(?:\.\d+)?|" + "|".join(_SMALL)
_SHARE = re.compile(
    rf"(?<![\w-]){_MOD}(?:(?P<n>{_NUMBER})[- ](?P<part>{'|'.join(_PARTS)})"
    rf"|(?P<half>half)(?![\w-])(?!\s+an?\s)"
    rf"|(?P<k>{_NUMBER}|\d+)\s+(?:in|out\s+of)\s+(?P<d>\d+|{'|'.join(_SMALL)}|hundred))(?![\w-])",
    re.IGNORECASE,
)
_MULTIPLE = re.compile(
    rf"(?<![\w-]){_MOD}(?:(?P<word>{'|'.join(_TIMES)})|(?P<n>\d+(?:\.\d+)?|"
    rf"{'|'.join(list(_SMALL)[2:])})[- ](?:times|fold))(?=\s+(?:as|more|less|higher|lower|"
    r"larger|smaller|bigger|greater|faster|slower|the|that|over|than|rise|increase)\b)",
    re.IGNORECASE,
)
_MAGNITUDE = re.compile(
    rf"(?<![\w-]){_MOD}(?P<vague>{'|'.join(_VAGUE)})(?:\s+of\s+(?P<scale>{'|'.join(_SCALES)}))?"
    rf"(?![\w-])(?:\s+(?:more\s+)?(?:of\s+)?(?P<noun>[a-z][a-z-]+))?",
    re.IGNORECASE,
)
_SYMBOL = re.compile(
    rf"(?<![\w.,]){NAME_HYPHEN}{_MOD}(?P<sign>{MINUS})?(?P<n>{DIGITS_PATTERN})"
    r"(?P<sym>\s?°\s?[CF](?![\w])|°(?![\w])|[CF](?![\w])|km²|km|cm|mm|kg|mph|kWh|MWh|GWh|TWh|kW|MW"
    r"|GW|ha|ft|in|lb|lbs|oz)(?![\w])"
)
_NOT_NOUNS = frozenset(
    """of in on at to for from by with and or but as is are was were be been has have had that
    this these those which who than more less the a an""".split()
)


@attrs.frozen
class FoundMagnitude:
    """A quantity and where its words stand in the text searched."""

    start: int
    end: int
    quantity: Quantity


def _number(token: str) -> float:
    lowered = token.lower()
    return float(_SMALL.get(lowered, 0) or float(token)) if lowered in _SMALL else float(token)


def _shape(mod: str | None, value: float) -> dict[str, float | bool]:
    lowered = " ".join((mod or "").lower().split())
    value = int(value) if float(value).is_integer() else value
    if lowered in _LOWER.split("|"):
        return {"lower_bound": value}
    if lowered in _UPPER.split("|"):
        return {"upper_bound": value}
    return {"value": value, "approximate": lowered in _APPROX.split("|")}


def _shares(text: str) -> list[FoundMagnitude]:
    found = []
    for match in _SHARE.finditer(text):
        if match.group("part"):
            value = _number(match.group("n")) / _PARTS[match.group("part").lower()]
        elif match.group("half"):
            value = 0.5
        else:
            denominator = match.group("d").lower()
            whole = 100.0 if denominator == "hundred" else _number(denominator)
            if whole == 0:
                continue
            value = _number(match.group("k")) / whole
        if not 0 < value <= 1:
            continue
        shape = _shape(match.group("mod"), value)
        quantity = Quantity(**shape, unit="fraction", text=match.group(0))  # type: ignore[arg-type]
        found.append(FoundMagnitude(match.start(), match.end(), quantity))
    return found


def _multiples(text: str) -> list[FoundMagnitude]:
    found = []
    for match in _MULTIPLE.finditer(text):
        word = match.group("word")
        value = float(_TIMES[word.lower()]) if word else _number(match.group("n"))
        shape = _shape(match.group("mod"), value)
        quantity = Quantity(**shape, unit="times", text=match.group(0))  # type: ignore[arg-type]
        found.append(FoundMagnitude(match.start(), match.end(), quantity))
    return found


def _vague(text: str) -> list[FoundMagnitude]:
    found = []
    for match in _MAGNITUDE.finditer(text):
        before = text[max(0, match.start() - 12) : match.start()]
        if re.search(r"\d\s*$", before):
            continue  # "5 millions": a number the main grammar reads
        scale = match.group("scale")
        value = _VAGUE[match.group("vague").lower()] * (_SCALES[scale.lower()] if scale else 1)
        noun = (match.group("noun") or "").lower()
        currency = _CURRENCIES.get(noun)
        unit = None if currency or noun in _NOT_NOUNS or not noun else noun
        end = match.end() if (currency or unit) else match.end("scale" if scale else "vague")
        bound = int(value) if float(value).is_integer() else value
        quantity = Quantity(
            lower_bound=bound,
            approximate=True,
            unit=unit,
            currency=currency,
            text=text[match.start() : end],
        )
        found.append(FoundMagnitude(match.start(), end, quantity))
    return found


def _symbols(text: str) -> list[FoundMagnitude]:
    found = []
    for match in _SYMBOL.finditer(text):
        symbol = match.group("sym").replace(" ", "")
        if symbol in ("C", "F", "°C", "°F", "°"):
            symbol = "°" + symbol.lstrip("°") if symbol != "°" else "degrees"
        value = digits_value(match.group("n"))
        if value is None:
            continue  # "1.200km": 1.2 or 1,200 km, not guessed
        if match.group("sign"):
            value = -value
        shape = _shape(match.group("mod"), value)
        quantity = Quantity(**shape, unit=symbol, text=match.group(0))  # type: ignore[arg-type]
        found.append(FoundMagnitude(match.start(), match.end(), quantity))
    return found


def find_magnitudes(text: str) -> list[FoundMagnitude]:
    """Every share, multiple, vague magnitude and number with a unit symbol in ``text``, in
    order, none overlapping another (the earlier and longer wins)."""
    candidates = sorted(
        (*_shares(text), *_multiples(text), *_vague(text), *_symbols(text)),
        key=lambda found: (found.start, -(found.end - found.start)),
    )
    kept: list[FoundMagnitude] = []
    for found in candidates:
        if not kept or found.start >= kept[-1].end:
            kept.append(found)
    return kept

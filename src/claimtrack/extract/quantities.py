"""Quantities in running text: numbers, sums of money, percentages, ranges and bounds.

A hand-written grammar: an optional modifier ("more than", "nearly", "an estimated"), an
optional minus sign and currency sign, a number in digits (read as :mod:`claimtrack._numerals`
reads them) or words with an optional scale ("billion", or a letter with money or a count:
"$5m", "5m people"), an
optional second number making a range ("10–20", "between 10 and 20"), then a percent sign
or a currency word, and the counted noun as the unit. Years, days of the month, ordinals and
numbers inside names ("B-52", "G7") are left to the date finder or ignored, and so is a
number of two readings ("1.200": 1.2 or 1200) or with a letter that may be a unit ("a 5m
wall"): a draft proposes no quantity rather than guess.
"""

from __future__ import annotations

import re

import attrs

from claimtrack._numerals import FRACTIONS, MINUS, is_counted, letter_scale
from claimtrack.extract.magnitudes import find_magnitudes
from claimtrack.extract.numbers import DIGITS_PATTERN, NUMBER_WORD_PATTERN, SCALES, parse_number
from claimtrack.model import Quantity

__all__ = ["FoundQuantity", "find_quantities"]

_LOWER = (
    "more than|greater than|upwards of|in excess of|north of|at least|a little over|just over"
    "|well over|over|above"
)
_UPPER = (
    "fewer than|less than|no more than|not more than|at most|up to|as many as|as much as"
    "|just under|under|below"
)
_APPROX = (
    "an estimated|estimated|an approximate|approximately|approx\\.|nearly|almost|close to"
    "|roughly|around|about|some|circa|~"
)
_RANGE = "between|from"
# A verb of change before "from A to B": the figures are where it was and where it is.
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|risen|rise|rises|fell|fallen|fall|falls|increased|increase|increases|decreased"
    r"|decrease|decreases|declined|decline|declines|dropped|drop|drops|grew|grown|grow|grows"
    r"|climbed|climb|climbs|jumped|jumps|surged|surge|soared|soar|slumped|plunged|plunge|cut"
    r"|raised|raise|lowered|reduced|reduce|shrank|shrunk|changed|went|gone|up|down|moved"
    r"|revised|widened|narrowed|slipped|slid|edged|swelled|ballooned|tumbled|dipped)"
    r"\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
_CURRENCY_SIGNS = {
    "US$": "USD",
    "C$": "CAD",
    "A$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pounds sterling": "GBP",
    "yen": "JPY",
    "rupees": "INR",
    "rupiah": "IDR",
    "yuan": "CNY",
    "renminbi": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    "naira": "NGN",
    "rand": "ZAR",
    "lira": "TRY",
    "shekels": "ILS",
    "hryvnias": "UAH",
    "hryvnia": "UAH",
    "ringgit": "MYR",
    "baht": "THB",
    "dirhams": "AED",
    "riyals": "SAR",
    "pesos": "MXN",
    "swiss francs": "CHF",
    "pounds": "GBP",
}
_CURRENCY_WORD_PATTERN = "|".join(
    word.replace(" ", r"\s+") for word in sorted(_CURRENCY_WORDS, key=len, reverse=True)
)
_CODES = "USD|EUR|GBP|JPY|CHF|CNY|CAD|AUD|INR|RUB"
_SIGN = "|".join(re.escape(sign) for sign in sorted(_CURRENCY_SIGNS, key=len, reverse=True))
_CUR = rf"(?:{_SIGN}|(?-i:{_CODES})\s?)"
_DIGITS = DIGITS_PATTERN
_TIME_WORDS = "decades?|century|centuries|years?|months?|weeks?|days?"
_ARTICLE_NUMBER = rf"an?(?=\s+(?:hundred|thousand|million|billion|trillion|dozen|{_TIME_WORDS})\b)"
_NUM = rf"(?:{_DIGITS}|{NUMBER_WORD_PATTERN}|{_ARTICLE_NUMBER})"
_SCALE = r"(?:\s*(?:thousand|million|billion|trillion|bn|mn|tn|trn)\b|\s+dozen\b|(?<=\d)[mkb]\b)"

_MODS = "|".join(part.replace(" ", r"\s+") for part in (_LOWER, _UPPER, _APPROX, _RANGE))
_PATTERN = re.compile(
    rf"""
    (?<![\w.,$€£¥₹-])
    (?:(?P<mod>{_MODS})\s*)?
    (?P<sign1>{MINUS}(?=[\d{FRACTIONS}]|{_CUR}))?
    (?P<cur1>{_CUR})?
    (?P<n1>{_NUM})(?![.,]\d)(?P<scale1>{_SCALE})?
    (?:
      (?P<sep>\s*[–—]\s*|-|\s+to\s+|\s+and\s+)
      (?P<sign2>(?<!-){MINUS}(?=[\d{FRACTIONS}]|{_CUR}))?
      (?P<cur2>{_CUR})?
      (?P<n2>{_NUM})(?![.,]\d)(?P<scale2>{_SCALE})?
    )?
    (?P<pct>\s?%|\s+per\s?cent\b|\s+percent\b|\s+percentage\s+points?\b)?
    (?P<curword>\s+(?:{_CURRENCY_WORD_PATTERN})\b(?!\s+of\b))?
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_AFTER_MONTH = re.compile(rf"{_MONTH}\s+$")
_BEFORE_MONTH = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b")
_ORDINAL = re.compile(r"^(?:st|nd|rd|th)\b")
_UNIT = re.compile(r"^(?:-|\s+)(?P<unit>[a-z][a-z]*(?:-[a-z]+)*)")
_NOT_UNITS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being has
    have had do does did will would can could may might must shall should that this these those
    which who whom whose than then there their its his her our your my more less most least
    such so too very also only just even still yet per each every all any some no not nor if
    when while where because since until after before during into onto over under between
    among against about around through across within without toward towards upon""".split()
)
_TIME_UNITS = {
    "year": ("years", 1),
    "years": ("years", 1),
    "month": ("months", 1),
    "months": ("months", 1),
    "week": ("weeks", 1),
    "weeks": ("weeks", 1),
    "day": ("days", 1),
    "days": ("days", 1),
    "decade": ("years", 10),
    "decades": ("years", 10),
    "century": ("years", 100),
    "centuries": ("years", 100),
}


_DURATIONS = frozenset(unit for unit, _ in _TIME_UNITS.values())


@attrs.frozen
class FoundQuantity:
    """A quantity and where its words stand in the text searched."""

    start: int
    end: int
    quantity: Quantity


_SHORT_SCALES = {
    "tn": "trillion",
    "trn": "trillion",
    "bn": "billion",
    "b": "billion",
    "mn": "million",
    "m": "million",
    "k": "thousand",
}


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    key = word.strip().lower()
    if key == "dozen":
        return 12.0
    return float(SCALES[_SHORT_SCALES.get(key, key)])


def _number(token: str, *, decimal_point: bool = False) -> float | None:
    if token.lower() in ("a", "an"):
        return 1.0
    return parse_number(token, decimal_point=decimal_point)


def _decimal_point(match: re.Match[str], end: int) -> bool:
    """True when what stands with the number makes a full stop in it a decimal point: a
    percentage ("4.125%"), a scale word ("1.125 billion") or a currency sign before it
    ("$3.459"); "1.200 people" stays of two readings."""
    return any(match.group(group) for group in ("pct", f"scale{end}", f"cur{end}"))


def _kind_of_mod(mod: str | None) -> str | None:
    if mod is None:
        return None
    lowered = " ".join(mod.lower().split())
    for kind, options in (("lower", _LOWER), ("upper", _UPPER), ("approx", _APPROX)):
        if lowered in options.replace("\\", "").split("|"):
            return kind
    return "range"


def _skip(text: str, match: re.Match[str]) -> bool:
    """True for numbers that are not quantities: years, days, ordinals, parts of names."""
    start, end = match.start("n1"), match.end()
    before, after = text[max(0, start - 20) : start], text[end : end + 20]
    n1 = match.group("n1")
    if re.search(r"[A-Za-z]-?$|[#:/]$", before) or re.match(r"^(?::\d|/\d|\.\d)", after):
        return True
    if re.match(r"^[ \t]*(?:st|nd|rd|th)\b", text[match.end("n1") : match.end("n1") + 4]):
        return True
    if (
        n1.isdigit()
        and len(n1) <= 2
        and (_AFTER_MONTH.search(before) or _BEFORE_MONTH.match(after))
    ):
        return True
    plain = not (match.group("cur1") or match.group("cur2") or match.group("curword"))
    plain = plain and not (match.group("pct") or match.group("scale1") or match.group("scale2"))
    if plain and n1.isdigit() and len(n1) == 4 and 1000 <= int(n1) <= 2199:
        n2 = match.group("n2")
        if match.group("mod") is None or _kind_of_mod(match.group("mod")) == "range":
            return n2 is None or (n2.isdigit() and len(n2) in (2, 4))
    if n1.lower() in ("a", "an"):
        unit = _UNIT.match(after)
        following = unit.group("unit").lower() if unit else ""
        if following in _TIME_UNITS and following not in ("decade", "century"):
            return match.group("mod") is None
    if n1.lower() == "one" and not (match.group("scale1") or match.group("n2")):
        unit = _UNIT.match(after)
        return unit is None or unit.group("unit").lower() not in _TIME_UNITS
    return False


def _scales(text: str, match: re.Match[str]) -> tuple[float, float] | None:
    """The scales of a quantity's first and second numbers, or ``None`` when a letter after
    one may be a unit ("a 5m wall": metres or million?)."""
    money = any(match.group(group) for group in ("cur1", "cur2", "curword"))
    after = text[match.end() : match.end() + 40]
    letters = [
        letter_scale(scale.strip(), money=money, after=after)
        for scale in (match.group("scale1"), match.group("scale2"))
        if scale is not None and len(scale.strip()) == 1
    ]
    if 1.0 in letters:
        return None
    scale2 = _scale(match.group("scale2"))
    scale1 = _scale(match.group("scale1")) if match.group("scale1") else scale2
    return scale1, scale2


def _signed(match: re.Match[str], end: int, number: float) -> float:
    return -number if match.group(f"sign{end}") else number


def _build(text: str, match: re.Match[str]) -> list[FoundQuantity]:
    n1 = _number(match.group("n1"), decimal_point=_decimal_point(match, 1))
    scales = _scales(text, match)
    if n1 is None or scales is None:
        return []
    scale1, scale2 = scales
    n1 = _signed(match, 1, n1)
    sep = (match.group("sep") or "").strip().lower()
    mod_kind = _kind_of_mod(match.group("mod"))
    n2_text = match.group("n2")
    if n2_text is not None and sep == "and" and mod_kind != "range":
        n2_text = None  # "4,000 and 5,000" lists two numbers; only "between" makes a range
    end = (
        match.end()
        if n2_text is not None
        else match.end("scale1")
        if match.group("scale1")
        else match.end("n1")
    )
    if n2_text is None:
        end = max(end, match.end("pct") if match.group("pct") else end)
        end = max(end, match.end("curword") if match.group("curword") else end)
    n2 = _number(n2_text, decimal_point=_decimal_point(match, 2)) if n2_text is not None else None
    if n2_text is not None and n2 is None:
        return []  # an end of two readings ("1.200"): no range is guessed
    n2 = None if n2 is None else _signed(match, 2, n2)
    currency = None
    for group in ("cur1", "cur2"):
        sign = (match.group(group) or "").strip()
        if sign:
            currency = _CURRENCY_SIGNS.get(sign, sign.upper())
    curword = (match.group("curword") or "").strip().lower()
    if curword:
        currency = _CURRENCY_WORDS.get(" ".join(curword.split()), currency)
    pct = (match.group("pct") or "").lower()
    unit: str | None = ("percentage points" if "point" in pct else "percent") if pct else None
    factor = 1.0
    if unit is None and currency is None:
        found = _UNIT.match(text[end : end + 40])
        word = found.group("unit").lower() if found else None
        if found is not None and word is not None and word not in _NOT_UNITS:
            unit, factor = _TIME_UNITS.get(word, (word, 1))
            end += found.end()
            if word not in _TIME_UNITS:
                unit, end = _head_noun(text, word, end)
    begin = match.start()
    mod = " ".join((match.group("mod") or "").lower().split())
    opens_clause = re.search(r"(?:^|[,;:.]\s*)$", text[:begin]) is not None
    if mod == "over" and unit in _DURATIONS and opens_clause:
        mod_kind, begin = None, match.end("mod")  # "Over ten years, …" means during, not more
        begin += len(text[begin:]) - len(text[begin:].lstrip())
    low = _tidy(n1 * scale1 * factor)
    # "fell from 30 to 20 percent": where it was, then where it is; not a range
    change = mod == "from" and n2 is not None and _CHANGE_BEFORE.search(text, 0, begin)
    if mod_kind == "range" and (n2 is None or change):
        begin = _figure_start(match, 1)  # "down from $30 billion": "from" bounds nothing
    quote = text[begin:end].strip()
    shape: dict[str, float] = {"value": low}
    if n2 is not None:
        high = _tidy(n2 * scale2 * factor)
        if change:
            first_end = match.end("scale1") if match.group("scale1") else match.end("n1")
            second = _figure_start(match, 2)
            return [
                _figure(low, unit, currency, text, begin, first_end),
                _figure(high, unit, currency, text, second, end),
            ]
        if high < low:
            return []
        shape = {"low": low, "high": high}
    elif mod_kind in ("lower", "upper"):
        shape = {f"{mod_kind}_bound": low}
    quantity = Quantity(
        **shape, unit=unit, currency=currency, approximate=mod_kind == "approx", text=quote
    )
    return [FoundQuantity(begin, end, quantity)]


def _figure_start(match: re.Match[str], end: int) -> int:
    """Where the first or second figure of a match starts: its sign, currency or digits."""
    for group in (f"sign{end}", f"cur{end}", f"n{end}"):
        if match.group(group):
            return match.start(group)
    return match.start(f"n{end}")


def _figure(
    value: float, unit: str | None, currency: str | None, text: str, start: int, end: int
) -> FoundQuantity:
    """One figure of a change, quoting ``text[start:end]``."""
    quantity = Quantity(value=value, unit=unit, currency=currency, text=text[start:end].strip())
    return FoundQuantity(start, end, quantity)


def _head_noun(text: str, word: str, end: int) -> tuple[str, int]:
    """The counted noun with the noun it modifies, when the first word is not plural and the
    next is ("400 food banks", "45.8 million disaster displacements"), else the first word."""
    if is_counted(word):
        return word, end
    following = re.match(r" ([a-z][a-z-]*)\b", text[end : end + 40])
    if following is None:
        return word, end
    second = following.group(1)
    if second in _NOT_UNITS or not is_counted(second):
        return word, end
    return f"{word} {second}", end + following.end()


def _tidy(number: float) -> float:
    """Whole numbers stay whole (2000, not 2000.0) when written out."""
    return int(number) if float(number).is_integer() else number


def find_quantities(text: str) -> list[FoundQuantity]:
    """Every quantity stated in ``text``, in order of position: the grammar above, and the
    shares, multiples, vague magnitudes and unit symbols of
    :mod:`claimtrack.extract.magnitudes` (a number those cover is not read twice)."""
    others = [FoundQuantity(m.start, m.end, m.quantity) for m in find_magnitudes(text)]
    found: list[FoundQuantity] = list(others)
    for match in _PATTERN.finditer(text):
        if _skip(text, match):
            continue
        if any(other.start <= match.start("n1") < other.end for other in others):
            continue
        found.extend(_build(text, match))
    return sorted(found, key=lambda item: item.start)

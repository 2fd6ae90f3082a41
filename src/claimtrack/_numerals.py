"""Numbers in digits as texts write them: the one reading both ``extract`` and the flags use.

Thousands are grouped, one separator throughout a number, by

- commas ("4,500,000"), before an optional decimal point;
- non-breaking, narrow non-breaking or thin spaces ("4\u00a0500"), apostrophes as Swiss
  style writes them ("1'000'000", "1\u2019000") or the Arabic thousands separator U+066C,
  before an optional decimal point, decimal comma or Arabic decimal separator U+066B;
- plain spaces ("4 500 000"), only after a lead group of one to three digits not starting
  with 0, so a year or a longer number beside another stays apart ("in 2024 500 people" is
  2024 and 500), with the same decimals as the other spaces;
- full stops, European style, when it cannot be a decimal point: two groups or more
  ("1.200.000"), or one before a decimal comma ("1.200,5"); a decimal comma may follow.

Every group after the lead is exactly three digits. Without groups, a full stop or U+066B is
a decimal point ("1.5") and a comma before one or two digits a decimal comma ("1,5"); a
comma before three digits groups thousands, as English writes it ("1,200" is 1200).

One full stop before exactly three digits after a lead of one to three digits not starting
with 0 ("1.200") is 1.2 in English and 1200 in German: :func:`digits_readings` gives both
and :func:`digits_value` neither, so a reader that must pick one value picks none.

Digits may be any script's decimal digits (Arabic-Indic "\u0661\u0662\u0663", Extended
Arabic-Indic "\u06f4\u06f5"), read by their Unicode decimal value; a vulgar fraction may
end a number or stand alone ("2\u00bd" is 2.5, "\u00be" is 0.75). A number is read whole
or not at all: digits followed by a comma or point and another digit ("1,000,5", "1.5.3",
"12.03.2024") are no number, nor is any part of them; nor is an ordinal ("1st", "23rd",
"the 21st century", "1,000th"), which ranks and does not count.

A sign is not part of :data:`DIGITS_PATTERN`: readers put :data:`MINUS` before it at the
start of a word ("\u22123.5%", "-12", "\u2212$5bn"), never after a letter or digit ("10-12"
is a range, "B-52" and "COVID-19" are names). A letter after the digits ("5m", "2k",
"$4.5b") scales the number only where :func:`letter_scale` says so.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "DIGITS_PATTERN",
    "FRACTIONS",
    "MINUS",
    "NAME_HYPHEN",
    "digits_readings",
    "digits_value",
    "is_counted",
    "letter_scale",
]

FRACTIONS = "\u00bc\u00bd\u00be" + "".join(map(chr, range(0x2150, 0x215F)))
"""The vulgar fractions a number may end with or be: "\u00bd", "\u00bc", "\u2153" …"""

MINUS = "[-\u2212]"
"""A minus sign (U+2212) or hyphen-minus, which makes the number after it negative when it
starts a word; the pattern has no capturing group."""

NAME_HYPHEN = r"(?<![^\W\d_][-\u2212])"
"""A look-behind refusing digits just after a letter and a hyphen, as in "B-52" and
"COVID-19": those digits are part of a name, not a figure."""

_DECIMAL_MARKS = ".,\u066b"
_SPACES = "\u00a0\u202f\u2009'\u2019\u066c"  # separators that may precede any decimal mark
_STOPS = rf",{_SPACES}\x20"  # what may follow plain digits and start a group
_ANY_DECIMALS = rf"(?:[{_DECIMAL_MARKS}]\d+)?"
_POINT_DECIMALS = r"(?:[.\u066b]\d+)?"
_GROUPED = "|".join(
    (
        rf"\d{{1,3}}(?:,\d{{3}})+{_POINT_DECIMALS}",
        *(rf"\d{{1,3}}(?:{space}\d{{3}})+{_ANY_DECIMALS}" for space in _SPACES),
        rf"(?!0)\d{{1,3}}(?:\x20\d{{3}})+(?!\x20\d){_ANY_DECIMALS}",
        r"\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|\.\d{3},\d+)",
    )
)
# Digits with no separator and digit after them come first, as most numbers are written (a
# number that has none of its alternatives' starts is refused sooner); then, in the order
# that reads them, groups, a decimal comma, plain digits again (for those a space and a
# digit follow that group nothing, as in "2\u00a000") and a fraction. Whatever is read is
# not followed by another digit, a fraction or an ordinal's ending.
DIGITS_PATTERN = (
    rf"(?:\d+(?![{_STOPS}]\d){_POINT_DECIMALS}|{_GROUPED}|\d+,\d{{1,2}}|\d+{_POINT_DECIMALS}"
    rf"|\d*[{FRACTIONS}])(?![.,]?\d|[{FRACTIONS}])(?!(?i:st|nd|rd|th)\b)"
)
"""A number in digits, as the module's description reads them, with no capturing group."""

_AMBIGUOUS = re.compile(r"(?!0)\d{1,3}\.\d{3}")
_MARK = re.compile(r"[^\d]")


def digits_readings(digits: str) -> tuple[float, ...]:
    """The values ``digits``, a text :data:`DIGITS_PATTERN` matches, may have: one, or for
    one full stop before three digits ("1.200") the decimal reading and then the thousands
    one, (1.2, 1200.0)."""
    if digits.isdigit():  # most numbers: digits alone
        return (float(digits),)
    if digits[-1] in FRACTIONS:
        whole = digits[:-1]
        return ((float(whole) if whole else 0.0) + unicodedata.numeric(digits[-1]),)
    marks = _MARK.findall(digits)
    if _AMBIGUOUS.fullmatch(digits):
        return float(digits), float(digits.replace(".", ""))
    last = marks[-1]
    head, _mark, tail = digits.rpartition(last)
    decimal = last in _DECIMAL_MARKS and (
        last != marks[0] or (len(marks) == 1 and (last != "," or len(tail) < 3))
    )
    if not decimal:
        head, tail = digits, ""
    whole = _MARK.sub("", head)
    return (float(f"{whole}.{tail}" if tail else whole),)


def digits_value(digits: str) -> float | None:
    """The value of ``digits``, a text :data:`DIGITS_PATTERN` matches ("4,500" and
    "4\u00a0500" are 4500, "1,5" is 1.5), or ``None`` when it has two readings ("1.200")."""
    readings = digits_readings(digits)
    return readings[0] if len(readings) == 1 else None


LETTER_SCALES = {"k": 1e3, "m": 1e6, "b": 1e9}
"""The scale a letter written onto digits may stand for: "2k", "5m", "$4.5b"."""

_PLURAL_IRREGULAR = frozenset(
    (
        "people",
        "children",
        "men",
        "women",
        "police",
        "staff",
        "cattle",
        "personnel",
        "troops",
        "feet",
        "teeth",
        "mice",
    )
)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def is_counted(word: str) -> bool:
    """Whether ``word`` (lower case) names things counted: a plural noun ("homes",
    "people")."""
    return word in _PLURAL_IRREGULAR or (
        len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
    )


def letter_scale(letter: str, *, money: bool, after: str) -> float:
    """The scale ``letter`` (k, m or b written onto digits) gives the number: its
    :data:`LETTER_SCALES` value with money (a currency sign, code or word with the number,
    ``money``) or a count (a plural noun as the next word of ``after``, the text after the
    letter: "5m people"), else 1, since alone it may be a unit ("a 5m wall" is five metres)."""
    if not money:
        following = _NEXT_WORD.match(after)
        if following is None or not is_counted(following.group(1).lower()):
            return 1.0
    return LETTER_SCALES[letter.lower()]

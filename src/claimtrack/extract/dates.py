"""Dates and periods in running text, as partial ISO dates.

Recognised: full dates ("April 1, 2024", "1 April 2024", "2024-04-01"), months ("December
2023"), years ("in 2016"), decades ("the 1990s"), year ranges ("2011–2014", "between 2011
and 2014"), open periods ("since 2011"), qualified dates ("late November", "early 2024",
"mid-2023", "the summer of 2022"), and periods counted back from the document's own time
("the past five years", "last year"). A date without a year ("October 1", "late
November") takes the year of the reference date; when the reference is a full date, a day or
month after it is taken to be in the year before.
"""

from __future__ import annotations

import calendar
import datetime
import re

import attrs

from claimtrack.extract.numbers import NUMBER_WORD_PATTERN, parse_number
from claimtrack.model import When

__all__ = [
    "DAY_ABBREVIATIONS",
    "DAY_NAMES",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "FoundDate",
    "Reference",
    "estimate_reference",
    "find_dates",
]

# English names, spelled out: the calendar module's follow the process's locale.
MONTH_NAMES = tuple(
    """January February March April May June July August September October November
    December""".split()
)
DAY_NAMES = tuple("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
#: The abbreviations news style writes ("Dec. 8", "Sept 30", "Tues."), less those spelled
#: like the whole name ("May").
MONTH_ABBREVIATIONS = tuple("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())
DAY_ABBREVIATIONS = tuple("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split())

_MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS.update(
    {
        short.lower(): _MONTHS[full.lower()]
        for short in MONTH_ABBREVIATIONS
        for full in MONTH_NAMES
        if full.startswith(short[:3])
    }
)
_MONTH = (
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_YEAR = r"(?:1[89]\d\d|20\d\d|21\d\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_QUAL = (
    r"(?:early|mid|late|the\s+(?:beginning|start|middle|end|first\s+half|second\s+half)\s+of"
    r"|end\s+of|beginning\s+of|start\s+of)"
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_INTRO = (
    r"(?:in|on|since|until|till|through|by|during|from|of|before|after|last|this|next|early|mid"
    r"|late|end\s+of)"
)
_COUNT = rf"(?:\d+|{NUMBER_WORD_PATTERN}|a\s+few|several)"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("iso", rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b"),
        ("mdy", rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY}),?\s+(?P<y>{_YEAR})\b"),
        ("dmy", rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH}),?\s+(?P<y>{_YEAR})\b"),
        (
            "year_range",
            rf"\b(?:(?P<intro>between|from)\s+)?(?P<y>{_YEAR})\s*(?:–|—|-|to|and)\s*(?P<y2>{_YEAR}|\d\d)\b",
        ),
        ("my", rf"\b(?:(?P<qual>{_QUAL})[\s-]+)?(?P<mon>{_MONTH})(?:,|\s+of)?\s+(?P<y>{_YEAR})\b"),
        (
            "season",
            rf"\b(?:(?P<qual>{_QUAL})[\s-]+)?(?:the\s+)?(?P<season>{_SEASON})\s+(?:of\s+)?(?P<y>{_YEAR})\b",
        ),
        ("md", rf"\b(?P<mon>{_MONTH})\s+(?P<d>{_DAY})\b(?!\s*,?\s*\d)"),
        ("dm", rf"\b(?P<d>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})\b(?!\s*,?\s*\d)"),
        (
            "m",
            rf"\b(?P<lead>{_INTRO}\s+)(?:(?P<qual>{_QUAL})[\s-]+)?(?P<mon>{_MONTH})\b(?!\s*,?\s*\d)",
        ),
        ("m_qual", rf"\b(?P<qual>{_QUAL})[\s-]+(?P<mon>{_MONTH})\b(?!\s*,?\s*\d)"),
        ("decade", r"\b(?:the\s+)?(?:(?P<qual>early|mid|late)[\s-]+)?(?P<y>1[89]\d0|20\d0)s\b"),
        (
            "year",
            rf"\b(?:(?P<open>since|until|till|through)\s+)?(?:(?P<qual>{_QUAL})[\s-]+)?(?P<y>{_YEAR})\b(?![,.]?\d|\s*%)",
        ),
        ("last_year", r"(?<!the )\b(?P<which>last|this|next)\s+year\b"),
        (
            "weekday",
            rf"\b(?:(?P<which>on|last|next|this|coming|since|by|until)\s+)?"
            rf"(?P<wday>(?-i:{'|'.join(DAY_NAMES)}))\b(?!,?\s+(?:\d|{_MONTH}))",
        ),
        (
            "past",
            rf"\b(?:the\s+)?(?:past|last|previous)\s+(?P<n>{_COUNT}\s+)?(?P<unit>years?|decades?|months?)\b",
        ),
    )
)
_SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


@attrs.frozen
class Reference:
    """The document's own time: the year of writing, and the full date when known."""

    year: int
    date: datetime.date | None = None


@attrs.frozen
class FoundDate:
    """A date or period and where its words stand in the text searched."""

    start: int
    end: int
    when: When


def estimate_reference(
    text: str, published: datetime.date | None, today: datetime.date
) -> Reference | None:
    """The publication date when given; otherwise the latest year the text names that is
    not after ``today`` (news writes about the recent past), or ``None``."""
    if published is not None:
        return Reference(published.year, published)
    years = [int(y) for y in re.findall(rf"(?<![\d,.$€£])({_YEAR})(?!\d|,\d|\s*%)", text)]
    years = [year for year in years if year <= today.year]
    return Reference(max(years)) if years else None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _year(year: int) -> str:
    return f"{year:04d}"


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return _year(year)
    if day is None:
        return f"{year:04d}-{month:02d}"
    if day > calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _infer_year(month: int, day: int | None, reference: Reference | None) -> int | None:
    if reference is None:
        return None
    if reference.date is None:
        return reference.year
    after = (month, day or 1) > (reference.date.month, reference.date.day)
    return reference.year - 1 if after else reference.year


def _build(name: str, match: re.Match[str], reference: Reference | None) -> When | None:
    groups = {key: value for key, value in match.groupdict().items() if value is not None}
    qual = groups.get("qual")
    approximate = qual is not None
    if name == "iso":
        date = _iso(int(groups["y"]), int(groups["m"]), int(groups["d"]))
        return None if date is None else When(date=date)
    if name in ("mdy", "dmy"):
        date = _iso(int(groups["y"]), _month(groups["mon"]), _day(groups["d"]))
        return None if date is None else When(date=date)
    if name in ("md", "dm"):
        month, day = _month(groups["mon"]), _day(groups["d"])
        year = _infer_year(month, day, reference)
        date = None if year is None else _iso(year, month, day)
        return None if date is None else When(date=date)
    if name in ("m", "m_qual"):
        month = _month(groups["mon"])
        year = _infer_year(month, None, reference)
        return None if year is None else When(date=_iso(year, month), approximate=approximate)
    if name == "my":
        return When(date=_iso(int(groups["y"]), _month(groups["mon"])), approximate=approximate)
    if name == "season":
        return When(date=_iso(int(groups["y"])), approximate=True)
    if name == "year_range":
        first = int(groups["y"])
        second = groups["y2"]
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        if last <= first:
            return None
        return When(start=_iso(first), end=_iso(last))
    if name == "decade":
        first = int(groups["y"])
        return When(start=_iso(first), end=_iso(first + 9), approximate=approximate)
    if name == "year":
        stated = _year(int(groups["y"]))
        opening = (groups.get("open") or "").lower()
        if opening == "since":
            return When(start=stated, approximate=approximate)
        if opening:
            return When(end=stated, approximate=approximate)
        return When(date=stated, approximate=approximate)
    return _relative(name, groups, reference, match)


# Words that put a weekday ahead of the writing ("will meet on Monday"): such a day is left
# unresolved rather than guessed.
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|expected|scheduled|set)|plans?\s+to|next|coming)\b",
    re.IGNORECASE,
)


def _weekday(match: re.Match[str], groups: dict[str, str], date: datetime.date) -> When | None:
    """The weekday a past statement names ("said on Thursday"): the latest such day on or
    before the writing ("last Thursday": before it); none for a future one, nor for a bound
    ("since Monday", "by Friday")."""
    which = (groups.get("which") or "").lower()
    if which in ("next", "coming", "this", "since", "by", "until") or _FUTURE.search(match.string):
        return None
    back = (date.weekday() - DAY_NAMES.index(groups["wday"])) % 7
    if which == "last" and back == 0:
        back = 7
    return When(date=(date - datetime.timedelta(days=back)).isoformat())


def _relative(
    name: str, groups: dict[str, str], reference: Reference | None, match: re.Match[str]
) -> When | None:
    if reference is None:
        return None
    if name == "weekday":
        return None if reference.date is None else _weekday(match, groups, reference.date)
    if name == "last_year":
        offset = {"last": -1, "this": 0, "next": 1}[groups["which"].lower()]
        return When(date=_iso(reference.year + offset))
    unit = groups["unit"].lower()
    counted = (groups.get("n") or "").strip().lower()
    if counted in ("a few", "several"):
        return None
    count = parse_number(counted) if counted else 1.0
    if count is None or count < 1:
        return None
    if unit.startswith("month"):
        return None if reference.date is None else _months_back(reference.date, int(count))
    years = int(count) * (10 if unit.startswith("decade") else 1)
    return When(start=_iso(reference.year - years), end=_iso(reference.year), approximate=True)


def _months_back(date: datetime.date, months: int) -> When:
    index = date.year * 12 + date.month - 1 - months
    return When(
        start=_iso(index // 12, index % 12 + 1), end=_iso(date.year, date.month), approximate=True
    )


def find_dates(text: str, reference: Reference | None = None) -> list[FoundDate]:
    """Every date or period stated in ``text``, in order of position, without overlaps
    (the longest, most precise reading of a stretch of text wins)."""
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for name, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if match.groupdict().get("lead"):
                start = match.end("lead")
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            when = _build(name, match, reference)
            if when is None:
                continue
            taken.append((start, end))
            found.append(FoundDate(start, end, attrs.evolve(when, text=text[start:end].strip())))
    return sorted(found, key=lambda item: item.start)

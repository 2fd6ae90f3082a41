"""The parts of a page that are not claims, told by their shape: bylines, datelines, photo
credits and captions, "Read more" lines, and headings.

No list of outlets or agencies is used: a byline is a short line that starts with "By" and
holds only capitalised names; a dateline is a run of capitals (a place) with an optional date
and a bracketed source, before a dash, opening the first sentence of a paragraph; a credit is
a "Picture:", "Photo:", "Credit:" or "©" note, or a line of the form "AGENCY/Name"; a
"Read more" line is a pointer to another page; a heading is a short line of its own with no
final punctuation; a date line is a date alone, perhaps with "Published" or "Updated", its
weekday and a time of day.
"""

from __future__ import annotations

import re

from claimtrack.extract.dates import DAY_ABBREVIATIONS, DAY_NAMES, find_dates

__all__ = ["dateline_end", "is_furniture"]

_NAME = r"(?:[A-Z][\w'’.-]*|(?:de|da|van|von|al|el|bin|der|la|le)[-\s][A-Z][\w'’.-]*)"
_NAMES = rf"{_NAME}(?:\s+{_NAME}){{0,3}}"
_BYLINE = re.compile(
    rf"^(?:By|BY|Words by|Written by|Reporting by|Report by)\s+{_NAMES}"
    rf"(?:\s*(?:,|and|&)\s*{_NAMES})*(?:\s*[,|•·–—-]\s*[A-Z][\w .,'’&-]{{0,60}})?$"
)
_CREDITS = re.compile(
    r"(?:^|[(\[]|\s)(?:Picture|Pictures|Photo|Photos|Photograph|Photographs|Photography|Image"
    r"|Images|Credit|Credits|Illustration|Video|Source)s?\s*:\s*[^)\]]{1,80}[)\]]?\s*$"
    r"|©\s*\S|\b[A-Z]{2,}/[A-Z][a-z]+(?:\s+[A-Z][\w-]*)*(?:/File Photo)?\s*$"
    r"|(?:^|\s)(?:Reporting|Writing|Editing|Additional reporting)\s+by\s+[A-Z]",
)
_READ_MORE = re.compile(
    r"^(?:Read more|READ MORE|Read next|READ NEXT|Related|RELATED|See also|Watch|WATCH|Listen"
    r"|LISTEN|More on this story|Most read|Advertisement|ADVERTISEMENT|Sign up|Subscribe)\b"
    r"|(?:…|\.\.\.)\s*Read more\s*$"
)
_TERMINAL = re.compile(r"[.!?:;”\"’')]\s*$")
_HEADING_WORDS = 20
# A line ending on one of these words is a wrapped line of prose, not a heading.
_OPEN_ENDINGS = frozenset(
    """a an the of in on at to for from by with and or but as that which who whose than
    said says is are was were be has have had""".split()
)
_DATE_LINE_PREFIX = re.compile(
    r"^(?:(?:first\s+|last\s+)?(?:published|updated|modified|posted)(?:\s+on)?|date)\s*:?\s*",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r",?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*\(?[A-Z]{2,5}\)?)?\s*$"
    r"|,?\s*\d{1,2}\s*[ap]\.?\s?m\.?(?:\s*\(?[A-Z]{2,5}\)?)?\s*$",
    re.IGNORECASE,
)
_DATE_LINE_REST = re.compile(
    rf"[\s,.|·•–—-]*(?:(?:{'|'.join(DAY_NAMES)}|{'|'.join(DAY_ABBREVIATIONS)})\.?[\s,]*)?[\s,.|·•–—-]*"
)
_DATE_LINE_LENGTH = 80
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+)*)"
    r"(?:,\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)?"  # ", Philippines" / ", Nov 10"
    r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"  # ", Nov 10"
    r"\s*(?:\([^()\n]{1,40}\))?"  # "(Reuters)"
    r"\s*[-–—]+\s+(?=\S)"
)


def _is_date_line(line: str) -> bool:
    """True when a line only dates the page: "12 September 2024", "Updated: Thursday 12
    September 2024 10:32 BST"."""
    if len(line) > _DATE_LINE_LENGTH:  # prose: not worth reading for dates
        return False
    rest = _CLOCK.sub("", _DATE_LINE_PREFIX.sub("", line, count=1))
    found = find_dates(rest)
    if not found:
        return False
    for date in reversed(found):
        rest = rest[: date.start] + rest[date.end :]
    return _DATE_LINE_REST.fullmatch(rest) is not None


def is_furniture(paragraph: str) -> bool:
    """True when a paragraph is page furniture, not prose that claims something."""
    line = " ".join(paragraph.split())
    if not line:
        return True
    if _is_date_line(line):
        return True
    if _BYLINE.match(line) or _READ_MORE.search(line) or _CREDITS.search(line):
        return True
    words = line.split()
    return (
        len(words) <= _HEADING_WORDS
        and line[0].isupper()
        and _TERMINAL.search(line) is None
        and words[-1].lower() not in _OPEN_ENDINGS
    )


def dateline_end(sentence: str) -> int:
    """Where the prose of a paragraph's first sentence starts after a dateline ("JAKARTA
    (Reuters) – ", "TACLOBAN, Philippines, Nov 10 (Reuters) - "), or 0 when there is none."""
    match = _DATELINE.match(sentence)
    if match is None or len(match.group("place").replace(" ", "")) < 2:
        return 0
    return match.end()

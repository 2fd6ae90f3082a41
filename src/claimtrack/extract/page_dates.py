"""When a page says it was published: the date that dates a draft and its weekdays.

HTML states it in the ways publishing systems write it: a ``<meta>`` tag
(``article:published_time``, ``date``, ``dc.date.issued``, ``citation_publication_date`` and
their kin), ``datePublished`` in schema.org JSON-LD or microdata, or a ``<time datetime>``
element standing before the first paragraph (the page's dateline, not a date its prose
names). Markdown states it in its front matter (``date:``, ``published:``). Only a full
calendar date counts; anything else is no date.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import re
from html.parser import HTMLParser
from typing import Any

__all__ = ["html_published", "markdown_published"]

_META_KEYS = frozenset(
    """article:published_time og:published_time date pubdate publishdate publish-date
    publish_date dc.date dc.date.issued dcterms.issued dcterms.date citation_publication_date
    citation_date parsely-pub-date sailthru.date datepublished""".split()
)
_ISO_DATE = re.compile(r"\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_FRONT_MATTER_DATE = re.compile(
    r"^(?:date|published|pubdate|publishdate|published_at|date_published|publish_date)\s*:"
    r"\s*[\"']?(.+?)[\"']?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_JSON_LD_LIMIT = 1 << 20


def _date(value: object) -> datetime.date | None:
    """The calendar date a value opens with ("2024-09-12T08:00:00Z", "2024/09/12")."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value)
    if match is None:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def _json_ld_date(data: Any, depth: int = 0) -> datetime.date | None:
    if depth > 20:
        return None
    if isinstance(data, list):
        for item in data:
            found = _json_ld_date(item, depth + 1)
            if found is not None:
                return found
    elif isinstance(data, dict):
        found = _date(data.get("datePublished"))
        if found is not None:
            return found
        return _json_ld_date(data.get("@graph"), depth + 1)
    return None


class _DateFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stated: datetime.date | None = None  # by meta tags, JSON-LD or microdata
        self.dateline: datetime.date | None = None  # by a <time> before the prose
        self.in_prose = False
        self.json_ld: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {key: value or "" for key, value in attrs}
        if tag == "p":
            self.in_prose = True
        elif tag == "script" and named.get("type", "").lower() == "application/ld+json":
            self.json_ld = []
        key = (named.get("property") or named.get("name") or named.get("itemprop") or "").lower()
        if self.stated is None and key in _META_KEYS:
            self.stated = _date(named.get("content") or named.get("datetime"))
        if tag == "time" and self.dateline is None and not self.in_prose:
            self.dateline = _date(named.get("datetime"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.json_ld is not None:
            text, self.json_ld = "".join(self.json_ld), None
            if self.stated is None and len(text) <= _JSON_LD_LIMIT:
                with contextlib.suppress(ValueError, RecursionError):
                    self.stated = _json_ld_date(json.loads(text))

    def handle_data(self, data: str) -> None:
        if self.json_ld is not None:
            self.json_ld.append(data)


def html_published(raw: str) -> datetime.date | None:
    """The publication date an HTML page states, or ``None``."""
    finder = _DateFinder()
    finder.feed(raw)
    finder.close()
    return finder.stated or finder.dateline


def markdown_published(text: str) -> datetime.date | None:
    """The publication date a Markdown file's front matter states, or ``None``."""
    front = _FRONT_MATTER.match(text)
    if front is None:
        return None
    found = _FRONT_MATTER_DATE.search(front.group(1))
    return _date(found.group(1)) if found else None

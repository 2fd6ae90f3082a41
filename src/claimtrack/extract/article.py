"""The article as the extractor sees it: the snapshot text and a same-length reading view.

Plain text is read as it is, but for the markers that open its lines without being words of
the line, list bullets and numbers ("- ", "• ", "2) "), blanked with spaces in its view.
Markdown keeps its own text as the snapshot (so anchors quote it exactly) and gets a view in
which markup (heading and list markers, emphasis, link targets, code, front matter) is blanked
out with spaces, so every offset in the view is an offset in the snapshot. HTML has its text
extracted first, and that text becomes the snapshot. In every format the labels of an
interview's or a transcript's turns are blanked too, and the turns that name their speaker
are kept (:mod:`claimtrack.extract.transcripts`).
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum
from html.parser import HTMLParser

import attrs

from claimtrack.anchor import normalize
from claimtrack.extract.page_dates import html_published, markdown_published
from claimtrack.extract.transcripts import SpeakerTurn, blank_labels

__all__ = ["ArticleFormat", "ArticleText", "detect_article_format", "parse_article"]


class ArticleFormat(StrEnum):
    """The kinds of input the extractor reads."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"


@attrs.frozen
class ArticleText:
    """The snapshot text (normalised), the reading view, and a title if the input has one."""

    text: str
    view: str
    format: ArticleFormat
    title: str | None = None
    #: The labelled turns of a transcript that name their speaker, as spans of the view.
    turns: tuple[SpeakerTurn, ...] = ()
    #: The publication date the page states (HTML metadata, Markdown front matter), if any.
    published: datetime.date | None = None

    def __attrs_post_init__(self) -> None:
        if len(self.view) != len(self.text):
            raise ValueError("the view must have the length of the text")


def detect_article_format(name: str, text: str) -> ArticleFormat:
    """The format a file name's suffix says, or HTML if the text starts like HTML."""
    lowered = name.lower()
    if lowered.endswith((".md", ".markdown", ".mdown")):
        return ArticleFormat.MARKDOWN
    if lowered.endswith((".html", ".htm", ".xhtml")):
        return ArticleFormat.HTML
    if re.match(r"\s*(?:<!doctype\s+html|<html)", text, re.IGNORECASE):
        return ArticleFormat.HTML
    return ArticleFormat.TEXT


def parse_article(raw: str, format: ArticleFormat) -> ArticleText:
    """The article text and view for ``raw`` input of the given format."""
    published = None
    if format is ArticleFormat.HTML:
        text, title = _html_text(raw)
        view, published = text, html_published(raw)
    else:
        text = normalize(raw.removeprefix("\ufeff"))
        if format is ArticleFormat.MARKDOWN:
            view, title = _markdown_view(text)
            published = markdown_published(text)
        else:
            view, title = _plain_view(text), _plain_title(text)
    view, turns = blank_labels(view)
    return ArticleText(text, view, format, title, turns, published)


def _plain_title(text: str) -> str | None:
    """The first line, when it reads as a headline: short and without final punctuation."""
    first = text.strip().split("\n", 1)[0].strip()
    if first and len(first.split()) <= 15 and not re.search(r"[.!?:;,”\"]$", first):
        return first
    return None


# --------------------------------------------------------------------------- plain text

# A bullet, or a number or letter with its full stop or bracket, before the item's words.
_PLAIN_LIST_MARKER = re.compile(
    r"^[ \t]*(?:[-*+•·‣▪◦–—]|\(?(?:\d{1,3}|[a-z])\))(?=[ \t]+\S)"
    r"|^[ \t]*\d{1,3}\.(?=[ \t]+[^\W\d_])",
    re.MULTILINE,
)


def _plain_view(text: str) -> str:
    return _PLAIN_LIST_MARKER.sub(_blank, text)


# --------------------------------------------------------------------------- Markdown


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


_BLOCK_RULES = (
    re.compile(r"\A---\n.*?\n---\n", re.DOTALL),  # front matter
    re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.DOTALL | re.MULTILINE),  # fenced code
    re.compile(r"^ {0,3}#{1,6}[ \t].*$", re.MULTILINE),  # headings: not prose
    re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.MULTILINE),  # link definitions
    re.compile(r"^ {0,3}(?:[-*_][ \t]*){3,}$", re.MULTILINE),  # thematic breaks
    re.compile(r"<!--.*?-->", re.DOTALL),  # comments
)
_INLINE_RULES = (
    re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)"),  # images
    re.compile(r"^ {0,3}(?:>[ \t]?)+", re.MULTILINE),  # block quote markers
    re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+", re.MULTILINE),  # list markers
    re.compile(r"(?<![\w\\])\[(?=[^\]\n]*\])"),  # opening link brackets
    re.compile(r"\]\([^)\n]*\)|\]\[[^\]\n]*\]"),  # link targets
    re.compile(r"</?[A-Za-z][^>\n]*>"),  # inline HTML tags
    re.compile(r"`+"),  # code spans
    re.compile(r"(?<![\w*])\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?![\w*])"),  # * emphasis
    re.compile(r"(?<![\w_])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w_])"),  # _ emphasis
)


def _markdown_view(text: str) -> tuple[str, str | None]:
    title = None
    heading = re.search(r"^ {0,3}#[ \t]+(.+?)[ \t#]*$", text, re.MULTILINE)
    if heading:
        title = heading.group(1).strip()
    view = text
    for rule in (*_BLOCK_RULES, *_INLINE_RULES):
        view = rule.sub(_blank, view)
    return view, title


# --------------------------------------------------------------------------- HTML

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "nav", "aside", "footer", "form", "svg"}
)
_BLOCKS = frozenset(
    """address article blockquote br dd div dl dt figcaption figure h1 h2 h3 h4 h5 h6 header
    hr li main ol p pre section table td th tr ul""".split()
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.skipping = 0
        self.in_title = False
        self.title: list[str] = []
        self.heading: list[str] = []
        self.in_h1 = False

    def _close_block(self) -> None:
        block = " ".join("".join(self.current).split())
        if block:
            self.blocks.append(block)
        self.current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCKS:
            self._close_block()
            self.in_h1 = tag == "h1" and not self.heading

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self._close_block()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            self._close_block()
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.current.append(data)
            if self.in_h1:
                self.heading.append(data)


def _html_text(raw: str) -> tuple[str, str | None]:
    collector = _TextCollector()
    collector.feed(raw)
    collector.close()
    collector._close_block()
    text = normalize("\n\n".join(collector.blocks) + "\n")
    title = " ".join("".join(collector.heading or collector.title).split()) or None
    return text, title

"""Statements of a text: paragraphs, then sentences (pysbd), then clauses of long sentences.

pysbd is a rule-based sentence splitter (the Golden Rules of sentence boundaries: "U.S.",
"Dr.", decimals, quotations) that needs no model or data download. Spans are offsets into the
text given, so they are offsets into the snapshot too.
"""

from __future__ import annotations

import functools
import itertools
import re
from typing import Any

import attrs

from claimtrack.extract.boundaries import is_plain, pieces, plain_ends

__all__ = ["TextSpan", "split_clauses", "split_paragraphs", "split_sentences", "statements"]

_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")
_SHORT_LINE = 50
_LONG_SENTENCE_WORDS = 25
_MIN_CLAUSE_WORDS = 8
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:though|although|but|while|whereas|yet)\s)", re.IGNORECASE
)


@attrs.frozen
class TextSpan:
    """``text[start:end]``."""

    start: int
    end: int

    def of(self, text: str) -> str:
        """The text this span selects."""
        return text[self.start : self.end]


def _trimmed(text: str, start: int, end: int) -> TextSpan | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(start, end) if end > start else None


def split_paragraphs(text: str) -> list[TextSpan]:
    """Paragraphs: blocks between blank lines; inside a block a line ends a paragraph when it
    ends a sentence or is short (a heading), and is otherwise a soft wrap."""
    spans: list[TextSpan] = []
    start = 0
    position = 0
    for line in text.splitlines(keepends=True):
        end_of_line = position + len(line)
        content = line.strip()
        if not content:
            span = _trimmed(text, start, position)
            if span:
                spans.append(span)
            start = end_of_line
        elif _TERMINAL.search(content) or len(content) < _SHORT_LINE:
            span = _trimmed(text, start, end_of_line)
            if span:
                spans.append(span)
            start = end_of_line
        position = end_of_line
    span = _trimmed(text, start, len(text))
    if span:
        spans.append(span)
    return spans


@functools.cache
def _segmenter() -> Any:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def _segmented(chunk: str) -> list[str]:
    """The sentences of ``chunk``: cut at sure ends when it is plain, else by pysbd, piece by
    piece (see :mod:`claimtrack.extract.boundaries`)."""
    if is_plain(chunk):
        cuts = [0, *plain_ends(chunk), len(chunk)]
        return [chunk[start:end] for start, end in itertools.pairwise(cuts)]
    # pysbd's processor gives the sentences; its segment() would then look each one up in
    # the text with a regular expression of its own, from the start, which costs time that
    # grows with the square of a paragraph's sentences: split_sentences finds them instead.
    return [
        sentence
        for start, end in pieces(chunk)
        if chunk[start:end]
        for sentence in _segmenter().processor(chunk[start:end]).process()
    ]


def split_sentences(text: str, paragraph: TextSpan) -> list[TextSpan]:
    """The sentences of one paragraph of ``text``."""
    chunk = paragraph.of(text).replace("\n", " ")
    spans: list[TextSpan] = []
    cursor = 0
    for piece in _segmented(chunk):
        stripped = piece.strip()
        if not stripped:
            continue
        found = chunk.find(stripped, cursor)
        if found == -1:
            continue
        cursor = found + len(stripped)
        span = _trimmed(text, paragraph.start + found, paragraph.start + cursor)
        if span:
            spans.append(span)
    return spans


def _quoted(text: str, position: int) -> bool:
    """True when ``position`` of a sentence lies inside a quotation."""
    before = text[:position]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def split_clauses(text: str, sentence: TextSpan) -> list[TextSpan]:
    """A long sentence's clauses, split at semicolons and at contrasting conjunctions
    ("…, though …", "…, while …") outside quotations, when each part is long enough to state
    something; a short sentence stays whole."""
    words = sentence.of(text).split()
    if len(words) <= _LONG_SENTENCE_WORDS:
        return [sentence]
    body = sentence.of(text)
    cuts = [match for match in _CLAUSE_BREAK.finditer(body) if not _quoted(body, match.start())]
    spans: list[TextSpan] = []
    start = 0
    for match in cuts:
        head = body[start : match.start()]
        tail = body[match.end() :]
        if len(head.split()) >= _MIN_CLAUSE_WORDS and len(tail.split()) >= _MIN_CLAUSE_WORDS:
            spans.append(TextSpan(sentence.start + start, sentence.start + match.start()))
            start = match.end()
    spans.append(TextSpan(sentence.start + start, sentence.end))
    return [span for span in (_trimmed(text, s.start, s.end) for s in spans) if span]


def statements(text: str) -> list[TextSpan]:
    """Every statement of ``text``: the clauses of its sentences, paragraph by paragraph."""
    return [
        clause
        for paragraph in split_paragraphs(text)
        for sentence in split_sentences(text, paragraph)
        for clause in split_clauses(text, sentence)
    ]

"""The statements of an article that are prose: page furniture left out, datelines cut off."""

from __future__ import annotations

from claimtrack.extract.furniture import dateline_end, is_furniture
from claimtrack.extract.sentences import TextSpan, split_clauses, split_paragraphs, split_sentences

__all__ = ["prose_statements"]


def prose_statements(text: str) -> list[TextSpan]:
    """Every statement of ``text`` (the clauses of its sentences), paragraph by paragraph,
    without bylines, credits, captions, "Read more" lines and headings, and with the dateline
    of a paragraph's first sentence ("JAKARTA (Reuters) – ") left out of its span."""
    spans: list[TextSpan] = []
    for paragraph in split_paragraphs(text):
        if is_furniture(paragraph.of(text)):
            continue
        for index, sentence in enumerate(split_sentences(text, paragraph)):
            if index == 0:
                cut = dateline_end(sentence.of(text))
                sentence = TextSpan(sentence.start + cut, sentence.end)
            spans.extend(split_clauses(text, sentence))
    return spans

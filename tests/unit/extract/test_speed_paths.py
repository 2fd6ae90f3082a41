"""The linear-time paths of the extractor give what the slow ones gave."""

from __future__ import annotations

import datetime
import itertools
import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.anchor import find_all
from claimtrack.extract import ArticleFormat, ExtractSettings, extract, parse_article
from claimtrack.extract.boundaries import _is_abbreviation, is_plain, pieces, plain_ends
from claimtrack.extract.occurrences import Occurrences
from claimtrack.extract.sentences import _segmenter, split_paragraphs, split_sentences, statements

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"


def _texts() -> list[str]:
    return [path.read_text("utf-8") for path in sorted(ARTICLES.glob("*.txt"))]


class TestProcessedSentences:
    def test_every_paragraph_splits_as_pysbd_s_segment_splits_it(self) -> None:
        """The sentences of pysbd's processor, found in the text by split_sentences, are the
        ones its slower segment() finds, on every paragraph of the test articles and on
        ones that are not plain (abbreviations, quotations, decimals)."""
        others = [
            'Dr. A. Ruiz said "It fell 3.5 per cent." The U.S. agency agreed. Mr. Lee left.',
            "It was 9 a.m. on Jan. 5. Prices rose 1.5%. (See p. 4.) Then what? Nothing!",
        ]
        for text in [*_texts(), *others]:
            for paragraph in split_paragraphs(text):
                chunk = paragraph.of(text).replace("\n", " ")
                ours = [span.of(text) for span in split_sentences(text, paragraph)]
                theirs = [
                    s.strip()
                    for start, end in pieces(chunk)
                    for s in _segmenter().segment(chunk[start:end])
                    if s.strip()
                ]
                if not is_plain(chunk):
                    assert [" ".join(s.split()) for s in ours] == theirs


class TestPlainSentences:
    def test_plain_paragraphs_split_as_pysbd_splits_them(self) -> None:
        """On every plain paragraph of the test articles the sure ends are pysbd's ends."""
        compared = 0
        for text in _texts():
            for paragraph in split_paragraphs(text):
                chunk = paragraph.of(text).replace("\n", " ")
                if not is_plain(chunk):
                    continue
                compared += 1
                cuts = [0, *plain_ends(chunk), len(chunk)]
                ours = [chunk[a:b].strip() for a, b in itertools.pairwise(cuts)]
                theirs = [s.strip() for s in _segmenter().segment(chunk) if s.strip()]
                assert [s for s in ours if s] == theirs
        assert compared >= 10

    @pytest.mark.parametrize(
        "text",
        ["Dr. Ruiz met them.", "It cost 3.5 million.", "J. Smith left. He won.", "Wait... no."],
    )
    def test_abbreviations_initials_and_decimals_are_not_plain(self, text: str) -> None:
        """A stop after an abbreviation or initial, inside a number, or an ellipsis is doubtful."""
        assert not is_plain(text)

    def test_a_long_run_of_brackets_is_read_in_linear_time(self) -> None:
        """Forty thousand opening brackets and no space are judged at once: the word before a
        stop was sought again from each bracket, which took most of a minute."""
        text = "(" * 40_000 + "The ministry said so. Then it left."
        started = time.perf_counter()
        assert is_plain(text)
        assert time.perf_counter() - started < 2

    @given(st.text(alphabet="( \"'“‘)”’.aDrJ!?\n", max_size=40))
    def test_stops_are_judged_as_one_pattern_over_the_whole_text_judged_them(
        self, text: str
    ) -> None:
        """Whatever the brackets, quotes and stops, the answer is the single pattern's."""
        doubtful = re.compile(r"\.\.|…|\.[^\s.\"'”’)\]]|[!?][\"'”’)]*\s+[a-z]")
        period_word = re.compile(r"(?:^|(?<=[\s(\"'“‘]))([^\s]*?)\.(?=[\s\"'”’)]|$)")
        expected = not doubtful.search(text) and not any(
            _is_abbreviation(match.group(1)) for match in period_word.finditer(text)
        )
        assert is_plain(text) == expected

    def test_no_sure_end_after_an_abbreviation(self) -> None:
        """ "Dr. Ruiz" is not cut after "Dr.", while "met. The" is."""
        text = "The board met. Then Dr. Ruiz spoke."
        assert plain_ends(text) == [len("The board met.")]

    def test_long_paragraph_is_cut_into_bounded_pieces(self) -> None:
        """A paragraph of 200 sentences is cut at sentence ends into pieces near the limit."""
        text = " ".join(f"Sentence number {n} ends here." for n in range(200))
        spans = pieces(text, limit=500)
        assert len(spans) > 5
        assert all(end - start <= 500 for start, end in spans)
        assert "".join(text[start:end] for start, end in spans) == text

    @pytest.mark.parametrize(
        "text",
        [
            "Mr. Ruiz met Dr. Lee and St. Clair in the U.S. on Jan. 5 " * 100,
            "word " * 1000,
            "x" * 3000,
        ],
    )
    def test_pieces_are_bounded_without_sure_ends(self, text: str) -> None:
        """A paragraph with no sure sentence end (abbreviations only, no stop, no space) is
        still cut into pieces no longer than the limit, so pysbd never gets it whole."""
        spans = pieces(text, limit=500)
        assert all(end - start <= 500 for start, end in spans)
        assert "".join(text[start:end] for start, end in spans) == text

    def test_statements_of_a_doubtful_paragraph_still_come_from_pysbd(self) -> None:
        """A paragraph with an abbreviation is split by pysbd, keeping "Dr. Ruiz" whole."""
        text = "The board met. Then Dr. Ruiz spoke to U.S. officials.\n"
        assert [span.of(text) for span in statements(text)] == [
            "The board met.",
            "Then Dr. Ruiz spoke to U.S. officials.",
        ]


class TestOccurrences:
    def test_agrees_with_searching_the_whole_text(self) -> None:
        """For every statement of the test articles, repeated twice, the index agrees with a
        search of the whole text."""
        text = "\n".join(_texts()) + "\n" + _texts()[0]
        spans = statements(text)
        index = Occurrences(text, (span.of(text) for span in spans))
        for span in spans:
            exact = span.of(text)
            assert index.occurs_elsewhere(exact, span.start) == (len(find_all(text, exact)) > 1)

    def test_every_draft_anchor_gets_context_exactly_when_repeated(self) -> None:
        """In a draft of the test articles with one repeated, an anchor has a prefix or suffix
        exactly when its words occur more than once (fact parts included)."""
        text = "\n\n".join([*_texts(), _texts()[0]])
        draft = extract(
            parse_article(text, ArticleFormat.TEXT),
            ExtractSettings(document_id="d", title="d", today=datetime.date(2026, 1, 1)),
        )
        assert len(draft.claims) > 50
        for claim in draft.claims:
            repeated = len(find_all(text, claim.anchor.exact)) > 1
            assert (claim.anchor.prefix is not None) == repeated, claim.anchor.exact

    def test_a_single_statement_is_unique(self) -> None:
        """A statement that stands once is not repeated, one that stands twice is."""
        text = "Officials said 40 people died. The storm passed. Officials said 40 people died."
        index = Occurrences(text, ["Officials said 40 people died.", "The storm passed."])
        assert index.occurs_elsewhere("Officials said 40 people died.", 0)
        assert not index.occurs_elsewhere("The storm passed.", text.index("The storm"))

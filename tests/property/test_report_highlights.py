"""Properties of the HTML article view: any set of anchors, overlapping or not, gives valid
HTML that keeps the text whole and highlights every claim."""

from __future__ import annotations

from pathlib import Path

import html5lib
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import Anchor, Claim, ClaimFile, ClaimKind, Document, Snapshot
from claimtrack.io.snapshot import SnapshotText
from claimtrack.render.report import build_report
from claimtrack.render.report.html import render_html
from claimtrack.results import FileResult

_ALPHABET = st.sampled_from(list("ab <>&\"'\n|=é"))


@st.composite
def _text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(st.text(_ALPHABET, min_size=1, max_size=60))
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).map(
                lambda pair: (min(pair), max(pair) if max(pair) > min(pair) else min(pair) + 1)
            ),
            max_size=6,
        )
    )
    return text, spans


def _result(text: str, spans: list[tuple[int, int]]) -> FileResult:
    claims = tuple(
        Claim(
            id=f"c{index}",
            text=f"Claim {index}",
            kind=ClaimKind.EVENT,
            anchor=Anchor(exact=text[start:end], start=start, end=end),
        )
        for index, (start, end) in enumerate(spans)
    )
    document = Document(id="d", title="D", snapshot=Snapshot(path="t.txt", sha256="0" * 64))
    claim_file = ClaimFile(document=document, claims=claims)
    snapshot = SnapshotText(Path("t.txt"), text=text)
    return FileResult(path="x.yaml", findings=(), claim_file=claim_file, snapshot=snapshot)


class TestArticleView:
    @settings(max_examples=60, deadline=None)
    @given(_text_and_spans())
    def test_any_anchors_give_valid_whole_highlighted_text(
        self, case: tuple[str, list[tuple[int, int]]]
    ) -> None:
        """The page parses strictly, the article reads as the snapshot, every claim is marked."""
        text, spans = case
        report = build_report([_result(text, spans)])
        tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(
            render_html(report)
        )
        article = next(d for d in tree.iter("div") if d.get("class") == "article")
        badges = [a for a in article.iter("a") if a.get("class", "").startswith("cn ")]
        assert len(badges) == len(spans)
        for badge in badges:
            badge.text = ""
        assert "".join(article.itertext()) == report.documents[0].text
        marked = {mark.get("data-claim") for mark in article.iter("mark")}
        assert marked == {f"c{index}" for index in range(len(spans))}

"""The self-contained HTML report: valid HTML5, highlights, links, no scripts, no requests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import html5lib
import pytest

import claimtrack
from claimtrack.io.snapshot import SnapshotText
from claimtrack.render.report import Report, build_report
from claimtrack.render.report.html import CONTENT_SECURITY_POLICY, render_html
from claimtrack.render.report.html_parts import csp_hash, script
from claimtrack.results import FileResult


def _parse(text: str) -> Any:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(text)


class TestDocument:
    @pytest.mark.parametrize(
        "names", [("article",), ("small",), ("hostile",), ("article", "small")]
    )
    def test_parses_without_errors(
        self, report_of: Callable[..., Report], names: tuple[str, ...]
    ) -> None:
        """The page is well-formed HTML5: a strict html5lib parse raises no error."""
        _parse(render_html(report_of(*names)))

    def test_has_a_strict_content_security_policy(self, article_report: Report) -> None:
        """The CSP allows the page's own style and script by hash and nothing else: no
        request, no other inline code, no eval."""
        tree = _parse(render_html(article_report))
        metas = [m for m in tree.iter("meta") if m.get("http-equiv") == "Content-Security-Policy"]
        assert [m.get("content") for m in metas] == [CONTENT_SECURITY_POLICY]
        directives = dict(part.strip().split(" ", 1) for part in CONTENT_SECURITY_POLICY.split(";"))
        assert directives["default-src"] == "'none'"
        (style,) = [element.text for element in tree.iter("style")]
        (code,) = [element.text for element in tree.iter("script")]
        assert directives["style-src"] == csp_hash(style)
        assert directives["script-src"] == csp_hash(code)
        assert "unsafe" not in CONTENT_SECURITY_POLICY

    def test_is_self_contained(self, article_report: Report) -> None:
        """No external script, stylesheet, image, frame or font is referenced; the one inline
        script is the packaged filter script, with no eval."""
        tree = _parse(render_html(article_report))
        for tag in ("link", "img", "iframe", "object", "embed"):
            assert list(tree.iter(tag)) == []
        (element,) = list(tree.iter("script"))
        assert element.get("src") is None
        assert element.text == script()
        assert "eval(" not in script()
        assert "Function(" not in script()
        assert "@import" not in render_html(article_report)
        assert "url(" not in render_html(article_report)

    def test_has_a_chart(self, article_report: Report) -> None:
        """Coverage comes with an inline SVG chart."""
        svg = "{http://www.w3.org/2000/svg}svg"
        assert len(list(_parse(render_html(article_report)).iter(svg))) == 1


class TestHighlights:
    def test_every_placed_claim_is_highlighted(self, article_report: Report) -> None:
        """Each claim's anchor is inside a mark of its sourcing state."""
        tree = _parse(render_html(article_report))
        marks = {(m.get("data-claim"), m.get("class").split()[0]) for m in tree.iter("mark")}
        for row in article_report.documents[0].claims:
            assert (row.claim.id, str(row.state)) in marks

    def test_highlights_and_rows_link_both_ways(self, article_report: Report) -> None:
        """Each claim's marker links to its row, and the row links back to the marker."""
        tree = _parse(render_html(article_report))
        by_id = {element.get("id"): element for element in tree.iter() if element.get("id")}
        for row in article_report.documents[0].claims:
            marker = by_id[f"d1-hl-{row.number}"]
            assert marker.get("href") == f"#d1-claim-{row.number}"
            table_row = by_id[f"d1-claim-{row.number}"]
            back = [a.get("href") for a in table_row.iter("a")]
            assert f"#d1-hl-{row.number}" in back

    def test_every_internal_link_has_a_target(self, report_of: Callable[..., Report]) -> None:
        """No link points at an id the page lacks, and no id is used twice."""
        tree = _parse(render_html(report_of("article", "small")))
        ids = [element.get("id") for element in tree.iter() if element.get("id")]
        assert len(ids) == len(set(ids))
        for link in tree.iter("a"):
            href = link.get("href")
            if href.startswith("#"):
                assert href[1:] in ids

    def test_overlapping_anchors_nest(self, small_report: Report) -> None:
        """Where two anchors overlap, the shared text sits in a mark nested in the other."""
        tree = _parse(render_html(small_report))
        nested = [
            (outer.get("data-claim"), inner.get("data-claim"))
            for outer in tree.iter("mark")
            for inner in outer.findall("mark")
        ]
        assert ("council-said", "bridge-cost") in nested

    def test_text_is_kept_whole(self, article_report: Report) -> None:
        """The article text reads the same with the highlights as without."""
        tree = _parse(render_html(article_report))
        article = next(d for d in tree.iter("div") if d.get("class") == "article")
        for badge in [a for a in article.iter("a") if a.get("class", "").startswith("cn ")]:
            badge.text = ""
        text = "".join(article.itertext())
        assert text == article_report.documents[0].text

    def test_article_takes_its_own_direction(self, article_report: Report) -> None:
        """The article's text carries dir="auto", so an article in a right-to-left script
        (Arabic, Hebrew, Persian) reads right to left in the page."""
        tree = _parse(render_html(article_report))
        article = next(d for d in tree.iter("div") if d.get("class") == "article")
        assert article.get("dir") == "auto"

    def test_identical_anchors_both_link(self) -> None:
        """Two claims on the same words each get a marker, a mark and a link to their row."""
        claim_file = claimtrack.loads(
            "version: 1\ndocument: {id: d, title: D, snapshot: {path: t.txt, sha256: '"
            + "0" * 64
            + "'}}\nclaims:\n"
            "  - {id: a, text: A, kind: event, anchor: {exact: same words}}\n"
            "  - {id: b, text: B, kind: event, anchor: {exact: same words}, status: refuted}\n"
        )
        snapshot = SnapshotText(Path("t.txt"), text="Some same words here.")
        result = FileResult(path="x.yaml", findings=(), claim_file=claim_file, snapshot=snapshot)
        tree = _parse(render_html(build_report([result])))
        marks = [
            (m.get("data-claim"), m.get("class")) for m in tree.iter("mark") if m.get("data-claim")
        ]
        assert marks == [("a", "unsourced"), ("b", "disputed")]
        by_id = {e.get("id"): e for e in tree.iter() if e.get("id")}
        assert by_id["d1-hl-1"].get("href") == "#d1-claim-1"
        assert by_id["d1-hl-2"].get("href") == "#d1-claim-2"

    def test_unplaced_claims_say_so(self, small_report: Report) -> None:
        """A claim whose anchor is not in the text is marked so in its row, without a link."""
        page = render_html(small_report)
        row = next(r for r in small_report.documents[0].claims if r.placement is None)
        assert f'href="#d1-hl-{row.number}"' not in page
        assert "not placed in the text" in page

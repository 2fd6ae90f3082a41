"""A claim's evidence, a source's citing claims, verification labels and flags in words, as
the HTML and Markdown reports show them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import html5lib
import pytest

import claimtrack
from claimtrack.model import Coverage
from claimtrack.render.report import Report, build_report
from claimtrack.render.report.evidence import citing, evidence_of
from claimtrack.render.report.html import render_html
from claimtrack.render.report.markdown import render_markdown
from claimtrack.render.report.markdown_parts import JOB_SUMMARY_LIMIT, fit
from claimtrack.render.report.rule_text import rule_text
from claimtrack.render.report.verification import QuoteCheck, verification_label
from claimtrack.results import FileResult


def _tree(text: str) -> Any:
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(text)


def _by_id(tree: Any) -> dict[str, Any]:
    return {element.get("id"): element for element in tree.iter() if element.get("id")}


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


class TestVerificationLabel:
    @pytest.mark.parametrize(
        ("verification", "label"),
        [
            (None, "not checked"),
            (
                QuoteCheck(
                    result="exact",
                    snapshot="a.txt",
                    sha256="0" * 64,
                    coverage=Coverage.EXCERPT,
                    retrieved="2025-01-02T10:00:00Z",
                ),
                "verified against a.txt (excerpt, retrieved 2025-01-02)",
            ),
            (
                QuoteCheck(
                    result="not-found",
                    snapshot="a.txt",
                    sha256="0" * 64,
                    coverage=Coverage.FULL,
                    score=0.5,
                ),
                "not found in a.txt; the closest passage scores 0.50",
            ),
            (
                QuoteCheck(
                    result="unchecked",
                    snapshot="a.txt",
                    sha256="0" * 64,
                    coverage=Coverage.FULL,
                    problem="the snapshot is missing",
                ),
                "not checked: the snapshot is missing",
            ),
        ],
    )
    def test_label(self, verification: QuoteCheck | None, label: str) -> None:
        """A citation's check is said in words, and "not checked" when there was none."""
        assert verification_label(verification) == label


class TestHtmlEvidence:
    def test_every_citation_is_shown_in_its_row(self, article_report: Report) -> None:
        """Each claim's row holds, per citation, the source's title and date, the stance,
        what it backs, the quote and its verification label, and the grading's rationale."""
        doc = article_report.documents[0]
        rows = _by_id(_tree(render_html(article_report)))
        for row in doc.claims:
            text = _text(rows[f"d1-claim-{row.number}"])
            for item in evidence_of(doc, row):
                assert " ".join(item.title.split()) in text
                assert item.issued in text
                assert str(item.marker.stance) in text
                if item.marker.quote:
                    assert " ".join(item.marker.quote.split()) in text
                    assert "Quote: not checked" in text
            confidence = row.claim.confidence
            if confidence and confidence.rationale:
                assert " ".join(confidence.rationale.split()) in text

    def test_every_source_lists_its_claims(self, article_report: Report) -> None:
        """Each source's entry links to every claim citing it, with stance and quote."""
        doc = article_report.documents[0]
        entries = _by_id(_tree(render_html(article_report)))
        for entry in doc.bibliography:
            element = entries[f"d1-src-{entry.number}"]
            links = [a.get("href") for a in element.iter("a") if a.get("href", "").startswith("#")]
            uses = citing(doc, entry)
            assert links == [f"#d1-claim-{row.number}" for row, _ in uses]
            text = _text(element)
            for _row, marker in uses:
                assert str(marker.stance) in text
                if marker.quote:
                    assert " ".join(marker.quote.split()) in text
            if not uses:
                assert "(not cited)" in text

    def test_opinion_is_muted(self, article_report: Report) -> None:
        """Claims that are not check-worthy are marked as opinion, never with a gap's pill."""
        tree = _tree(render_html(article_report))
        rows = _by_id(tree)
        for row in article_report.documents[0].claims:
            pills = [
                span.get("class")
                for span in rows[f"d1-claim-{row.number}"].iter("span")
                if "pill" in (span.get("class") or "")
            ]
            assert pills == (
                ["pill opinion"] if not row.claim.check_worthy else [f"pill {row.state}"]
            )
        legend = next(ul for ul in tree.iter("ul") if ul.get("class") == "legend")
        assert "never counted as a gap" in _text(legend)

    def test_percentages_name_their_base(self, article_report: Report) -> None:
        """Every share on the page says of what it is a share."""
        figures = article_report.documents[0].coverage
        text = _text(_tree(render_html(article_report)))
        assert f"of the {figures.check_worthy} check-worthy claims" in text
        assert f"of all {figures.claims} claims" in text
        assert f"% of {figures.claims}" in text

    def test_chart_has_caption_and_axes(self, article_report: Report) -> None:
        """The chart comes with a caption and labelled axes."""
        tree = _tree(render_html(article_report))
        figure = next(f for f in tree.iter("figure") if f.get("class") == "chart")
        assert "Claims by status" in _text(figure.find("figcaption"))
        texts = {_text(t) for t in figure.iter("{http://www.w3.org/2000/svg}text")}
        assert {"Status", "Number of claims", "0"} <= texts


class TestFlagsInWords:
    def test_flags_have_name_and_summary(self, article_report: Report) -> None:
        """A claim's flags show the rule's code, name and one-line summary, unlinked when no
        documentation address is given."""
        rows = _by_id(_tree(render_html(article_report)))
        for row in article_report.documents[0].claims:
            element = rows[f"d1-claim-{row.number}"]
            text = _text(element)
            for flag in row.flags:
                rule = rule_text(flag.code, flag.name)
                assert f"{rule.code} {rule.name}" in text
                assert rule.summary
                assert rule.summary in text
        assert "generated/rules/" not in render_html(article_report)

    def test_flags_link_to_rule_pages(self, article_report: Report) -> None:
        """With the documentation address, each flag links to its rule's page there."""
        page = render_html(article_report, docs_url="https://docs.example.org/claimtrack/")
        hrefs = {a.get("href") for a in _tree(page).iter("a")}
        for row in article_report.documents[0].claims:
            for flag in row.flags:
                assert (
                    f"https://docs.example.org/claimtrack/generated/rules/{flag.code}.html" in hrefs
                )
        markdown = render_markdown(article_report, docs_url="https://docs.example.org/claimtrack")
        assert "(<https://docs.example.org/claimtrack/generated/rules/F101.html>)" in markdown


class TestMarkdownEvidence:
    def test_todo_and_evidence_are_collapsible(self, article_report: Report) -> None:
        """The Markdown has the to-do list first, then each claim's evidence in a closed
        ``<details>`` section holding its quotes."""
        text = render_markdown(article_report)
        assert text.index("### What to do next") < text.index("### Coverage")
        assert text.count("<details>") == text.count("</details>") > 0
        evidence = text.split("### Evidence", 1)[1]
        doc = article_report.documents[0]
        quoted = next(row for row in doc.claims if any(m.quote for m in row.markers))
        assert f"<summary>{quoted.number}. " in evidence
        assert "Quote: not checked." in evidence

    def test_summaries_are_html_escaped(self, hostile_report: Report) -> None:
        """A ``<summary>`` line (raw HTML, not Markdown) never carries markup from a file."""
        for line in render_markdown(hostile_report).splitlines():
            if line.startswith("<summary>"):
                inner = line.removeprefix("<summary>").removesuffix("</summary>")
                assert "<" not in inner
                assert ">" not in inner

    @pytest.mark.parametrize("limit", [2_000, 6_000, 15_000])
    def test_cut_to_the_limit_with_a_note(
        self, report_of: Callable[..., Report], limit: int
    ) -> None:
        """A report longer than the limit is cut between blocks (never inside a collapsible
        section) to at most the limit in UTF-8 bytes, and says so at the end."""
        full = render_markdown(report_of("article", "small"))
        assert len(full.encode("utf-8")) > limit
        cut = render_markdown(report_of("article", "small"), limit=limit)
        assert len(cut.encode("utf-8")) <= limit
        assert "This report was cut" in cut.splitlines()[-1]
        assert cut.count("<details>") == cut.count("</details>")
        assert full.startswith(cut.split("\n**This report was cut")[0])

    def test_within_githubs_limit_by_default(self) -> None:
        """A report of thousands of claims stays within GitHub's 1 MiB job-summary limit."""
        claims = "".join(
            f"  - {{id: c{n}, text: '{'A long claim that needs a source. ' * 6}', kind: event,"
            f" anchor: {{exact: word}}, confidence: {{rationale: '{'Why so. ' * 20}'}}}}\n"
            for n in range(3000)
        )
        claim_file = claimtrack.loads(
            f"version: 1\ndocument: {{id: d, title: D}}\nclaims:\n{claims}"
        )
        report = build_report([FileResult(path="d.yaml", findings=(), claim_file=claim_file)])
        text = render_markdown(report)
        assert len(text.encode("utf-8")) <= JOB_SUMMARY_LIMIT == 1024 * 1024
        assert "This report was cut to stay within 1,048,576 bytes" in text

    def test_short_reports_are_not_cut(self, article_report: Report) -> None:
        """Within the limit, nothing is cut and no note is added."""
        text = render_markdown(article_report)
        assert "was cut" not in text
        assert fit(["a", "b"], limit=4) == "a\nb\n"

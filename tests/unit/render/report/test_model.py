"""The report data: claim rows, markers, bibliography numbering and coverage figures."""

from __future__ import annotations

from collections.abc import Callable

import claimtrack
from claimtrack import ClaimFile, Document, Source, SourceType
from claimtrack.render.report import Report, build_report
from claimtrack.render.report.bibliography import number_sources
from claimtrack.results import FileResult


def _source(source_id: str) -> Source:
    return Source(id=source_id, type=SourceType.WEBPAGE, title=source_id.title())


class TestBibliography:
    def test_numbers_follow_first_use(self, article_report: Report) -> None:
        """Sources are numbered in the order claims first cite them."""
        doc = article_report.documents[0]
        assert doc.claim_file is not None
        first_use: list[str] = []
        for claim in doc.claim_file.claims:
            for citation in claim.citations:
                if citation.source not in first_use:
                    first_use.append(citation.source)
        cited = [entry.source.id for entry in doc.bibliography if entry.cited]
        assert cited == first_use
        assert [entry.number for entry in doc.bibliography] == list(
            range(1, len(doc.bibliography) + 1)
        )

    def test_uncited_sources_follow_marked(self, small_report: Report) -> None:
        """A source that nothing cites comes after the cited ones, marked as not cited."""
        entries = small_report.documents[0].bibliography
        assert [(entry.source.id, entry.cited) for entry in entries] == [
            ("council-minutes", True),
            ("unused", False),
        ]

    def test_unknown_sources_are_skipped(self) -> None:
        """A citation of an undefined source gets no number."""
        claims = claimtrack.loads(
            "version: 1\ndocument: {id: d, title: D}\nclaims:\n"
            "  - {id: c, text: T, kind: event, anchor: {exact: T},"
            " citations: [{source: ghost}, {source: real}]}\n"
        ).claims
        entries = number_sources([_source("real")], claims)
        assert [entry.source.id for entry in entries] == ["real"]

    def test_reference_holds_every_known_field(self, article_report: Report) -> None:
        """The formatted reference names author, title, date, URL, accessed date and archive."""
        entry = next(e for e in article_report.documents[0].bibliography if e.source.archive_url)
        text = " ".join(part.text for part in entry.parts)
        source = entry.source
        for value in (source.title, source.issued, source.url, source.accessed, source.archive_url):
            assert value is not None
            assert value in text
        assert source.authors[0].display() in text
        assert {part.url for part in entry.parts if part.url} == {source.url, source.archive_url}


class TestClaimRows:
    def test_rows_follow_file_order(self, article_report: Report) -> None:
        """Claim rows are numbered in the order of the claim file."""
        doc = article_report.documents[0]
        assert doc.claim_file is not None
        assert [row.claim.id for row in doc.claims] == [c.id for c in doc.claim_file.claims]
        assert [row.number for row in doc.claims] == list(range(1, len(doc.claims) + 1))

    def test_markers_carry_bibliography_numbers(self, article_report: Report) -> None:
        """Each citation marker carries the number of its source in the bibliography."""
        doc = article_report.documents[0]
        numbers = {entry.source.id: entry.number for entry in doc.bibliography}
        for row in doc.claims:
            for marker in row.markers:
                assert marker.number == numbers[marker.source_id]
                assert marker.label == f"[{marker.number}]"

    def test_unknown_source_marker(self) -> None:
        """A citation of a source the file lacks shows as [?id]."""
        claim_file = claimtrack.loads(
            "version: 1\ndocument: {id: d, title: D}\nclaims:\n"
            "  - {id: c, text: T, kind: event, anchor: {exact: T}, citations: [{source: ghost}]}\n"
        )
        report = build_report([FileResult(path="x.yaml", findings=(), claim_file=claim_file)])
        marker = report.documents[0].claims[0].markers[0]
        assert marker.number is None
        assert marker.label == "[?ghost]"

    def test_placements_select_the_quote(self, article_report: Report) -> None:
        """Every placed anchor selects exactly its quote in the normalised snapshot."""
        doc = article_report.documents[0]
        assert doc.text is not None
        for row in doc.claims:
            assert row.placement is not None
            assert doc.text[row.placement.start : row.placement.end] == row.claim.anchor.exact

    def test_unplaced_anchor_and_its_flag(self, small_report: Report) -> None:
        """An anchor not in the snapshot has no placement, and its finding sits on its row."""
        row = next(r for r in small_report.documents[0].claims if r.claim.id == "opened")
        assert row.placement is None
        assert "E220" in [flag.code for flag in row.flags]

    def test_no_snapshot_is_explained(self) -> None:
        """Without a snapshot the report says why there is no text."""
        claim_file = ClaimFile(document=Document(id="d", title="D"))
        report = build_report([FileResult(path="x.yaml", findings=(), claim_file=claim_file)])
        doc = report.documents[0]
        assert doc.text is None
        assert doc.text_problem is not None
        assert "snapshot" in doc.text_problem

    def test_unloadable_file_keeps_its_findings(self, report_of: Callable[..., Report]) -> None:
        """A file that cannot be loaded is a document without records, with its findings."""
        report = build_report(claimtrack.check(["no-such-file.yaml"]).files)
        doc = report.documents[0]
        assert doc.claim_file is None
        assert [finding.code for finding in doc.findings] == ["E100"]
        assert doc.coverage.flags == 1


class TestCoverage:
    def test_counts_add_up(self, article_report: Report) -> None:
        """Every breakdown counts every claim once."""
        figures = article_report.documents[0].coverage
        for counts in (
            figures.by_state,
            figures.by_specificity,
            figures.by_likelihood,
            figures.by_analytic,
            figures.by_status,
        ):
            assert sum(counts.values()) == figures.claims
        assert sum(sum(s.values()) for s in figures.by_status_state.values()) == figures.claims

    def test_cited_share_counts_check_worthy_claims_only(self, article_report: Report) -> None:
        """The cited share is over check-worthy claims with at least one citation."""
        doc = article_report.documents[0]
        worthy = [row.claim for row in doc.claims if row.claim.check_worthy]
        cited = [claim for claim in worthy if claim.citations]
        assert doc.coverage.check_worthy == len(worthy)
        assert doc.coverage.check_worthy_cited == len(cited)
        assert doc.coverage.cited_share == len(cited) / len(worthy)

    def test_summary_adds_documents_up(self, report_of: Callable[..., Report]) -> None:
        """The summary of several documents is the sum of their figures."""
        report = report_of("article", "small")
        parts = [doc.coverage for doc in report.documents]
        assert report.summary.claims == sum(part.claims for part in parts)
        assert report.summary.by_state == {
            key: sum(part.by_state[key] for part in parts) for key in parts[0].by_state
        }
        assert report.summary.flags == sum(part.flags for part in parts)

    def test_no_check_worthy_claims_has_no_share(self) -> None:
        """With no check-worthy claims the cited share is undefined, not zero."""
        claim_file = claimtrack.loads(
            "version: 1\ndocument: {id: d, title: D}\nclaims:\n"
            "  - {id: c, text: T, kind: assessment, check_worthy: false, anchor: {exact: T}}\n"
        )
        report = build_report([FileResult(path="x.yaml", findings=(), claim_file=claim_file)])
        assert report.documents[0].coverage.cited_share is None

"""The to-do list: open work in the documented priority order, each claim listed once."""

from __future__ import annotations

import attrs

import claimtrack
from claimtrack.model import Coverage
from claimtrack.render.report import Report, build_report
from claimtrack.render.report.todo import TODO_ORDER, todo_list
from claimtrack.render.report.verification import QuoteCheck
from claimtrack.results import FileResult

_CLAIMS = """\
version: 1
document: {id: d, title: D}
sources:
  - {id: s, type: webpage, title: S, url: "https://www.example.org/s"}
claims:
  - {id: vague, text: V., kind: event, anchor: {exact: v},
     attribution: {specificity: vague, asserted_by: officials}}
  - {id: plain, text: P., kind: event, anchor: {exact: p}}
  - {id: high, text: H., kind: event, anchor: {exact: h},
     confidence: {likelihood: very-likely}}
  - {id: opinion, text: O., kind: assessment, anchor: {exact: o}, check_worthy: false,
     confidence: {analytic: high}}
  - {id: disputed, text: X., kind: event, anchor: {exact: x}, status: disputed,
     citations: [{source: s, stance: supports}]}
  - {id: quoted, text: Q., kind: event, anchor: {exact: q},
     citations: [{source: s, quote: a quote}]}
  - {id: supported, text: S., kind: event, anchor: {exact: s}, status: supported,
     citations: [{source: s, stance: mentions}]}
  - {id: mentioned, text: M., kind: event, anchor: {exact: m},
     citations: [{source: s, stance: mentions}]}
"""


def _report(fail_quote: bool = False) -> Report:
    claim_file = claimtrack.loads(_CLAIMS)
    report = build_report([FileResult(path="d.yaml", findings=(), claim_file=claim_file)])
    if not fail_quote:
        return report
    doc = report.documents[0]
    rows = tuple(
        attrs.evolve(
            row,
            markers=tuple(
                attrs.evolve(
                    m,
                    verification=QuoteCheck(
                        result="not-found",
                        snapshot="s.txt",
                        sha256="0" * 64,
                        coverage=Coverage.FULL,
                    ),
                )
                for m in row.markers
            ),
        )
        if row.claim.id == "quoted"
        else row
        for row in doc.claims
    )
    return attrs.evolve(report, documents=(attrs.evolve(doc, claims=rows),))


class TestTodoList:
    def test_priority_order(self) -> None:
        """Categories come in the documented order, each with the claims it applies to."""
        items = todo_list(_report(fail_quote=True).documents[0])
        listed = [(item.key, [row.claim.id for row in item.rows]) for item in items]
        assert listed == [
            ("unsourced-high", ["high"]),
            ("failed-verification", ["quoted"]),
            ("disputed-alone", ["disputed"]),
            ("supported-alone", ["supported"]),
            ("unsourced", ["vague", "plain"]),
            ("mentions-only", ["mentioned"]),
        ]
        keys = [key for key, *_ in TODO_ORDER]
        assert [item.key for item in items] == sorted((item.key for item in items), key=keys.index)

    def test_opinion_is_never_a_gap(self) -> None:
        """A claim that is not check-worthy is not listed as unsourced, however graded."""
        items = todo_list(_report().documents[0])
        assert all("opinion" not in {row.claim.id for row in item.rows} for item in items)

    def test_unchecked_quotes_are_not_failures(self) -> None:
        """Without a verification result a quote is not listed as failed."""
        assert "failed-verification" not in {item.key for item in todo_list(_report().documents[0])}

    def test_each_claim_once(self, article_report: Report) -> None:
        """No claim appears under two categories."""
        numbers = [
            row.number for item in todo_list(article_report.documents[0]) for row in item.rows
        ]
        assert len(numbers) == len(set(numbers))

"""The Hypothesis export on hostile records: only http(s) documents are annotated, only
http(s) sources are linked, and the account given must be an acct: id."""

from __future__ import annotations

import attrs
import pytest

from claimtrack.export.hypothesis import PLACEHOLDER_USER, hypothesis_export, hypothesis_gaps
from claimtrack.render.report import Report


def _with_urls(report: Report, document_url: str, source_url: str) -> Report:
    doc = report.documents[0]
    assert doc.claim_file is not None
    claim_file = doc.claim_file
    with attrs.validators.disabled():  # as a library caller building records in code could
        claim_file = attrs.evolve(
            claim_file,
            document=attrs.evolve(claim_file.document, url=document_url),
            sources=tuple(attrs.evolve(source, url=source_url) for source in claim_file.sources),
        )
    return attrs.evolve(report, documents=(attrs.evolve(doc, claim_file=claim_file),))


class TestHypothesisExport:
    def test_unsafe_document_url_is_not_annotated(self, article_report: Report) -> None:
        """A javascript: document URL gives no annotation, and the gap names the file."""
        report = _with_urls(article_report, "javascript:alert(1)", "https://example.org/s")
        assert hypothesis_export(report)["annotations"] == []
        assert any("has no http(s) url" in gap for gap in hypothesis_gaps(report))

    def test_unsafe_source_url_is_not_linked(self, article_report: Report) -> None:
        """A data: source URL never becomes a link in the annotation text."""
        report = _with_urls(article_report, "https://example.org/a", "data:text/html,<b>x</b>")
        text = str(hypothesis_export(report))
        assert "data:text" not in text
        assert "https://example.org/a" in text

    def test_account_must_be_an_acct_id(self, article_report: Report) -> None:
        """A user that is not acct:name@authority is refused; none gives the placeholder."""
        with pytest.raises(ValueError, match=r"acct:name@hypothes\.is"):
            hypothesis_export(article_report, "someone")
        assert hypothesis_export(article_report)["export_userid"] == PLACEHOLDER_USER

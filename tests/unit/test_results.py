"""A file's result either lists its findings or says they were left out, never both."""

from __future__ import annotations

import pytest

from claimtrack.findings import Finding, Location, Severity
from claimtrack.results import CheckResult, FileResult

FINDING = Finding(
    code="F101",
    name="citation-needed",
    severity=Severity.WARNING,
    message="The claim has no citation.",
    location=Location(path="a.yaml", line=3, column=5),
)


class TestOmittedFindings:
    """omitted_severest stands in for findings that were left out, and only then."""

    def test_listing_findings_and_omitting_them_is_refused(self) -> None:
        """A result that lists findings cannot also say its findings were left out."""
        with pytest.raises(ValueError, match="omitted_severest"):
            FileResult(path="a.yaml", findings=(FINDING,), omitted_severest=Severity.ERROR)

    def test_an_omitted_result_reports_its_severity(self) -> None:
        """A result whose findings were left out tells their severity and that they were."""
        result = FileResult(path="a.yaml", findings=(), omitted_severest=Severity.ERROR)
        assert result.findings_omitted
        assert result.severest is Severity.ERROR
        assert CheckResult((result,)).severest is Severity.ERROR

    def test_a_result_without_findings_omits_nothing(self) -> None:
        """A result with no findings says so: none were left out, there is no severity."""
        result = FileResult(path="a.yaml", findings=())
        assert not result.findings_omitted
        assert result.severest is None

"""GitHub workflow-command annotations."""

from __future__ import annotations

from claimtrack.findings import Finding, Location, Severity
from claimtrack.render.findings.github import escape_data, escape_property, render_github
from claimtrack.results import FileResult


def _finding(severity: Severity, message: str, path: str = "claims/a,b:c.yaml") -> Finding:
    return Finding(
        code="F101",
        name="citation-needed",
        severity=severity,
        message=message,
        location=Location(path=path, line=3, column=5, end_line=3, end_column=9, claim_id="x"),
        hint=None,
    )


class TestGithub:
    def test_escaping(self) -> None:
        """Messages escape %, CR and LF; properties also escape ':' and ','."""
        assert escape_data("50% a\r\nb") == "50%25 a%0D%0Ab"
        assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"

    def test_annotation_line(self) -> None:
        """One line per finding with file, positions, a title holding the code, and the message."""
        text = render_github([FileResult(path="p", findings=(_finding(Severity.WARNING, "m\nn"),))])
        assert text == (
            "::warning file=claims/a%2Cb%3Ac.yaml,line=3,col=5,endLine=3,endColumn=9,"
            "title=F101 citation-needed::m%0An (claim x)\n"
        )

    def test_info_is_a_notice(self) -> None:
        """Severity info maps to GitHub's notice command."""
        text = render_github([FileResult(path="p", findings=(_finding(Severity.INFO, "m"),))])
        assert text.startswith("::notice ")

"""GitHub workflow-command annotations."""

from __future__ import annotations

from claimtrack.findings import Finding, Location, Severity
from claimtrack.render.findings.github import (
    SHOWN_PER_STEP,
    escape_data,
    escape_property,
    render_github,
)
from claimtrack.render.findings.step_summary import render_step_summary
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

    def test_most_severe_first(self) -> None:
        """Errors come before warnings and warnings before notices, whatever the file order."""
        findings = (
            _finding(Severity.INFO, "i"),
            _finding(Severity.WARNING, "w"),
            _finding(Severity.ERROR, "e"),
        )
        lines = render_github([FileResult(path="p", findings=findings)]).splitlines()
        assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning", "::notice"]

    def test_overflow_notice_counts_what_github_hides(self) -> None:
        """Past 10 warnings one notice comes first, counting the hidden ones and pointing to
        the summary when one was written."""
        many = tuple(_finding(Severity.WARNING, f"w{n}") for n in range(SHOWN_PER_STEP + 3))
        lines = render_github([FileResult(path="p", findings=many)], summary=True).splitlines()
        assert len(lines) == len(many) + 1
        assert lines[0].startswith("::notice title=claimtrack::3 of 13 findings are not shown")
        assert "job summary" in lines[0]
        plain = render_github([FileResult(path="p", findings=many)]).splitlines()
        assert "job summary" not in plain[0]

    def test_no_notice_when_github_shows_everything(self) -> None:
        """Ten errors and ten warnings are all shown: no notice."""
        shown = tuple(
            _finding(severity, "m")
            for severity in (Severity.ERROR, Severity.WARNING)
            for _ in range(SHOWN_PER_STEP)
        )
        lines = render_github([FileResult(path="p", findings=shown)]).splitlines()
        assert len(lines) == 2 * SHOWN_PER_STEP
        assert not any(line.startswith("::notice") for line in lines)


class TestStepSummary:
    def test_lists_every_finding_most_severe_first(self) -> None:
        """The Markdown summary counts findings and has one row each, errors first, escaped."""
        findings = (_finding(Severity.WARNING, "a | b"), _finding(Severity.ERROR, "<e>"))
        text = render_step_summary([FileResult(path="p", findings=findings)])
        assert "1 error, 1 warning, 0 notices in 1 file." in text
        rows = [
            line
            for line in text.splitlines()
            if line.startswith("| error") or line.startswith("| warning")
        ]
        assert rows[0].startswith("| error")
        assert "&lt;e&gt;" in rows[0]
        assert "a \\| b" in rows[1]

    def test_stays_within_the_limit(self) -> None:
        """Cut to the byte limit, the summary says how many rows it left out."""
        findings = tuple(_finding(Severity.WARNING, "x" * 500) for _ in range(50))
        text = render_step_summary([FileResult(path="p", findings=findings)], limit=8000)
        assert len(text.encode("utf-8")) <= 8000
        shown = sum(1 for line in text.splitlines() if line.startswith("| warning"))
        assert 0 < shown < 50
        assert f"{50 - shown} more findings left out" in text

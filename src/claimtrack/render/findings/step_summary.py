"""A run's findings as Markdown for a GitHub Actions job summary, within GitHub's size limit.

GitHub keeps at most 1 MiB of summary per step and drops a step's whole summary past that
(https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/workflow-commands-for-github-actions#step-isolation-and-limits),
so the table is cut, most severe findings first, to fit ``limit`` bytes with the line that
says how many rows were left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.findings import Finding
from claimtrack.render.findings.counts import summarize
from claimtrack.render.markdown_escape import escape_cell
from claimtrack.results import FileResult

__all__ = ["STEP_SUMMARY_LIMIT", "by_severity", "render_step_summary"]

#: GitHub's limit on one step's summary, in bytes.
STEP_SUMMARY_LIMIT = 1024 * 1024
_HEADER = "| Severity | Rule | Location | Claim | Message |\n| --- | --- | --- | --- | --- |\n"


def by_severity(results: Sequence[FileResult]) -> list[Finding]:
    """Every counted finding, most severe first, then in file and position order."""
    findings = [finding for result in results for finding in result.findings]
    return sorted(findings, key=lambda finding: -finding.severity.rank)


def _row(finding: Finding) -> str:
    loc = finding.location
    message = finding.message + (f" Hint: {finding.hint}" if finding.hint else "")
    cells = [
        str(finding.severity),
        f"{finding.code} {finding.name}",
        f"{loc.path}:{loc.line}:{loc.column}",
        loc.claim_id or "",
        message,
    ]
    return "| " + " | ".join(escape_cell(cell) for cell in cells) + " |\n"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def render_step_summary(results: Sequence[FileResult], limit: int = STEP_SUMMARY_LIMIT) -> str:
    """The summary: totals, then one table row per finding while they fit in ``limit`` bytes
    (UTF-8), then how many did not."""
    summary = summarize(results)
    counts = ", ".join(
        (
            _plural(summary.errors, "error"),
            _plural(summary.warnings, "warning"),
            _plural(summary.infos, "notice"),
        )
    )
    head = f"## claimtrack\n\n{counts} in {_plural(summary.files, 'file')}"
    extras = [
        f"{count} {label}"
        for count, label in (
            (summary.suppressed, "suppressed"),
            (summary.baselined, "in the baseline"),
            (summary.fixed, "baseline entries fixed"),
        )
        if count
    ]
    head += (f" ({', '.join(extras)})" if extras else "") + ".\n"
    findings = by_severity(results)
    if not findings:
        return head
    text = head + "\n" + _HEADER
    size = len(text.encode("utf-8"))
    # Room kept for the line saying how many rows were left out, at its longest.
    reserve = len(_left_out(len(findings)).encode("utf-8"))
    shown = 0
    for finding in findings:
        row = _row(finding)
        cost = len(row.encode("utf-8"))
        last = shown == len(findings) - 1
        if size + cost + (0 if last else reserve) > limit:
            break
        text += row
        size += cost
        shown += 1
    if shown < len(findings):
        text += _left_out(len(findings) - shown)
    return text


def _left_out(count: int) -> str:
    return (
        f"\n{_plural(count, 'more finding')} left out to stay within GitHub's 1 MiB step"
        " summary; the step's log lists every one.\n"
    )

"""Findings as GitHub Actions workflow commands, which the runner shows as annotations.

One line per finding: ``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``.
Messages escape ``%``, CR and LF; property values also escape ``:`` and ``,`` (the escaping
the runner's own toolkit applies). Values from claim files are made inert first (see
:mod:`claimtrack._inert`), so no control character reaches the log and no line but ours
begins a workflow command. Severities map error → error, warning → warning,
info → notice.

Annotations come most severe first. GitHub shows 10 error and 10 warning annotations per
step (https://docs.github.com/en/rest/checks/runs: "GitHub Actions are limited to 10 warning
annotations and 10 error annotations per step"); when more would be printed, one notice
comes first saying how many are not shown and where the rest are.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack._inert import visible, visible_lines
from claimtrack.findings import Finding, Severity
from claimtrack.render.findings.step_summary import by_severity
from claimtrack.results import FileResult

__all__ = ["SHOWN_PER_STEP", "escape_data", "escape_property", "overflow_notice", "render_github"]

#: Error annotations, and warning annotations, GitHub shows per step.
SHOWN_PER_STEP = 10
_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_annotation(finding: Finding) -> str:
    """One finding as one workflow command line."""
    loc = finding.location
    properties = [("file", visible(loc.path)), ("line", str(loc.line)), ("col", str(loc.column))]
    if loc.end_line is not None:
        properties.append(("endLine", str(loc.end_line)))
    if loc.end_column is not None and (loc.end_line is None or loc.end_line == loc.line):
        properties.append(("endColumn", str(loc.end_column)))
    properties.append(("title", f"{finding.code} {finding.name}"))
    message = visible_lines(finding.message)
    if loc.claim_id:
        message += f" (claim {visible(loc.claim_id)})"
    if finding.hint:
        message += f"\n{visible_lines(finding.hint)}"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def overflow_notice(findings: Sequence[Finding], summary: bool = False) -> str | None:
    """The notice for annotations GitHub will not show, None when it shows them all;
    ``summary`` says the job summary lists every finding."""
    hidden = sum(
        max(0, sum(1 for f in findings if f.severity is severity) - SHOWN_PER_STEP)
        for severity in (Severity.ERROR, Severity.WARNING)
    )
    if not hidden:
        return None
    where = "the job summary and this step's log list" if summary else "this step's log lists"
    message = (
        f"{hidden} of {len(findings)} findings are not shown as annotations: GitHub shows"
        f" {SHOWN_PER_STEP} errors and {SHOWN_PER_STEP} warnings per step, the most severe"
        f" first; {where} every one."
    )
    return f"::notice title=claimtrack::{escape_data(message)}"


def render_github(results: Sequence[FileResult], summary: bool = False) -> str:
    """Every finding as an annotation line, most severe first (empty when there are none),
    after the notice for those GitHub will not show."""
    findings = by_severity(results)
    notice = overflow_notice(findings, summary)
    lines = ([notice] if notice else []) + [render_annotation(finding) for finding in findings]
    return "".join(line + "\n" for line in lines)

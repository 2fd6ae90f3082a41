"""Findings as GitHub Actions workflow commands, which the runner shows as annotations.

One line per finding: ``::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``.
Messages escape ``%``, CR and LF; property values also escape ``:`` and ``,`` (the escaping
the runner's own toolkit applies). Severities map error → error, warning → warning,
info → notice.
"""

from __future__ import annotations

from collections.abc import Sequence

from claimtrack.findings import Finding, Severity
from claimtrack.results import FileResult

__all__ = ["escape_data", "escape_property", "render_github"]

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
    properties = [("file", loc.path), ("line", str(loc.line)), ("col", str(loc.column))]
    if loc.end_line is not None:
        properties.append(("endLine", str(loc.end_line)))
    if loc.end_column is not None and (loc.end_line is None or loc.end_line == loc.line):
        properties.append(("endColumn", str(loc.end_column)))
    properties.append(("title", f"{finding.code} {finding.name}"))
    message = finding.message
    if loc.claim_id:
        message += f" (claim {loc.claim_id})"
    if finding.hint:
        message += f"\n{finding.hint}"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def render_github(results: Sequence[FileResult]) -> str:
    """Every finding as an annotation line (empty when there are none)."""
    return "".join(
        render_annotation(finding) + "\n" for result in results for finding in result.findings
    )

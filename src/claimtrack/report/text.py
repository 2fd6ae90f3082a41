"""Findings as text: ``path:line:col: CODE [severity] message (claim id)``, one per line.

The line has the parsable shape of flake8 and yamllint; a hint, when there is one, follows on
its own indented line; a one-line summary closes the output.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from claimtrack.check import FileResult
from claimtrack.findings import Finding, Severity
from claimtrack.report.summary import Summary, summarize

__all__ = ["TextStyle", "render_text"]

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


@attrs.frozen(kw_only=True)
class TextStyle:
    """How much to show and whether to colour it (ANSI)."""

    colour: bool = False
    hints: bool = True
    summary: bool = True


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def render_finding(finding: Finding, style: TextStyle) -> str:
    """One finding as its text line (and hint line)."""
    loc = finding.location
    where = _paint(f"{loc.path}:{loc.line}:{loc.column}:", "1", style.colour)
    code = _paint(finding.code, _COLOURS[finding.severity], style.colour)
    line = f"{where} {code} [{finding.severity}] {_one_line(finding.message)}"
    if loc.claim_id:
        line += f" ({loc.claim_id})"
    if style.hints and finding.hint:
        line += "\n    " + _paint("help:", "2", style.colour) + " " + _one_line(finding.hint)
    return line


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(summary: Summary) -> str:
    """The closing line: what was found, in how many files."""
    if summary.total == 0:
        return f"No problems found in {_plural(summary.files, 'file')}."
    parts = [
        _plural(count, word)
        for count, word in (
            (summary.errors, "error"),
            (summary.warnings, "warning"),
            (summary.infos, "note"),
        )
        if count
    ]
    return (
        f"Found {', '.join(parts)} in {summary.files_with_findings} of"
        f" {_plural(summary.files, 'file')}."
    )


def render_text(results: Sequence[FileResult], style: TextStyle | None = None) -> str:
    """The whole text report (ending in a newline, or empty when there is nothing to say)."""
    style = style or TextStyle()
    lines = [render_finding(finding, style) for result in results for finding in result.findings]
    if style.summary:
        lines.append(summary_line(summarize(results)))
    return "".join(line + "\n" for line in lines)

"""Findings as text: ``path:line:col: CODE [severity] message (claim id)``, one per line.

The line has the parsable shape of flake8 and yamllint; a hint, when there is one, follows on
its own indented line; a one-line summary closes the output. Optionally: suppressed findings
(with their reasons), baseline entries that are fixed, and counts per rule (statistics).
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from claimtrack import rules
from claimtrack._inert import visible
from claimtrack.findings import Finding, Severity
from claimtrack.lint.baseline import BaselineEntry
from claimtrack.render.findings.counts import Summary, summarize
from claimtrack.results import FileResult

__all__ = ["TextStyle", "render_text"]

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


@attrs.frozen(kw_only=True)
class TextStyle:
    """How much to show and whether to colour it (ANSI)."""

    colour: bool = False
    hints: bool = True
    summary: bool = True
    suppressed: bool = False
    statistics: bool = False


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def _path(path: str) -> str:
    """A file's name, inert, and never at the start of a line in a way that a CI log or a
    Markdown fence would read as markup (``::`` starts a workflow command, backticks and
    tildes close a fence): such a name is written as ``./name``, which names the same
    file."""
    shown = visible(path)
    return "./" + shown if shown.startswith((":", "`", "~")) else shown


def render_finding(finding: Finding, style: TextStyle) -> str:
    """One finding as its text line (and hint line)."""
    loc = finding.location
    where = _paint(f"{_path(loc.path)}:{loc.line}:{loc.column}:", "1", style.colour)
    code = _paint(finding.code, _COLOURS[finding.severity], style.colour)
    line = f"{where} {code} [{finding.severity}] {_one_line(finding.message)}"
    if loc.claim_id:
        line += f" ({visible(loc.claim_id)})"
    if style.hints and finding.hint:
        line += "\n    " + _paint("help:", "2", style.colour) + " " + _one_line(finding.hint)
    return line


def render_suppressed(finding: Finding, reason: str, style: TextStyle) -> str:
    """A suppressed finding, with the reason its suppression gives."""
    loc = finding.location
    where = _paint(f"{_path(loc.path)}:{loc.line}:{loc.column}:", "1", style.colour)
    line = f"{where} {finding.code} [suppressed] {_one_line(finding.message)}"
    if loc.claim_id:
        line += f" ({visible(loc.claim_id)})"
    return line + "\n    " + _paint("reason:", "2", style.colour) + " " + _one_line(reason)


def render_fixed(entry: BaselineEntry) -> str:
    """A baseline entry that matched nothing: the problem it recorded is gone."""
    record = visible(entry.claim_id or entry.source_id or "")
    message = _one_line(entry.message) or "no longer found"
    where = f"{_path(entry.path)}: {visible(entry.code)} [fixed] {message}"
    return (
        where + (f" ({record})" if record else "") + " — no longer found; the baseline can shrink"
    )


def render_statistics(summary: Summary) -> list[str]:
    """Counts per rule, most frequent first: ``count  CODE  name``."""
    ordered = sorted(summary.by_code.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(count)) for _code, count in ordered), default=1)
    lines = []
    for code, count in ordered:
        rule = rules.lookup_rule(code)
        lines.append(f"{count:>{width}}  {code}  {rule.name if rule else ''}".rstrip())
    return lines


def _one_line(text: str) -> str:
    return visible(" ".join(text.split()))


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


def _extras(summary: Summary) -> str:
    parts = []
    if summary.suppressed:
        parts.append(f"{summary.suppressed} suppressed")
    if summary.baselined:
        parts.append(f"{summary.baselined} in the baseline")
    if summary.fixed:
        parts.append(
            f"{_plural(summary.fixed, 'baseline entry')} fixed".replace("entrys", "entries")
        )
    return f" ({', '.join(parts)})" if parts else ""


def render_text(results: Sequence[FileResult], style: TextStyle | None = None) -> str:
    """The whole text report (ending in a newline, or empty when there is nothing to say)."""
    style = style or TextStyle()
    lines = [render_finding(finding, style) for result in results for finding in result.findings]
    if style.suppressed:
        lines += [
            render_suppressed(item.finding, item.reason, style)
            for result in results
            for item in result.suppressed
        ]
    summary = summarize(results)
    if style.summary:
        lines += [render_fixed(entry) for result in results for entry in result.fixed]
    if style.statistics:
        lines += render_statistics(summary)
    if style.summary:
        closing, extras = summary_line(summary), _extras(summary)
        lines.append(closing[:-1] + extras + "." if extras else closing)
    return "".join(line + "\n" for line in lines)

"""The citation report as GitHub-flavoured Markdown, for a pull-request comment or a CI job
summary: the to-do list on top, the evidence of each claim in collapsible sections, and a cut
(with a note) that keeps it within GitHub's 1 MiB job-summary limit.

Everything taken from claim files is escaped: HTML-significant characters become entities
(GitHub renders raw HTML in Markdown), Markdown punctuation is backslash-escaped, and table
cells lose their newlines and outer spaces. Only http(s) URLs become links.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimtrack.findings import Finding
from claimtrack.render.markdown_escape import escape_cell, escape_text
from claimtrack.render.markdown_escape import link as _link
from claimtrack.render.report._text import (
    CLAIM_COLUMNS,
    attribution_text,
    confidence_text,
    header_fields,
    percent,
)
from claimtrack.render.report.bibliography import BibEntry, Part
from claimtrack.render.report.evidence import citing
from claimtrack.render.report.markdown_parts import (
    JOB_SUMMARY_LIMIT,
    evidence_blocks,
    fit,
    todo_blocks,
)
from claimtrack.render.report.model import ClaimRow, DocumentReport, Report
from claimtrack.render.report.rule_text import rule_text
from claimtrack.render.report.summary import CoverageFigures

__all__ = ["escape_cell", "escape_text", "render_markdown"]


def _parts(parts: Iterable[Part]) -> str:
    return " ".join(
        _link(part.url, part.text) if part.url else escape_text(part.text) for part in parts
    )


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(escape_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def _coverage(figures: CoverageFigures, docs_url: str | None) -> list[str]:
    total = figures.claims

    def share(count: int) -> str:
        return f"{percent(count / total)} of all {total} claims" if total else "n/a"

    rows = [
        ["Claims", str(total), ""],
        ["Check-worthy claims", str(figures.check_worthy), share(figures.check_worthy)],
        [
            "Check-worthy claims with at least one citation",
            str(figures.check_worthy_cited),
            f"{percent(figures.cited_share)} of the {figures.check_worthy} check-worthy claims",
        ],
    ]
    groups = (
        ("Sourcing", figures.by_state),
        ("Attribution", figures.by_specificity),
        ("Likelihood", figures.by_likelihood),
        ("Analytic confidence", figures.by_analytic),
        ("Status", figures.by_status),
    )
    for label, counts in groups:
        rows += [
            [f"{label}: {key}", str(count), share(count)] for key, count in counts.items() if count
        ]
    lines = _table(["Figure", "Count", "Share (of what)"], rows)
    if figures.flags_by_rule:
        lines += [
            "",
            *_rule_table(figures, docs_url),
        ]
    return lines


def _rule_table(figures: CoverageFigures, docs_url: str | None) -> list[str]:
    header = ["Rule", "What it flags", "Severity", "Findings"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    for rule in figures.flags_by_rule:
        text = rule_text(rule.code, rule.name, docs_url)
        name = _link(text.url, text.label) if text.url else escape_cell(text.label)
        cells = [name, escape_cell(text.summary), escape_cell(rule.severity), str(rule.count)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _claim_cells(row: ClaimRow) -> list[str]:
    claim = row.claim
    citations = "; ".join(
        marker.label + (f" ({marker.note})" if marker.note else "") for marker in row.markers
    )
    return [
        str(row.number),
        f"{claim.text} ({claim.id}{'' if claim.check_worthy else ', opinion'})",
        attribution_text(claim),
        confidence_text(claim),
        str(claim.status),
        str(row.state),
        citations or "none",
        ", ".join(sorted({f"{flag.code} {flag.name}" for flag in row.flags})) or "",
    ]


def _finding_cells(finding: Finding) -> list[str]:
    loc = finding.location
    message = finding.message + (f" Hint: {finding.hint}" if finding.hint else "")
    return [
        str(finding.severity),
        f"{finding.code} {finding.name}",
        f"{loc.line}:{loc.column}",
        loc.claim_id or "",
        message,
    ]


def _bibliography(doc: DocumentReport, entries: Iterable[BibEntry]) -> list[str]:
    lines = []
    for entry in entries:
        numbers = sorted({row.number for row, _ in citing(doc, entry)})
        used = f" *Cited by claims {', '.join(map(str, numbers))}.*" if numbers else ""
        lines.append(
            f"{entry.number}. {_parts(entry.parts)}" + (used if entry.cited else " *(not cited)*")
        )
    return lines


def _document(doc: DocumentReport, level: str, docs_url: str | None) -> list[str]:
    lines = [f"{level} {escape_text(doc.title)}", ""]
    if doc.claim_file is None:
        lines += ["The claim file could not be loaded; its findings follow.", ""]
    else:
        lines += [
            f"- **{label}:** {_link(link, text) if link else escape_text(text)}"
            for label, text, link in header_fields(doc.claim_file, doc.path)
        ]
        lines += ["", f"{level}# What to do next", "", *todo_blocks(doc), ""]
        lines += [f"{level}# Coverage", "", *_coverage(doc.coverage, docs_url), ""]
        lines += [f"{level}# Claims", ""]
        if doc.claims:
            lines += _table(
                list(CLAIM_COLUMNS),
                (_claim_cells(row) for row in doc.claims),
            )
            lines += ["", f"{level}# Evidence", "", *evidence_blocks(doc)]
        else:
            lines.append("No claims recorded.")
        lines.append("")
    lines += [f"{level}# Flags", ""]
    if doc.findings:
        lines += _table(
            ["Severity", "Rule", "Line:col", "Claim", "Message"],
            (_finding_cells(finding) for finding in doc.findings),
        )
    else:
        lines.append("No findings.")
    lines.append("")
    if doc.claim_file is not None:
        lines += [f"{level}# Bibliography", ""]
        lines += (
            _bibliography(doc, doc.bibliography) if doc.bibliography else ["No sources recorded."]
        )
        lines.append("")
    return lines


def _summary(report: Report) -> list[str]:
    rows = [
        [
            doc.title,
            str(doc.coverage.claims),
            str(doc.coverage.check_worthy),
            percent(doc.coverage.cited_share),
            str(doc.coverage.by_state["unsourced"]),
            str(doc.coverage.flags),
        ]
        for doc in report.documents
    ]
    total = report.summary
    rows.append(
        [
            "All documents",
            str(total.claims),
            str(total.check_worthy),
            percent(total.cited_share),
            str(total.by_state["unsourced"]),
            str(total.flags),
        ]
    )
    return _table(["Document", "Claims", "Check-worthy", "Cited", "Unsourced", "Findings"], rows)


def render_markdown(
    report: Report, docs_url: str | None = None, limit: int = JOB_SUMMARY_LIMIT
) -> str:
    """The whole report as Markdown, ending in a newline.

    ``docs_url`` is where the documentation site is published; when given, each rule links to
    its page there. A report longer than ``limit`` bytes (GitHub's 1 MiB job-summary limit by
    default) is cut between two blocks, never inside a table cell or a collapsible section,
    and ends with a note saying so.
    """
    if len(report.documents) == 1:
        lines = ["# Citation report", "", *_document(report.documents[0], "##", docs_url)]
    else:
        lines = ["# Citation report", "", f"{len(report.documents)} documents.", ""]
        lines += [*_summary(report), ""]
        for doc in report.documents:
            lines += _document(doc, "##", docs_url)
    while lines and not lines[-1]:
        lines.pop()
    return fit(lines, limit)

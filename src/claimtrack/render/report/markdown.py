"""The citation report as GitHub-flavoured Markdown, for a pull-request comment or a CI job
summary.

Everything taken from claim files is escaped: HTML-significant characters become entities
(GitHub renders raw HTML in Markdown), Markdown punctuation is backslash-escaped, and table
cells lose their newlines and outer spaces. Only http(s) URLs become links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from claimtrack.findings import Finding
from claimtrack.render.report._links import safe_url
from claimtrack.render.report._text import attribution_text, confidence_text, header_fields, percent
from claimtrack.render.report.bibliography import BibEntry, Part
from claimtrack.render.report.model import ClaimRow, DocumentReport, Report
from claimtrack.render.report.summary import Coverage

__all__ = ["escape_cell", "escape_text", "render_markdown"]

# Backslash-escaped wherever they stand: emphasis, code, links, tables, strike-through, heading
# closing sequences and GitHub's math. Other punctuation only matters at the start of a line,
# which escaped text never reaches (it is always preceded by markup).
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~#$])")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def escape_text(text: str) -> str:
    """``text`` on one line, inert as Markdown and as HTML."""
    flat = " ".join(text.split())
    flat = "".join(_ENTITIES.get(char, char) for char in flat)
    return _PUNCTUATION.sub(r"\\\1", flat)


def escape_cell(text: str) -> str:
    """``text`` fit for a GFM table cell (one line, pipes escaped, never empty)."""
    return escape_text(text) or " "


def _link(url: str | None, text: str | None = None) -> str:
    safe = safe_url(url)
    if safe is None:
        return escape_text(text or url or "")
    target = safe.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")
    return f"[{escape_text(text or safe)}](<{target}>)"


def _parts(parts: Iterable[Part]) -> str:
    return " ".join(
        _link(part.url, part.text) if part.url else escape_text(part.text) for part in parts
    )


def _table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(escape_cell(cell) for cell in row) + " |" for row in rows]
    return lines


def _coverage(figures: Coverage) -> list[str]:
    total = figures.claims

    def share(count: int) -> str:
        return percent(count / total) if total else "n/a"

    rows = [
        ["Claims", str(total), ""],
        ["Check-worthy claims", str(figures.check_worthy), share(figures.check_worthy)],
        [
            "Check-worthy claims with at least one citation",
            str(figures.check_worthy_cited),
            percent(figures.cited_share),
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
    lines = _table(["Figure", "Count", "Share of claims"], rows)
    if figures.flags_by_rule:
        lines += [
            "",
            *_table(
                ["Rule", "Severity", "Findings"],
                (
                    [f"{rule.code} {rule.name}", rule.severity, str(rule.count)]
                    for rule in figures.flags_by_rule
                ),
            ),
        ]
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
        ", ".join(sorted({flag.code for flag in row.flags})) or "",
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


def _bibliography(entries: Iterable[BibEntry]) -> list[str]:
    return [
        f"{entry.number}. {_parts(entry.parts)}" + ("" if entry.cited else " *(not cited)*")
        for entry in entries
    ]


def _document(doc: DocumentReport, level: str) -> list[str]:
    lines = [f"{level} {escape_text(doc.title)}", ""]
    if doc.claim_file is None:
        lines += ["The claim file could not be loaded; its findings follow.", ""]
    else:
        lines += [
            f"- **{label}:** {_link(link, text) if link else escape_text(text)}"
            for label, text, link in header_fields(doc.claim_file, doc.path)
        ]
        lines += ["", f"{level}# Coverage", "", *_coverage(doc.coverage), ""]
        lines += [f"{level}# Claims", ""]
        if doc.claims:
            lines += _table(
                [
                    "#",
                    "Claim",
                    "Attribution",
                    "Confidence",
                    "Status",
                    "Sourcing",
                    "Citations",
                    "Flags",
                ],
                (_claim_cells(row) for row in doc.claims),
            )
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
        lines += _bibliography(doc.bibliography) if doc.bibliography else ["No sources recorded."]
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


def render_markdown(report: Report) -> str:
    """The whole report as Markdown, ending in a newline."""
    if len(report.documents) == 1:
        lines = ["# Citation report", "", *_document(report.documents[0], "##")]
    else:
        lines = ["# Citation report", "", f"{len(report.documents)} documents.", ""]
        lines += [*_summary(report), ""]
        for doc in report.documents:
            lines += _document(doc, "##")
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n"

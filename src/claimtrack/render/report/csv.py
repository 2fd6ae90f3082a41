"""The citation report as CSV, one row per claim, for spreadsheets.

A cell that a spreadsheet could read as a formula (starting with ``=``, ``+``, ``-``, ``@``,
a tab, a carriage return or a line feed, in any width, or hidden behind leading whitespace or
invisible characters) is prefixed with a single quote, as OWASP recommends.
"""

from __future__ import annotations

import csv
import io
import unicodedata

from claimtrack.render.report._text import attribution_text, confidence_text
from claimtrack.render.report.model import ClaimRow, DocumentReport, Report

__all__ = ["COLUMNS", "neutralize", "render_csv"]

COLUMNS = (
    "document",
    "path",
    "number",
    "claim_id",
    "claim",
    "quote",
    "kind",
    "check_worthy",
    "attribution_specificity",
    "asserted_by",
    "attribution",
    "likelihood",
    "analytic_confidence",
    "confidence",
    "status",
    "sourcing",
    "citations",
    "sources",
    "flags",
)

# OWASP's CSV-injection list: =, +, -, @, tab, carriage return and line feed. A spreadsheet
# may also skip leading spaces or invisible characters, and read fullwidth or small forms
# (＝, ﹢) as the ASCII ones, so those count too.
_FORMULA_STARTS = frozenset("=+-@\t\r\n")


def _hidden(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")


def neutralize(cell: str) -> str:
    """``cell``, prefixed with a single quote if a spreadsheet could take it for a formula:
    it starts with a formula character (in any width), or with whitespace or an invisible
    character (which may hide one)."""
    if not cell:
        return cell
    first = cell[0]
    if _hidden(first) or unicodedata.normalize("NFKC", first)[:1] in _FORMULA_STARTS:
        return "'" + cell
    return cell


def _row(doc: DocumentReport, row: ClaimRow) -> list[str]:
    claim = row.claim
    confidence = claim.confidence
    document_id = doc.claim_file.document.id if doc.claim_file else ""
    return [
        document_id,
        doc.path,
        str(row.number),
        claim.id,
        claim.text,
        claim.anchor.exact,
        str(claim.kind),
        "true" if claim.check_worthy else "false",
        str(claim.attribution.specificity) if claim.attribution else "",
        (claim.attribution.asserted_by or "") if claim.attribution else "",
        attribution_text(claim),
        str(confidence.likelihood) if confidence and confidence.likelihood else "",
        str(confidence.analytic) if confidence and confidence.analytic else "",
        confidence_text(claim),
        str(claim.status),
        str(row.state),
        "; ".join(
            marker.label + (f" ({marker.note})" if marker.note else "") for marker in row.markers
        ),
        "; ".join(marker.source_id for marker in row.markers),
        " ".join(sorted({flag.code for flag in row.flags})),
    ]


def render_csv(report: Report) -> str:
    """The claims of every document as CSV text (RFC 4180, CRLF line ends, header row)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for doc in report.documents:
        for row in doc.claims:
            writer.writerow([neutralize(cell) for cell in _row(doc, row)])
    return buffer.getvalue()

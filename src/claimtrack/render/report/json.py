"""The citation report as JSON: versioned, stable key order, described by
``schemas/report.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from claimtrack._version import __version__
from claimtrack.model import ClaimFile, Source, When
from claimtrack.render.findings.json import finding_data
from claimtrack.render.report.bibliography import BibEntry
from claimtrack.render.report.model import ClaimRow, DocumentReport, Marker, Report
from claimtrack.render.report.summary import CoverageFigures

__all__ = ["REPORT_VERSION", "render_report_json", "report_data"]

REPORT_VERSION = 1


def _coverage(figures: CoverageFigures) -> dict[str, Any]:
    return {
        "claims": figures.claims,
        "check_worthy": figures.check_worthy,
        "check_worthy_cited": figures.check_worthy_cited,
        "cited_share": figures.cited_share,
        "by_sourcing": figures.by_state,
        "by_specificity": figures.by_specificity,
        "by_likelihood": figures.by_likelihood,
        "by_analytic_confidence": figures.by_analytic,
        "by_status": figures.by_status,
        "by_status_and_sourcing": figures.by_status_state,
        "findings_by_rule": [
            {"code": rule.code, "name": rule.name, "severity": rule.severity, "count": rule.count}
            for rule in figures.flags_by_rule
        ],
    }


def _when(when: When | None) -> dict[str, Any] | None:
    if when is None:
        return None
    return {
        "date": when.date,
        "start": when.start,
        "end": when.end,
        "approximate": when.approximate,
        "text": when.text,
    }


def _document(claim_file: ClaimFile) -> dict[str, Any]:
    document = claim_file.document
    return {
        "id": document.id,
        "title": document.title,
        "authors": [name.display() for name in document.authors],
        "publisher": document.publisher,
        "container_title": document.container_title,
        "published": _when(document.published),
        "url": document.url,
        "language": document.language,
    }


def _claim(row: ClaimRow) -> dict[str, Any]:
    claim = row.claim
    attribution = claim.attribution
    confidence = claim.confidence
    return {
        "number": row.number,
        "id": claim.id,
        "text": claim.text,
        "kind": str(claim.kind),
        "check_worthy": claim.check_worthy,
        "quote": claim.anchor.exact,
        "placement": (
            {"start": row.placement.start, "end": row.placement.end} if row.placement else None
        ),
        "attribution": None
        if attribution is None
        else {
            "specificity": str(attribution.specificity),
            "asserted_by": attribution.asserted_by,
            "reported_by": attribution.reported_by,
            "hedges": list(attribution.hedges),
        },
        "confidence": None
        if confidence is None
        else {
            "likelihood": str(confidence.likelihood) if confidence.likelihood else None,
            "analytic": str(confidence.analytic) if confidence.analytic else None,
            "rationale": confidence.rationale,
            "credibility": confidence.credibility,
        },
        "status": str(claim.status),
        "sourcing": str(row.state),
        "citations": [_citation(marker) for marker in row.markers],
        "flags": sorted({flag.code for flag in row.flags}),
    }


def _citation(marker: Marker) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": marker.number,
        "source": marker.source_id,
        "stance": str(marker.stance),
        "backs": str(marker.backs),
        "locator": marker.locator,
        "quote": marker.quote,
    }
    check = marker.verification
    if check is not None:  # only for sources with a snapshot
        data["verification"] = {
            "result": check.result,
            "verified": check.verified,
            "score": check.score,
            "passage": check.passage,
            "problem": check.problem,
            "snapshot": check.snapshot,
            "sha256": check.sha256,
            "coverage": str(check.coverage),
            "retrieved": check.retrieved,
        }
    return data


def _entry(entry: BibEntry) -> dict[str, Any]:
    source = entry.source
    return {
        "number": entry.number,
        "id": source.id,
        "cited": entry.cited,
        "type": str(source.type),
        "title": source.title,
        "authors": [name.display() for name in source.authors],
        "container_title": source.container_title,
        "publisher": source.publisher,
        "issued": source.issued,
        "url": source.url,
        "doi": source.doi,
        "accessed": source.accessed,
        "archive_url": source.archive_url,
        "primary": source.primary,
        "reliability": str(source.reliability) if source.reliability else None,
        "reference": " ".join(part.text for part in entry.parts),
        **_snapshot(entry.source),
    }


def _snapshot(source: Source) -> dict[str, Any]:
    """The source's snapshot, as a key of its entry only when it has one."""
    snapshot = source.snapshot
    if snapshot is None:
        return {}
    return {
        "snapshot": {
            "path": snapshot.path,
            "sha256": snapshot.sha256,
            "coverage": str(snapshot.coverage),
            "url": snapshot.url,
            "retrieved": snapshot.retrieved,
            "http_status": snapshot.http_status,
            "content_type": snapshot.content_type,
            "extractor": snapshot.extractor,
            "extractor_version": snapshot.extractor_version,
        }
    }


def _document_report(doc: DocumentReport) -> dict[str, Any]:
    return {
        "path": doc.path,
        "loaded": doc.claim_file is not None,
        "document": _document(doc.claim_file) if doc.claim_file else None,
        "text_available": doc.text is not None,
        "text_problem": doc.text_problem,
        "coverage": _coverage(doc.coverage),
        "claims": [_claim(row) for row in doc.claims],
        "findings": [finding_data(finding) for finding in doc.findings],
        "bibliography": [_entry(entry) for entry in doc.bibliography],
    }


def report_data(report: Report) -> dict[str, Any]:
    """The report as plain data with snake_case keys."""
    return {
        "version": REPORT_VERSION,
        "tool": {"name": "claimtrack", "version": __version__},
        "summary": {"documents": len(report.documents), **_coverage(report.summary)},
        "documents": [_document_report(doc) for doc in report.documents],
    }


def render_report_json(report: Report) -> str:
    """The report as JSON text, ending in a newline."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"

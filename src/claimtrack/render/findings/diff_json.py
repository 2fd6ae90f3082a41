"""A diff as JSON, versioned and described by ``schemas/diff-output.schema.json``."""

from __future__ import annotations

import json
from typing import Any

from claimtrack._version import __version__
from claimtrack.render.findings.json import finding_data
from claimtrack.review.changes import (
    AnchorChange,
    ClaimChange,
    Diff,
    DocumentDiff,
    FieldChange,
    Line,
    SideInfo,
    SourceChange,
)

__all__ = ["claim_data", "diff_data", "render_diff_json"]

OUTPUT_VERSION = 1


def _fields(fields: tuple[FieldChange, ...]) -> list[dict[str, Any]]:
    return [{"field": f.field, "before": f.before, "after": f.after} for f in fields]


def _line(line: Line | None) -> dict[str, Any] | None:
    return None if line is None else {"path": line.path, "line": line.line}


def _anchor(anchor: AnchorChange | None) -> dict[str, Any] | None:
    if anchor is None:
        return None
    return {"change": anchor.change, "fields": _fields(anchor.fields), "problem": anchor.problem}


def claim_data(claim: ClaimChange) -> dict[str, Any]:
    return {
        "change": claim.change,
        "id": claim.claim_id,
        "old_id": claim.old_id,
        "text": claim.text,
        "fields": _fields(claim.fields),
        "citations": [
            {
                "change": c.change,
                "source": c.source,
                "locator": c.locator,
                "fields": _fields(c.fields),
            }
            for c in claim.citations
        ],
        "anchor": _anchor(claim.anchor),
        "base": _line(claim.base),
        "head": _line(claim.head),
    }


def _source(source: SourceChange) -> dict[str, Any]:
    return {
        "change": source.change,
        "id": source.source_id,
        "fields": _fields(source.fields),
        "base": _line(source.base),
        "head": _line(source.head),
    }


def _document(document: DocumentDiff) -> dict[str, Any]:
    return {
        "path": document.path,
        "old_path": document.old_path,
        "status": document.status,
        "problems": {
            "base": [finding_data(f) for f in document.base_problems],
            "head": [finding_data(f) for f in document.head_problems],
        },
        "document": _fields(document.document),
        "claims": [claim_data(claim) for claim in document.claims],
        "sources": [_source(source) for source in document.sources],
        "flags": {
            "introduced": [finding_data(f) for f in document.introduced],
            "fixed": [finding_data(f) for f in document.fixed],
        },
    }


def _side(side: SideInfo) -> dict[str, Any]:
    return {"label": side.label, "commit": side.commit}


def diff_data(diff: Diff) -> dict[str, Any]:
    """The diff as plain data with snake_case keys."""
    return {
        "version": OUTPUT_VERSION,
        "tool": {"name": "claimtrack", "version": __version__},
        "base": _side(diff.base),
        "head": _side(diff.head),
        "summary": diff.counts(),
        "documents": [_document(document) for document in diff.documents],
    }


def render_diff_json(diff: Diff) -> str:
    """The JSON of a diff, with stable key order, ending in a newline."""
    return json.dumps(diff_data(diff), ensure_ascii=False, indent=2) + "\n"

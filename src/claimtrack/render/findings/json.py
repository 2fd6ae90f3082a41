"""Findings as JSON, versioned and described by ``schemas/check-output.schema.json``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import orjson

from claimtrack._version import __version__
from claimtrack.findings import Finding
from claimtrack.render.findings.counts import summarize
from claimtrack.results import FileResult

__all__ = ["finding_data", "render_json"]

OUTPUT_VERSION = 1


def finding_data(finding: Finding) -> dict[str, Any]:
    """One finding as plain data with snake_case keys."""
    loc = finding.location
    return {
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.severity),
        "message": finding.message,
        "hint": finding.hint,
        "path": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "pointer": loc.pointer,
        "claim_id": loc.claim_id,
    }


def render_json(results: Sequence[FileResult]) -> str:
    """The JSON report of a run, with stable key order, ending in a newline."""
    summary = summarize(results)
    data = {
        "version": OUTPUT_VERSION,
        "tool": {"name": "claimtrack", "version": __version__},
        "findings": [finding_data(f) for result in results for f in result.findings],
        "summary": {
            "files": summary.files,
            "files_with_findings": summary.files_with_findings,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
            "by_code": summary.by_code,
            "suppressed": summary.suppressed,
            "baselined": summary.baselined,
            "fixed": summary.fixed,
        },
    }
    return _indented(data) + "\n"


def _indented(data: dict[str, Any]) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=2)``, written by orjson, whose output for
    plain strings, integers, lists and dicts is the same text, several times faster (the
    standard library writes indented JSON in Python). A string orjson cannot write (a file
    name that is not UTF-8 keeps its bytes as lone surrogates) leaves it to the standard
    library."""
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
    except TypeError:
        return json.dumps(data, ensure_ascii=False, indent=2)

"""A diff as text and as Markdown (for a pull-request comment or a job summary).

Both lead with the counts, then go file by file: the file's own changes, then each claim
(with its fields, citations and anchor), each source, and the flags the change introduces
and fixes. Markdown puts each file in a collapsible section and links each record to its
line when given where the files are published (``links``).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from claimtrack.findings import Finding
from claimtrack.review.changes import ClaimChange, Diff, DocumentDiff, FieldChange, Line

__all__ = ["claim_rows", "finding_line", "render_diff_markdown", "render_diff_text", "summary_line"]

_SUMMARY = (
    ("document_fields_changed", "document field changed", "document fields changed"),
    ("claims_added", "claim added", "claims added"),
    ("claims_removed", "claim removed", "claims removed"),
    ("claims_renamed", "claim renamed", "claims renamed"),
    ("claims_changed", "claim changed", "claims changed"),
    ("status_changes", "status change", "status changes"),
    ("citations_added", "citation added", "citations added"),
    ("citations_removed", "citation removed", "citations removed"),
    ("citations_changed", "citation changed", "citations changed"),
    ("anchors_moved", "anchor moved", "anchors moved"),
    ("anchors_orphaned", "anchor orphaned", "anchors orphaned"),
    ("sources_added", "source added", "sources added"),
    ("sources_removed", "source removed", "sources removed"),
    ("sources_changed", "source changed", "sources changed"),
    ("flags_introduced", "flag introduced", "flags introduced"),
    ("flags_fixed", "flag fixed", "flags fixed"),
)


def _value(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def summary_line(diff: Diff) -> str:
    """``N files: 1 claim added, 2 flags fixed`` (or that nothing changed)."""
    counts = diff.counts()
    parts = [
        f"{counts[key]} {one if counts[key] == 1 else many}"
        for key, one, many in _SUMMARY
        if counts[key]
    ]
    files = counts["documents"]
    if not files:
        return "No claim file changed."
    where = f"{files} claim file{'' if files == 1 else 's'} changed"
    return f"{where}: {', '.join(parts)}." if parts else f"{where} (no change in its records)."


def _field(change: FieldChange) -> str:
    return f"{change.field}: {_value(change.before)} → {_value(change.after)}"


def finding_line(finding: Finding) -> str:
    loc = finding.location
    claim = f" ({loc.claim_id})" if loc.claim_id else ""
    where = f"{loc.path}:{loc.line}:{loc.column}"
    return f"{where}: {finding.code} [{finding.severity}] {finding.message}{claim}"


#: One line of a file's block: its depth, its text, and the record's lines on each side.
_Row = tuple[int, str, Line | None, Line | None]


def claim_rows(claim: ClaimChange) -> list[_Row]:
    if claim.change == "renamed":
        head = f"claim {claim.old_id} renamed to {claim.claim_id}"
    else:
        head = f"claim {claim.claim_id} {claim.change}"
    rows: list[_Row] = [(0, f"{head}: {_value(claim.text)}", claim.base, claim.head)]
    rows += [(1, _field(f), None, None) for f in claim.fields]
    for citation in claim.citations:
        locator = f" ({citation.locator})" if citation.locator else ""
        rows.append((1, f"citation of {citation.source}{locator} {citation.change}", None, None))
        rows += [(2, _field(f), None, None) for f in citation.fields]
    if claim.anchor is not None:
        rows.append((1, f"anchor {claim.anchor.change}", None, None))
        rows += [(2, _field(f), None, None) for f in claim.anchor.fields]
        if claim.anchor.problem:
            rows.append((2, claim.anchor.problem, None, None))
    return rows


def _document_rows(document: DocumentDiff) -> list[_Row]:
    rows: list[_Row] = []
    for side, problems in (("base", document.base_problems), ("head", document.head_problems)):
        if problems:
            rows.append(
                (0, f"the {side} side does not load, so its records are not compared:", None, None)
            )
            rows += [(1, finding_line(f), None, None) for f in problems]
    rows += [(0, f"document {_field(f)}", None, None) for f in document.document]
    for claim in document.claims:
        rows += claim_rows(claim)
    for source in document.sources:
        rows.append((0, f"source {source.source_id} {source.change}", source.base, source.head))
        rows += [(1, _field(f), None, None) for f in source.fields]
    rows += [(0, f"flag introduced: {finding_line(f)}", None, _at(f)) for f in document.introduced]
    rows += [(0, f"flag fixed: {finding_line(f)}", _at(f), None) for f in document.fixed]
    return rows


def _at(finding: Finding) -> Line:
    return Line(path=finding.location.path, line=finding.location.line)


def _title(document: DocumentDiff) -> str:
    if document.status == "renamed":
        return f"{document.old_path} → {document.path} (renamed)"
    return f"{document.path} ({document.status})"


def render_diff_text(diff: Diff) -> str:
    """The diff as plain text: a header and the counts, then one block per file."""
    out = [f"claimtrack diff {diff.base.label} → {diff.head.label}", summary_line(diff)]
    for document in diff.documents:
        out += ["", _title(document)]
        for depth, text, base, head in _document_rows(document):
            line = head or base
            # A flag's line already leads its text (path:line:col).
            where = f" [line {line.line}]" if line and not text.startswith("flag ") else ""
            out.append(f"{'  ' * (depth + 1)}{text}{where}")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Text safe inside Markdown and HTML: nothing in it can become markup or a link."""
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "\\`*_[]()|#!~":
        escaped = escaped.replace(char, "\\" + char)
    return escaped.replace("\n", " ").replace("\r", " ")


def render_diff_markdown(diff: Diff, links: str | None = None) -> str:
    """The diff as GitHub-flavoured Markdown: counts first, then a collapsible section per
    file. ``links`` (such as ``https://github.com/OWNER/REPO/blob``) makes each record link
    to its line at the side's commit; only http(s) addresses are used."""
    base_url = links.rstrip("/") if links and links.startswith(("https://", "http://")) else None

    def where(base: Line | None, head: Line | None) -> str:
        for line, commit in ((head, diff.head.commit), (base, diff.base.commit)):
            if line is None:
                continue
            if base_url is None or commit is None:
                return f" (line {line.line})"
            target = f"{base_url}/{commit}/{quote(line.path)}#L{line.line}"
            return f" ([line {line.line}]({target}))"
        return ""

    counts = diff.counts()
    out = [
        "### claimtrack diff",
        "",
        f"`{_code(diff.base.label)}` → `{_code(diff.head.label)}`: {_md(summary_line(diff))}",
    ]
    rows = [(many, counts[key]) for key, _one, many in _SUMMARY if counts[key]]
    if rows:
        out += ["", "| change | count |", "| --- | ---: |"]
        out += [f"| {name} | {value} |" for name, value in rows]
    for document in diff.documents:
        introduced, fixed = len(document.introduced), len(document.fixed)
        out += [
            "",
            "<details>",
            f"<summary>{_md(_title(document))}: {introduced} flag{'' if introduced == 1 else 's'}"
            f" introduced, {fixed} fixed</summary>",
            "",
        ]
        for depth, text, base, head in _document_rows(document):
            out.append(f"{'  ' * depth}- {_md(text)}{where(base, head)}")
        out += ["", "</details>"]
    return "\n".join(out) + "\n"


def _code(text: str) -> str:
    """Text for inside a code span: backticks and line breaks cannot end it."""
    return text.replace("`", "'").replace("\n", " ").replace("\r", " ")

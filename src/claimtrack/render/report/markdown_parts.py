"""The parts of the Markdown report an editor acts on: the to-do list and each claim's
evidence, in collapsible ``<details>`` sections (GitHub renders them in pull requests and job
summaries), and the cut that keeps a report within GitHub's job-summary limit.

A ``<summary>`` line is raw HTML, where Markdown is not interpreted, so its text is only
HTML-escaped; everything between the summary and ``</details>`` is Markdown, escaped as
everywhere else.
"""

from __future__ import annotations

import html

from claimtrack._inert import visible
from claimtrack.render.markdown_escape import escape_text
from claimtrack.render.report.evidence import backs_text, evidence_of
from claimtrack.render.report.model import ClaimRow, DocumentReport
from claimtrack.render.report.todo import todo_list

__all__ = ["JOB_SUMMARY_LIMIT", "evidence_blocks", "fit", "todo_blocks"]

#: GitHub refuses a job summary larger than 1 MiB.
JOB_SUMMARY_LIMIT = 1024 * 1024

_SHOWN = 5
_EXCERPT = 90


def _summary_text(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > _EXCERPT:
        flat = flat[: _EXCERPT - 1].rstrip() + "…"
    return html.escape(visible(flat), quote=False)


def _details(summary: str, body: list[str]) -> str:
    """One ``<details>`` section as a single block (never cut in the middle)."""
    return "\n".join(["<details>", f"<summary>{summary}</summary>", "", *body, "", "</details>"])


def _state(row: ClaimRow) -> str:
    return str(row.state) if row.claim.check_worthy else f"opinion, {row.state}"


def _claim_line(row: ClaimRow) -> str:
    return f"- **{row.number}.** {escape_text(row.claim.text)}"


def todo_blocks(doc: DocumentReport) -> list[str]:
    """The open work in priority order: each kind of work with its count and what to do,
    the first claims by number, and all of them in a collapsible list."""
    items = todo_list(doc)
    if not items:
        return ["Nothing left to do: no gaps, errors or flags."]
    blocks = []
    for position, item in enumerate(items, start=1):
        numbers = [str(row.number) for row in item.rows]
        shown = ", ".join(numbers[:_SHOWN])
        if len(numbers) > _SHOWN:
            shown += f" and {len(numbers) - _SHOWN} more"
        blocks.append(
            f"{position}. **{escape_text(item.title)}** ({len(item.rows)}):"
            f" {escape_text(item.action)} {'Claim' if len(numbers) == 1 else 'Claims'} {shown}."
        )
    blocks.append("")
    for position, item in enumerate(items, start=1):
        blocks.append(
            _details(
                f"{position}. {html.escape(visible(item.title), quote=False)}: the claims",
                [_claim_line(row) for row in item.rows],
            )
        )
    return blocks


def _evidence_body(doc: DocumentReport, row: ClaimRow) -> list[str]:
    body = []
    for item in evidence_of(doc, row):
        marker = item.marker
        locator = f", {escape_text(marker.locator)}" if marker.locator else ""
        source = f"*{escape_text(item.title)}*, {escape_text(item.issued)}"
        body.append(
            f"- {escape_text(marker.label)} {source}:"
            f" **{marker.stance}**, backs {backs_text(marker.backs)}{locator}."
            f" Quote: {escape_text(item.verification)}."
        )
        if marker.quote:
            body.append(f"  > “{escape_text(marker.quote)}”")
    confidence = row.claim.confidence
    if confidence is not None and confidence.rationale:
        body.append(f"- **Why this grading:** {escape_text(confidence.rationale)}")
    return body


def evidence_blocks(doc: DocumentReport) -> list[str]:
    """One collapsible section per claim that has citations or a confidence rationale."""
    blocks = []
    for row in doc.claims:
        body = _evidence_body(doc, row)
        if not body:
            continue
        count = len(row.markers)
        what = f"{count} citation{'s' if count != 1 else ''}" if count else "no citation"
        blocks.append(
            _details(
                f"{row.number}. {_summary_text(row.claim.text)} ({_state(row)}; {what})",
                body,
            )
        )
        blocks.append("")
    return blocks


def fit(blocks: list[str], limit: int = JOB_SUMMARY_LIMIT) -> str:
    """The blocks joined by newlines, ending in a newline, cut before the first block that
    would take the text past ``limit`` bytes of UTF-8, with a note saying so."""
    text = "\n".join(blocks) + "\n"
    if len(text.encode("utf-8")) <= limit:
        return text
    note = (
        f"\n**This report was cut to stay within {limit:,} bytes** (GitHub's limit for a job"
        " summary). The HTML and JSON reports hold everything: `claimtrack report --format"
        " html` or `--format json`.\n"
    )
    budget = limit - len(note.encode("utf-8"))
    kept: list[str] = []
    used = 0
    for block in blocks:
        size = len(block.encode("utf-8")) + 1
        if used + size > budget:
            break
        kept.append(block)
        used += size
    return "\n".join(kept) + "\n" + note

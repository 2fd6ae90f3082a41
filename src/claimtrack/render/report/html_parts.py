"""The parts of the HTML report an editor acts on, each a function from report data to an
HTML fragment, so that any page (one document's report, a page of a larger site) can reuse
them: the contents, the to-do list, the filters, a claim's evidence, its flags in words, and
the per-source view.

Everything taken from a claim file is escaped; only http(s) URLs become links. The filters
need the small inline script :func:`script`, which the page's Content-Security-Policy allows
by its hash (:func:`csp_hash`); without it (scripts off) the filter form stays hidden and
every claim is shown.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib import resources

from claimtrack.findings import Finding
from claimtrack.model import Specificity, Stance, Status
from claimtrack.render.report._markup import escape, link
from claimtrack.render.report.bibliography import BibEntry
from claimtrack.render.report.evidence import backs_text, citing, evidence_of
from claimtrack.render.report.model import ClaimRow, DocumentReport
from claimtrack.render.report.rule_text import rule_text
from claimtrack.render.report.state import SourcingState
from claimtrack.render.report.todo import todo_list

__all__ = [
    "SECTIONS",
    "claim_data",
    "contents",
    "csp_hash",
    "evidence",
    "excerpt",
    "filters",
    "flag_list",
    "rule_label",
    "script",
    "source_claims",
    "todo",
]

#: The sections of one document's report: id suffix and heading, in page order.
SECTIONS = (
    ("todo", "What to do next"),
    ("coverage", "Coverage"),
    ("article", "Article"),
    ("claims", "Claims"),
    ("flags", "Flags"),
    ("sources", "Sources"),
)

#: Claims listed per to-do item before the rest are folded away.
_TODO_SHOWN = 5
_EXCERPT = 90


@cache
def script() -> str:
    """The filter and print script, inlined in the page."""
    return resources.files("claimtrack.render.report").joinpath("_filters.js").read_text("utf-8")


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly the inline ``text``."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def excerpt(text: str) -> str:
    """``text`` on one line, cut to a short excerpt."""
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1].rstrip() + "…"


def _stance(stance: Stance) -> str:
    """The stance in bold; a dispute or a mere mention also in its own colour."""
    css = "" if stance is Stance.SUPPORTS else f' class="{stance}"'
    return f"<b{css}>{stance}</b>"


def contents(doc: DocumentReport) -> str:
    """Links to the sections of one document's report."""
    items = "".join(
        f'<li><a href="#d{doc.index}-{key}">{title}</a></li>'
        for key, title in SECTIONS
        if doc.claim_file is not None or key == "flags"
    )
    return f'<nav class="toc" aria-label="Contents of {escape(doc.title)}"><ul>{items}</ul></nav>'


def _claim_link(doc: DocumentReport, row: ClaimRow) -> str:
    return f'<a href="#d{doc.index}-claim-{row.number}">Claim {row.number}</a>'


def todo(doc: DocumentReport) -> str:
    """The open work in priority order (see :mod:`claimtrack.render.report.todo`), each claim
    linking to its row."""
    items = todo_list(doc)
    if not items:
        return "<p>Nothing left to do: no gaps, errors or flags.</p>"
    out = []
    for item in items:
        claims = [
            f"<li>{_claim_link(doc, row)}: {escape(excerpt(row.claim.text))}</li>"
            for row in item.rows
        ]
        shown = "".join(claims[:_TODO_SHOWN])
        more = ""
        if len(claims) > _TODO_SHOWN:
            more = (
                f"<details><summary>{len(claims) - _TODO_SHOWN} more</summary>"
                f'<ul class="todo-claims">{"".join(claims[_TODO_SHOWN:])}</ul></details>'
            )
        out.append(
            f"<li><strong>{escape(item.title)}</strong> ({len(item.rows)})."
            f" <small>{escape(item.action)}</small>"
            f'<ul class="todo-claims">{shown}</ul>{more}</li>'
        )
    return f'<ol class="todo">{"".join(out)}</ol>'


def claim_data(row: ClaimRow) -> str:
    """The data attributes the filters and the sort read on a claim's row."""
    claim = row.claim
    specificity = claim.attribution.specificity if claim.attribution else "not-recorded"
    flags = " ".join(sorted({flag.code for flag in row.flags}))
    return (
        f' data-state="{row.state}" data-status="{claim.status}"'
        f' data-worthy="{"yes" if claim.check_worthy else "no"}"'
        f' data-attribution="{specificity}" data-flags="{escape(flags)}"'
    )


def _select(name: str, label: str, options: list[tuple[str, str]]) -> str:
    choices = "".join(
        f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options
    )
    return f'<label>{label} <select name="{name}">{choices}</select></label>'


def filters(doc: DocumentReport) -> str:
    """The filter, search and sort form of the claims table (hidden until the script runs)."""
    target = f"d{doc.index}-claims-table"
    rules: dict[str, str] = {}
    for row in doc.claims:
        for flag in row.flags:
            rules.setdefault(flag.code, rule_text(flag.code, flag.name).label)
    any_ = [("", "any")]
    fields = [
        '<label>Search <input type="search" name="q" placeholder="words in the claim or its'
        ' evidence"></label>',
        _select("state", "Sourcing", any_ + [(str(s), str(s)) for s in SourcingState]),
        _select("status", "Status", any_ + [(str(s), str(s)) for s in Status]),
        _select("flag", "Flag", any_ + sorted(rules.items())),
        _select("worthy", "Check-worthy", [*any_, ("yes", "check-worthy"), ("no", "opinion")]),
        _select(
            "attribution",
            "Attribution",
            any_ + [(str(s), str(s)) for s in Specificity] + [("not-recorded", "not recorded")],
        ),
        _select(
            "sort",
            "Sort by",
            [
                ("number", "order in the text"),
                ("state", "sourcing, gaps first"),
                ("status", "status, disputed first"),
                ("flags", "most flags first"),
            ],
        ),
        '<button type="reset">Clear</button>',
        f'<output aria-live="polite">{len(doc.claims)} of {len(doc.claims)} claims shown</output>',
    ]
    return (
        f'<form class="filters" data-for="{target}" hidden role="search"'
        f' aria-label="Filter the claims of {escape(doc.title)}">{"".join(fields)}</form>'
    )


def evidence(doc: DocumentReport, row: ClaimRow) -> str:
    """A claim's citations (source, date, stance, what it backs, quote, verification) and
    its confidence rationale, folded in a disclosure; empty when there is neither."""
    items = []
    for item in evidence_of(doc, row):
        marker = item.marker
        number = escape(marker.label)
        if marker.number is not None:
            number = f'<a href="#d{doc.index}-src-{marker.number}">{number}</a>'
        locator = f" · {escape(marker.locator)}" if marker.locator else ""
        quote = f"<blockquote>“{escape(marker.quote)}”</blockquote>" if marker.quote else ""
        items.append(
            f"<li>{number} <cite>{escape(item.title)}</cite>, {escape(item.issued)}"
            f" · {_stance(marker.stance)}"
            f" · backs {backs_text(marker.backs)}{locator}{quote}"
            f"<small>Quote: {escape(item.verification)}</small></li>"
        )
    confidence = row.claim.confidence
    rationale = confidence.rationale if confidence else None
    if not items and not rationale:
        return ""
    parts = []
    what = []
    if items:
        parts.append(f"<ol>{''.join(items)}</ol>")
        what.append(f"{len(items)} citation{'s' if len(items) != 1 else ''}")
    if rationale:
        parts.append(f"<p><b>Why this grading:</b> {escape(rationale)}</p>")
        what.append("rationale")
    summary = f"<summary>Evidence: {', '.join(what)}</summary>"
    return f'<details class="ev">{summary}{"".join(parts)}</details>'


def rule_label(finding: Finding, docs_url: str | None) -> str:
    """A finding's rule by code and name, linked to its page when the docs address is known."""
    rule = rule_text(finding.code, finding.name, docs_url)
    return link(rule.url, rule.label) if rule.url else escape(rule.label)


def _rule_words(finding: Finding, docs_url: str | None) -> str:
    summary = rule_text(finding.code, finding.name).summary
    return rule_label(finding, docs_url) + (f"<small>{escape(summary)}</small>" if summary else "")


def flag_list(row: ClaimRow, docs_url: str | None) -> str:
    """A claim's flags, one per rule, in words; empty when there is none."""
    seen: dict[str, Finding] = {}
    for flag in row.flags:
        seen.setdefault(flag.code, flag)
    if not seen:
        return ""
    items = "".join(f"<li>{_rule_words(seen[code], docs_url)}</li>" for code in sorted(seen))
    return f'<ul class="flags">{items}</ul>'


def source_claims(doc: DocumentReport, entry: BibEntry) -> str:
    """Every claim citing the source ``entry``, with stance, what it backs and the quote,
    folded in a disclosure whose summary lists the claim numbers."""
    uses = citing(doc, entry)
    if not uses:
        return " <small>(not cited)</small>"
    numbers = sorted({row.number for row, _ in uses})
    items = []
    previous = None
    for row, marker in uses:
        locator = f" · {escape(marker.locator)}" if marker.locator else ""
        quote = ""
        if marker.quote and marker.quote == previous:
            quote = "<small>The same quote as above.</small>"
        elif marker.quote:
            quote = f"<blockquote>“{escape(marker.quote)}”</blockquote>"
        previous = marker.quote
        items.append(
            f"<li>{_claim_link(doc, row)}: {escape(excerpt(row.claim.text))}"
            f" <small>— {_stance(marker.stance)},"
            f" backs {backs_text(marker.backs)}{locator}</small>{quote}</li>"
        )
    noun = "claim" if len(numbers) == 1 else "claims"
    return (
        f'<details class="cited"><summary>Cited by {len(numbers)} {noun}:'
        f" {', '.join(map(str, numbers))}</summary><ul>{''.join(items)}</ul></details>"
    )

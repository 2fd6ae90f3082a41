"""The citation report as one self-contained HTML file.

No external requests (inline CSS, inline SVG, no fonts or images fetched), no JavaScript, and
a Content-Security-Policy that forbids scripts outright, so nothing taken from a claim file can
run. Every value from a claim file passes through :func:`html.escape`; only http(s) URLs
become links. The article text is shown with each claim's anchor highlighted and coloured by
its sourcing state, each highlight linking to its row in the claims table and back.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from claimtrack._version import __version__
from claimtrack.findings import Finding
from claimtrack.render.report._links import safe_url
from claimtrack.render.report._text import attribution_text, confidence_text, header_fields, percent
from claimtrack.render.report.bibliography import BibEntry, Part
from claimtrack.render.report.chart import status_chart
from claimtrack.render.report.model import ClaimRow, DocumentReport, Report
from claimtrack.render.report.state import SourcingState
from claimtrack.render.report.summary import Coverage

__all__ = ["CONTENT_SECURITY_POLICY", "render_html"]

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

_STATE_HELP = {
    SourcingState.SOURCED: "a citation supports it",
    SourcingState.VAGUE: "only a vague attribution or a mention backs it",
    SourcingState.UNSOURCED: "nothing backs it",
    SourcingState.DISPUTED: "disputed or refuted",
}


@cache
def _stylesheet() -> str:
    return resources.files("claimtrack.render.report").joinpath("_style.css").read_text("utf-8")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _link(url: str | None, text: str, css: str | None = None) -> str:
    safe = safe_url(url)
    if safe is None:
        return _e(text)
    attributes = f' class="{css}"' if css else ""
    return f'<a{attributes} href="{_e(safe)}" rel="noopener noreferrer">{_e(text)}</a>'


def _ids(doc: DocumentReport) -> tuple[str, str, str]:
    prefix = f"d{doc.index}"
    return f"{prefix}-claim-", f"{prefix}-hl-", f"{prefix}-src-"


# --------------------------------------------------------------------------- article


def _segments(
    length: int, spans: list[tuple[int, int, ClaimRow]]
) -> Iterator[tuple[int, int, list[ClaimRow]]]:
    """Cut the text at every anchor boundary; each piece lists the anchors covering it, the
    outermost first (overlapping anchors become nested marks on split pieces)."""
    cuts = sorted({0, length, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    for start, end in itertools.pairwise(cuts):
        covering = [(s, e, row) for s, e, row in spans if s <= start and e >= end and start < end]
        covering.sort(key=lambda item: (item[0], -item[1], item[2].number))
        yield start, end, [row for _, _, row in covering]


def _article(doc: DocumentReport) -> str:
    row_id, hl_id, _ = _ids(doc)
    text = doc.text or ""
    spans = [
        (row.placement.start, row.placement.end, row)
        for row in doc.claims
        if row.placement is not None
    ]
    starts: dict[int, list[ClaimRow]] = {}
    for start, _, row in spans:
        starts.setdefault(start, []).append(row)
    out: list[str] = []
    for start, end, covering in _segments(len(text), spans):
        for row in starts.pop(start, []):
            out.append(
                f'<a class="cn {row.state}" id="{hl_id}{row.number}" href="#{row_id}{row.number}"'
                f' title="Claim {row.number}: {_e(row.claim.id)}">{row.number}</a>'
            )
        piece = _e(text[start:end])
        if not covering:
            out.append(piece)
            continue
        inner = covering[-1]
        opened = "".join(
            f'<mark class="{row.state}" data-claim="{_e(row.claim.id)}">' for row in covering
        )
        out.append(
            f'{opened}<a class="hl" href="#{row_id}{inner.number}"'
            f' title="{_e(inner.claim.text)}">{piece}</a>{"</mark>" * len(covering)}'
        )
    return '<div class="article" lang="{}">{}</div>'.format(
        _e(doc.claim_file.document.language or "") if doc.claim_file else "", "".join(out)
    )


# --------------------------------------------------------------------------- sections


def _legend() -> str:
    items = "".join(
        f'<li><span class="pill {state}">{state}</span> {_STATE_HELP[state]}</li>'
        for state in SourcingState
    )
    return f'<ul class="legend">{items}</ul>'


def _figures(figures: Coverage) -> str:
    total = figures.claims

    def share(count: int) -> str:
        return percent(count / total) if total else "n/a"

    cited = (
        f"{percent(figures.cited_share)} <small>({figures.check_worthy_cited} of"
        f" {figures.check_worthy})</small>"
    )
    kpis = (
        '<dl class="kpis">'
        f"<div><dt>Claims</dt><dd>{total}</dd></div>"
        f"<div><dt>Check-worthy</dt><dd>{figures.check_worthy}</dd></div>"
        f"<div><dt>Check-worthy with a citation</dt><dd>{cited}</dd></div>"
        f"<div><dt>Findings</dt><dd>{figures.flags}</dd></div>"
        "</dl>"
    )
    chart = f'<div class="chart">{status_chart(figures)}</div>' if total else ""
    groups = (
        ("Sourcing", figures.by_state),
        ("Attribution", figures.by_specificity),
        ("Likelihood", figures.by_likelihood),
        ("Analytic confidence", figures.by_analytic),
        ("Status", figures.by_status),
    )
    tables = []
    for label, counts in groups:
        body = "".join(
            f'<tr><th scope="row">{_e(key)}</th><td class="num">{count}</td>'
            f'<td class="num">{share(count)}</td></tr>'
            for key, count in counts.items()
            if count
        )
        if body:
            tables.append(f"<table><caption>{_e(label)}</caption><tbody>{body}</tbody></table>")
    if figures.flags_by_rule:
        body = "".join(
            f'<tr><th scope="row">{_e(rule.code)} {_e(rule.name)}</th>'
            f'<td class="sev-{_e(rule.severity)}">{_e(rule.severity)}</td>'
            f'<td class="num">{rule.count}</td></tr>'
            for rule in figures.flags_by_rule
        )
        tables.append(f"<table><caption>Findings by rule</caption><tbody>{body}</tbody></table>")
    return f'<div class="figures">{kpis}{chart}</div><div class="groups">{"".join(tables)}</div>'


def _markers(doc: DocumentReport, row: ClaimRow) -> str:
    _, _, src_id = _ids(doc)
    if not row.markers:
        return "none"
    items = []
    for marker in row.markers:
        label = _e(marker.label)
        if marker.number is not None:
            label = f'<a href="#{src_id}{marker.number}">{label}</a>'
        note = f' <span class="small">({_e(marker.note)})</span>' if marker.note else ""
        items.append(label + note)
    return "<br>".join(items)


def _claim_row(doc: DocumentReport, row: ClaimRow) -> str:
    row_id, hl_id, _ = _ids(doc)
    claim = row.claim
    where = (
        f'<a href="#{hl_id}{row.number}" class="small back">show in text</a>'
        if row.placement is not None
        else '<span class="small">not placed in the text</span>'
    )
    opinion = "" if claim.check_worthy else ' <span class="small">(opinion)</span>'
    flags = ", ".join(sorted({_e(flag.code) for flag in row.flags}))
    cells = [
        ("#", f"{row.number}<br>{where}"),
        (
            "Claim",
            f'{_e(claim.text)}{opinion}<span class="quote">“{_e(claim.anchor.exact)}”</span>'
            f'<span class="small">{_e(claim.id)} · {_e(str(claim.kind))}</span>',
        ),
        ("Attribution", _e(attribution_text(claim))),
        ("Confidence", _e(confidence_text(claim))),
        ("Status", _e(str(claim.status))),
        ("Sourcing", f'<span class="pill {row.state}">{row.state}</span>'),
        ("Citations", _markers(doc, row)),
        ("Flags", flags or "—"),
    ]
    tds = "".join(f'<td data-label="{label}">{content}</td>' for label, content in cells)
    return f'<tr id="{row_id}{row.number}">{tds}</tr>'


def _claims(doc: DocumentReport) -> str:
    if not doc.claims:
        return "<p>No claims recorded.</p>"
    head = "".join(
        f'<th scope="col">{name}</th>'
        for name in (
            "#",
            "Claim",
            "Attribution",
            "Confidence",
            "Status",
            "Sourcing",
            "Citations",
            "Flags",
        )
    )
    rows = "".join(_claim_row(doc, row) for row in doc.claims)
    return f'<table class="rows"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _finding_row(doc: DocumentReport, finding: Finding) -> str:
    row_id, _, _ = _ids(doc)
    loc = finding.location
    claim = ""
    if loc.claim_id:
        numbers = [row.number for row in doc.claims if row.claim.id == loc.claim_id]
        claim = (
            f'<a href="#{row_id}{numbers[0]}">{_e(loc.claim_id)}</a>'
            if numbers
            else _e(loc.claim_id)
        )
    hint = f'<br><span class="small">{_e(finding.hint)}</span>' if finding.hint else ""
    cells = [
        (
            "Severity",
            f'<span class="sev-{_e(str(finding.severity))}">{_e(str(finding.severity))}</span>',
        ),
        ("Rule", f"{_e(finding.code)} {_e(finding.name)}"),
        ("Where", f"{loc.line}:{loc.column}"),
        ("Claim", claim),
        ("Message", _e(finding.message) + hint),
    ]
    tds = "".join(f'<td data-label="{label}">{content}</td>' for label, content in cells)
    return f"<tr>{tds}</tr>"


def _findings(doc: DocumentReport) -> str:
    if not doc.findings:
        return "<p>No findings.</p>"
    head = "".join(
        f'<th scope="col">{name}</th>' for name in ("Severity", "Rule", "Where", "Claim", "Message")
    )
    rows = "".join(_finding_row(doc, finding) for finding in doc.findings)
    return f'<table class="rows"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _parts(parts: Iterable[Part]) -> str:
    return " ".join(_link(part.url, part.text) if part.url else _e(part.text) for part in parts)


def _bibliography(doc: DocumentReport, entries: tuple[BibEntry, ...]) -> str:
    if not entries:
        return "<p>No sources recorded.</p>"
    row_id, _, src_id = _ids(doc)
    items = []
    for entry in entries:
        citing = [
            row.number
            for row in doc.claims
            if any(marker.number == entry.number for marker in row.markers)
        ]
        back = (
            ' <span class="small">Cited by claim '
            + ", ".join(f'<a href="#{row_id}{n}">{n}</a>' for n in citing)
            + "</span>"
            if citing
            else ' <span class="small">(not cited)</span>'
        )
        primary = ' <span class="small">primary source</span>' if entry.source.primary else ""
        items.append(
            f'<li id="{src_id}{entry.number}" value="{entry.number}">'
            f"{_parts(entry.parts)}{primary}{back}</li>"
        )
    return f'<ol class="bib">{"".join(items)}</ol>'


def _document(doc: DocumentReport) -> str:
    parts = [f'<section id="d{doc.index}"><h2>{_e(doc.title)}</h2>']
    sub = "h3"
    if doc.claim_file is None:
        parts.append('<p class="note">The claim file could not be loaded; its findings follow.</p>')
    else:
        meta = "".join(
            f"<dt>{_e(label)}</dt><dd>{_link(link, text) if link else _e(text)}</dd>"
            for label, text, link in header_fields(doc.claim_file, doc.path)
        )
        parts.append(f'<dl class="meta">{meta}</dl>')
        parts.append(f"<{sub}>Coverage</{sub}>{_figures(doc.coverage)}")
        parts.append(f"<{sub}>Article</{sub}>{_legend()}")
        if doc.text is not None:
            parts.append(_article(doc))
        else:
            parts.append(
                f'<p class="note">The article text cannot be shown: {_e(doc.text_problem or "")}.'
                " The claims table quotes each anchor.</p>"
            )
        parts.append(f"<{sub}>Claims</{sub}>{_claims(doc)}")
    parts.append(f"<{sub}>Flags</{sub}>{_findings(doc)}")
    if doc.claim_file is not None:
        parts.append(f"<{sub}>Bibliography</{sub}>{_bibliography(doc, doc.bibliography)}")
    parts.append("</section>")
    return "".join(parts)


def _summary(report: Report) -> str:
    rows = "".join(
        f'<tr><td><a href="#d{doc.index}">{_e(doc.title)}</a></td>'
        f'<td class="num">{doc.coverage.claims}</td>'
        f'<td class="num">{percent(doc.coverage.cited_share)}</td>'
        f'<td class="num">{doc.coverage.by_state["unsourced"]}</td>'
        f'<td class="num">{doc.coverage.flags}</td></tr>'
        for doc in report.documents
    )
    table = (
        '<table><thead><tr><th scope="col">Document</th><th scope="col">Claims</th>'
        '<th scope="col">Cited (check-worthy)</th><th scope="col">Unsourced</th>'
        f'<th scope="col">Findings</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    return (
        f"<section><h2>Summary of {len(report.documents)} documents</h2>{table}"
        f"{_figures(report.summary)}</section>"
    )


def render_html(report: Report) -> str:
    """The whole report as one HTML5 document (UTF-8), ending in a newline."""
    single = len(report.documents) == 1
    title = "Citation report"
    page_title = f"{title}: {report.documents[0].title}" if single else title
    language = "en"
    if single and report.documents[0].claim_file is not None:
        language = report.documents[0].claim_file.document.language or "en"
    body = (
        _document(report.documents[0])
        if single
        else _summary(report) + "".join(_document(doc) for doc in report.documents)
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="claimtrack {_e(__version__)}">\n'
        f"<title>{_e(page_title)}</title>\n<style>\n{_stylesheet()}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{_e(title)}</h1>\n{body}\n</main>\n</body>\n</html>\n"
    )

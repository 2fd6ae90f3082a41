"""The citation report as one self-contained HTML file.

No external requests (inline CSS, inline SVG, no fonts or images fetched), and a
Content-Security-Policy that allows only the page's own stylesheet and its one small filter
script, each by its SHA-256 hash, so nothing taken from a claim file can run. Every value
from a claim file passes through :func:`html.escape`; only http(s) URLs become links. The
article text is shown with each claim's anchor highlighted by its sourcing state (colour
and underline style; opinion muted), each highlight linking to its row in the claims table
and back. Each row folds away its evidence; a to-do list on top links to the claims to check
first; every source lists the claims citing it. Without scripts, everything is shown.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources

from claimtrack._version import __version__
from claimtrack.findings import Finding
from claimtrack.render.report._markup import escape as _e
from claimtrack.render.report._markup import link as _link
from claimtrack.render.report._text import (
    CLAIM_COLUMNS,
    attribution_text,
    confidence_text,
    header_fields,
    percent,
)
from claimtrack.render.report.bibliography import BibEntry, Part
from claimtrack.render.report.chart import status_chart
from claimtrack.render.report.html_parts import (
    SECTIONS,
    claim_data,
    contents,
    csp_hash,
    evidence,
    filters,
    flag_list,
    rule_label,
    script,
    source_claims,
    todo,
)
from claimtrack.render.report.model import ClaimRow, DocumentReport, Report
from claimtrack.render.report.slots import Slots
from claimtrack.render.report.state import SourcingState
from claimtrack.render.report.summary import CoverageFigures

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "document_section",
    "figures_section",
    "html_page",
    "render_html",
    "summary_section",
]

_STATE_HELP = {
    SourcingState.SOURCED: "a citation supports it (solid underline, ✓)",
    SourcingState.VAGUE: "only a vague attribution or a mention backs it (dashed, ≈)",
    SourcingState.UNSOURCED: "nothing backs it (wavy, !)",
    SourcingState.DISPUTED: "disputed or refuted (double, ✗)",
}


_EMPTY = ' class="empty"'

#: The columns of the findings table. On a phone each row of it and of the claims table becomes
#: a card whose cells the stylesheet labels with the column names
#: (``table.claims td:nth-child(N)::before``).
FINDING_COLUMNS = ("Severity", "Rule", "Where", "Claim", "Message")


@cache
def _stylesheet() -> str:
    return resources.files("claimtrack.render.report").joinpath("_style.css").read_text("utf-8")


def _style_element_text() -> str:
    return f"\n{_stylesheet()}"


def _policy(style: str) -> str:
    """The Content-Security-Policy of a page whose one style element holds ``style``."""
    return (
        f"default-src 'none'; style-src {csp_hash(style)};"
        f" script-src {csp_hash(script())}; img-src data:; base-uri 'none'; form-action 'none'"
    )


CONTENT_SECURITY_POLICY = _policy(_style_element_text())


def _ids(doc: DocumentReport) -> tuple[str, str, str]:
    prefix = f"d{doc.index}"
    return f"{prefix}-claim-", f"{prefix}-hl-", f"{prefix}-src-"


# --------------------------------------------------------------------------- article


def _css(row: ClaimRow) -> str:
    """The classes of a claim's highlight: its state, and ``opinion`` when it is not
    check-worthy (muted, never coloured as a gap)."""
    return f"{row.state}" if row.claim.check_worthy else f"{row.state} opinion"


def _state_words(row: ClaimRow) -> str:
    return f"{row.state}" if row.claim.check_worthy else f"opinion, {row.state}"


def _segments(
    length: int, spans: list[tuple[int, int, ClaimRow]]
) -> Iterator[tuple[int, int, list[ClaimRow]]]:
    """Cut the text at every anchor boundary; each piece lists the anchors covering it, the
    outermost first (overlapping anchors become nested marks on split pieces). One sweep
    over the boundaries: the anchors open at a piece are those started and not yet ended."""
    cuts = sorted({0, length, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for number, (start, end, _row) in enumerate(spans):
        if start < end:
            starting.setdefault(start, []).append(number)
            ending.setdefault(end, []).append(number)
    open_now: dict[int, None] = {}
    for start, end in itertools.pairwise(cuts):
        for number in ending.get(start, ()):
            open_now.pop(number, None)
        for number in starting.get(start, ()):
            open_now[number] = None
        covering = sorted(
            (spans[number] for number in open_now),
            key=lambda item: (item[0], -item[1], item[2].number),
        )
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
                f'<a class="cn {_css(row)}" id="{hl_id}{row.number}" href="#{row_id}{row.number}"'
                f' title="Claim {row.number} ({_state_words(row)}): {_e(row.claim.id)}">'
                f"{row.number}</a>"
            )
        piece = _e(text[start:end])
        if not covering:
            out.append(piece)
            continue
        inner = covering[-1]
        opened = "".join(
            f'<mark class="{_css(row)}" data-claim="{_e(row.claim.id)}">' for row in covering
        )
        out.append(
            f'{opened}<a class="hl" href="#{row_id}{inner.number}"'
            f' title="Claim {inner.number}">{piece}</a>{"</mark>" * len(covering)}'
        )
    # dir="auto": an article in Arabic, Hebrew or Persian reads right to left, as its first
    # letter says, inside a page whose own furniture stays left to right.
    return '<div class="article" lang="{}" dir="auto">{}</div>'.format(
        _e(doc.claim_file.document.language or "") if doc.claim_file else "", "".join(out)
    )


# --------------------------------------------------------------------------- sections


def _legend() -> str:
    items = "".join(
        f'<li><mark class="{state}">{state}</mark> {_STATE_HELP[state]}</li>'
        for state in SourcingState
    )
    opinion = (
        '<li><mark class="unsourced opinion">opinion</mark> not check-worthy (a judgement or'
        " opinion): muted and dotted, never counted as a gap</li>"
    )
    return f'<ul class="legend" aria-label="Legend">{items}{opinion}</ul>'


def _figures(figures: CoverageFigures) -> str:
    total = figures.claims

    def share(count: int) -> str:
        return percent(count / total) if total else "n/a"

    cited = (
        f"{percent(figures.cited_share)} <small>{figures.check_worthy_cited} of the"
        f" {figures.check_worthy} check-worthy claims</small>"
    )
    sourced = (
        f"{share(figures.by_state['sourced'])} <small>{figures.by_state['sourced']} of all"
        f" {total} claims</small>"
    )
    kpis = (
        '<dl class="kpis">'
        f"<div><dt>Claims</dt><dd>{total}</dd></div>"
        f"<div><dt>Check-worthy</dt><dd>{figures.check_worthy}</dd></div>"
        f"<div><dt>Check-worthy with a citation</dt><dd>{cited}</dd></div>"
        f"<div><dt>Sourced (a citation supports it)</dt><dd>{sourced}</dd></div>"
        f"<div><dt>Findings</dt><dd>{figures.flags}</dd></div>"
        "</dl>"
    )
    bases = (
        '<p class="small bases">“With a citation” counts check-worthy claims that cite any'
        " source, even one that only mentions or disputes them; “sourced” and the tables below"
        " count all claims, opinion included, by their sourcing state.</p>"
    )
    chart = (
        f'<figure class="chart">{status_chart(figures)}<figcaption>Claims by status (one bar'
        " each); the bar's length is the number of claims, its segments their sourcing"
        " state.</figcaption></figure>"
        if total
        else ""
    )
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
            head = (
                f'<thead><tr><th scope="col">{_e(label)}</th><th scope="col">Claims</th>'
                f'<th scope="col">% of {total}</th></tr></thead>'
            )
            tables.append(
                f"<table><caption>{_e(label)}</caption>{head}<tbody>{body}</tbody></table>"
            )
    if figures.flags_by_rule:
        body = "".join(
            f'<tr><th scope="row">{_e(rule.code)} {_e(rule.name)}</th>'
            f'<td class="sev-{_e(rule.severity)}">{_e(rule.severity)}</td>'
            f'<td class="num">{rule.count}</td></tr>'
            for rule in figures.flags_by_rule
        )
        body = (
            '<thead><tr><th scope="col">Rule</th><th scope="col">Severity</th>'
            f'<th scope="col">Findings</th></tr></thead><tbody>{body}'
        )
        tables.append(f"<table><caption>Findings by rule</caption>{body}</tbody></table>")
    return (
        f'<div class="figures">{kpis}{chart}</div>{bases}'
        f'<div class="groups">{"".join(tables)}</div>'
    )


def figures_section(figures: CoverageFigures) -> str:
    """The coverage figures (key figures, the status chart, the counts by group) as HTML."""
    return _figures(figures)


def _markers(doc: DocumentReport, row: ClaimRow) -> str:
    _, _, src_id = _ids(doc)
    if not row.markers:
        return "none"
    items = []
    for marker in row.markers:
        label = _e(marker.label)
        if marker.number is not None:
            label = f'<a href="#{src_id}{marker.number}">{label}</a>'
        note = f" <small>({_e(marker.note)})</small>" if marker.note else ""
        items.append(label + note)
    return "<br>".join(items)


def _sourcing(row: ClaimRow) -> str:
    if row.claim.check_worthy:
        return f'<span class="pill {row.state}">{row.state}</span>'
    return f'<span class="pill opinion">opinion</span> <small>{row.state}</small>'


def _claim_row(doc: DocumentReport, row: ClaimRow, docs_url: str | None, slots: Slots) -> str:
    row_id, hl_id, _ = _ids(doc)
    claim = row.claim
    where = (
        f'<a href="#{hl_id}{row.number}" class="back">show in text</a>'
        if row.placement is not None
        else "<small>not placed in the text</small>"
    )
    opinion = "" if claim.check_worthy else " <small>(opinion)</small>"
    flags = flag_list(row, docs_url)
    graded = claim.confidence is not None and (
        claim.confidence.likelihood is not None or claim.confidence.analytic is not None
    )
    # One cell per CLAIM_COLUMNS entry: content, and whether the field is empty (empty
    # fields are skipped on a phone, where the stylesheet labels each cell).
    cells = [
        (f"{row.number}<br>{where}", False),
        (
            f'{_e(claim.text)}{opinion}<span class="quote">“{_e(claim.anchor.exact)}”</span>'
            f"<small>{_e(claim.id)} · {_e(str(claim.kind))}</small>"
            f"{evidence(doc, row)}{slots.claims.get(row.number, '')}",
            False,
        ),
        (_e(attribution_text(claim)), claim.attribution is None),
        (_e(confidence_text(claim)), not graded),
        (_e(str(claim.status)), False),
        (_sourcing(row), False),
        (_markers(doc, row), False),
        (flags or "—", not flags),
    ]
    tds = "".join(f"<td{_EMPTY if empty else ''}>{content}</td>" for content, empty in cells)
    return f'<tr id="{row_id}{row.number}"{claim_data(row)}>{tds}</tr>'


def _claims(doc: DocumentReport, docs_url: str | None, slots: Slots) -> str:
    if not doc.claims:
        return "<p>No claims recorded.</p>"
    head = "".join(f'<th scope="col">{name}</th>' for name in CLAIM_COLUMNS)
    rows = "".join(_claim_row(doc, row, docs_url, slots) for row in doc.claims)
    return (
        f'{filters(doc)}<table class="rows claims" id="d{doc.index}-claims-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def _finding_row(
    doc: DocumentReport, finding: Finding, numbers: dict[str, int], docs_url: str | None
) -> str:
    row_id, _, _ = _ids(doc)
    loc = finding.location
    claim = ""
    if loc.claim_id:
        number = numbers.get(loc.claim_id)
        claim = (
            f'<a href="#{row_id}{number}">{_e(loc.claim_id)}</a>'
            if number is not None
            else _e(loc.claim_id)
        )
    hint = f"<br><small>{_e(finding.hint)}</small>" if finding.hint else ""
    cells = [
        f'<span class="sev-{_e(str(finding.severity))}">{_e(str(finding.severity))}</span>',
        rule_label(finding, docs_url),
        f"{loc.line}:{loc.column}",
        claim,
        _e(finding.message) + hint,
    ]
    tds = "".join(f"<td>{content}</td>" for content in cells)
    return f"<tr>{tds}</tr>"


def _findings(doc: DocumentReport, docs_url: str | None) -> str:
    if not doc.findings:
        return "<p>No findings.</p>"
    head = "".join(f'<th scope="col">{name}</th>' for name in FINDING_COLUMNS)
    numbers: dict[str, int] = {}
    for row in doc.claims:  # the first row of each id, found once
        numbers.setdefault(row.claim.id, row.number)
    rows = "".join(_finding_row(doc, finding, numbers, docs_url) for finding in doc.findings)
    return (
        f'<table class="rows findings"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _parts(parts: Iterable[Part]) -> str:
    return " ".join(_link(part.url, part.text) if part.url else _e(part.text) for part in parts)


def _bibliography(doc: DocumentReport, entries: tuple[BibEntry, ...], slots: Slots) -> str:
    if not entries:
        return "<p>No sources recorded.</p>"
    _, _, src_id = _ids(doc)
    items = []
    for entry in entries:
        primary = " <small>primary source</small>" if entry.source.primary else ""
        items.append(
            f'<li id="{src_id}{entry.number}" value="{entry.number}">'
            f"{_parts(entry.parts)}{primary}{slots.sources.get(entry.number, '')}"
            f"{source_claims(doc, entry)}</li>"
        )
    return f'<ol class="bib">{"".join(items)}</ol>'


def _section(doc: DocumentReport, key: str, body: str) -> str:
    title = dict(SECTIONS)[key]
    return f'<section id="d{doc.index}-{key}" class="part"><h3>{title}</h3>{body}</section>'


def document_section(
    doc: DocumentReport, docs_url: str | None = None, slots: Slots | None = None
) -> str:
    """One document's whole report as a ``<section>``: header, contents, to-do list,
    coverage, article, claims, flags and sources (reusable on any page, which may add
    links of its own in the ``slots``)."""
    slots = slots or Slots()
    parts = [f'<section id="d{doc.index}"><h2>{_e(doc.title)}</h2>{slots.header}']
    if doc.claim_file is None:
        parts.append('<p class="note">The claim file could not be loaded; its findings follow.</p>')
    else:
        meta = "".join(
            f"<dt>{_e(label)}</dt><dd>{_link(link, text) if link else _e(text)}</dd>"
            for label, text, link in header_fields(doc.claim_file, doc.path)
        )
        parts.append(f'<dl class="meta">{meta}</dl>{contents(doc)}')
        parts.append(_section(doc, "todo", todo(doc)))
        parts.append(_section(doc, "coverage", _figures(doc.coverage)))
        if doc.text is not None:
            article = _article(doc)
        else:
            article = (
                f'<p class="note">The article text cannot be shown: {_e(doc.text_problem or "")}.'
                " The claims table quotes each anchor.</p>"
            )
        parts.append(_section(doc, "article", _legend() + article))
        parts.append(_section(doc, "claims", _claims(doc, docs_url, slots)))
    parts.append(_section(doc, "flags", _findings(doc, docs_url)))
    if doc.claim_file is not None:
        parts.append(_section(doc, "sources", _bibliography(doc, doc.bibliography, slots)))
    parts.append("</section>")
    return "".join(parts)


def summary_section(report: Report) -> str:
    """The summary of a report of several documents: one row per document (linking to its
    section), and the figures added up."""
    rows = "".join(
        f'<tr><td data-label="Document"><a href="#d{doc.index}">{_e(doc.title)}</a></td>'
        f'<td class="num" data-label="Claims">{doc.coverage.claims}</td>'
        f'<td class="num" data-label="Check-worthy with a citation">'
        f"{percent(doc.coverage.cited_share)}</td>"
        f'<td class="num" data-label="Unsourced">{doc.coverage.by_state["unsourced"]}</td>'
        f'<td class="num" data-label="Findings">{doc.coverage.flags}</td></tr>'
        for doc in report.documents
    )
    table = (
        '<table class="rows"><thead><tr><th scope="col">Document</th><th scope="col">Claims</th>'
        '<th scope="col">Check-worthy with a citation (% of its check-worthy claims)</th>'
        '<th scope="col">Unsourced (claims)</th>'
        f'<th scope="col">Findings</th></tr></thead><tbody>{rows}</tbody></table>'
    )
    return (
        f"<section><h2>Summary of {len(report.documents)} documents</h2>{table}"
        f"{_figures(report.summary)}</section>"
    )


def render_html(report: Report, docs_url: str | None = None) -> str:
    """The whole report as one HTML5 document (UTF-8), ending in a newline.

    ``docs_url`` is where the documentation site is published; when given, every flag links
    to its rule's page there.
    """
    single = len(report.documents) == 1
    title = "Citation report"
    page_title = f"{title}: {report.documents[0].title}" if single else title
    language = "en"
    if single and report.documents[0].claim_file is not None:
        language = report.documents[0].claim_file.document.language or "en"
    body = (
        document_section(report.documents[0], docs_url)
        if single
        else summary_section(report)
        + "".join(document_section(doc, docs_url) for doc in report.documents)
    )
    return html_page(page_title, language, f"<h1>{_e(title)}</h1>\n{body}")


def html_page(page_title: str, language: str, main: str, *, style: str = "", nav: str = "") -> str:
    """A whole HTML5 page (UTF-8, ending in a newline) around the content ``main``: the
    report's stylesheet followed by ``style``, the filter script, and a Content-Security-Policy
    allowing exactly those two; ``nav`` (HTML) comes before the page's main content."""
    style_text = _style_element_text() + style
    policy = CONTENT_SECURITY_POLICY if not style else _policy(style_text)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(language)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="claimtrack {_e(__version__)}">\n'
        f"<title>{_e(page_title)}</title>\n<style>{style_text}</style>\n</head>\n"
        f"<body>\n{nav}<main>\n{main}\n</main>\n"
        f"<script>{script()}</script>\n</body>\n</html>\n"
    )

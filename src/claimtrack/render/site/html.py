"""A corpus site as HTML pages: the file name of each page and its text.

Every page is self-contained as the one-page report is (inline stylesheet and script, each
allowed by its hash in the page's Content-Security-Policy; nothing fetched) and links only
to other pages of the site, by relative address, or to a source's own http(s) URL. The pages
sit in three folders below the index, so that every link from a page of a folder to another
is ``../folder/name.html``:

- ``index.html``: the documents, with their coverage, findings, statuses and last change;
- ``documents/<slug>.html``: one document's report, linking to its sources' and repeated
  claims' pages, with "also claimed in" under each claim another document makes too;
- ``sources/index.html`` and ``sources/<slug>.html``: each source, with every claim of every
  document citing it;
- ``claims/index.html`` and ``claims/<slug>.html``: each claim several documents make.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence

from claimtrack.render.report._markup import escape as _e
from claimtrack.render.report._markup import link as _link
from claimtrack.render.report._text import percent
from claimtrack.render.report.evidence import backs_text
from claimtrack.render.report.html import document_section, figures_section, html_page
from claimtrack.render.report.html_parts import excerpt
from claimtrack.render.report.model import DocumentReport
from claimtrack.render.report.slots import Slots
from claimtrack.render.report.verification import verification_label
from claimtrack.render.site.model import (
    ClaimPlace,
    Corpus,
    DocumentPage,
    Placed,
    RepeatPage,
    Site,
    SourcePage,
    SourceUse,
)

__all__ = ["corpus_pages", "document_template", "fill_document", "index_page", "render_site"]

_TITLE = "Citation report"
#: Places of a repeated claim listed under it on a document's page; its own page lists all.
_ALSO_SHOWN = 5
_PLACEHOLDER = re.compile("\0([cs][0-9]+)\0")
_STYLE = """
nav.site{max-width:72rem;margin:0 auto .6rem}
nav.site ul{display:flex;flex-wrap:wrap;gap:.2rem 1.2rem;list-style:none;margin:0;padding:0}
nav.site a[aria-current=page]{font-weight:700;color:var(--ink)}
p.also{margin:.35rem 0 0;font-size:.9rem}
p.corpus{margin:.15rem 0 0;font-size:.9rem}
"""


def _nav(up: str, current: str) -> str:
    items = []
    for key, href, text in (
        ("documents", f"{up}index.html", "Documents"),
        ("sources", f"{up}sources/index.html", "Sources"),
        ("claims", f"{up}claims/index.html", "Repeated claims"),
    ):
        mark = ' aria-current="page"' if key == current else ""
        items.append(f'<li><a href="{href}"{mark}>{text}</a></li>')
    return f'<nav class="site" aria-label="Site"><ul>{"".join(items)}</ul></nav>\n'


def _page(title: str, main: str, up: str, current: str, language: str = "en") -> str:
    return html_page(title, language, main, style=_STYLE, nav=_nav(up, current))


def _cell(label: str, content: str, css: str = "") -> str:
    attributes = f' class="{css}"' if css else ""
    return f'<td{attributes} data-label="{label}">{content}</td>'


def _table(caption: str, columns: tuple[str, ...], rows: list[str]) -> str:
    head = "".join(f'<th scope="col">{name}</th>' for name in columns)
    return (
        f'<table class="rows"><caption>{caption}</caption><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return "unknown"
    utc = moment.astimezone(dt.UTC)
    return f'<time datetime="{utc:%Y-%m-%dT%H:%M:%SZ}">{utc:%Y-%m-%d %H:%M} UTC</time>'


# --------------------------------------------------------------------------- index


_INDEX_COLUMNS = (
    "Document",
    "Claims",
    "Check-worthy with a citation",
    "Unsourced",
    "Open flags",
    "Errors",
    "Statuses",
    "Last change",
)


def _index(site: Site | Corpus) -> str:
    rows = []
    for row in site.index:
        statuses = ", ".join(f"{count} {_e(status)}" for status, count in row.statuses) or "none"
        cells = (
            _cell(
                "Document",
                f'<a href="documents/{row.slug}.html">{_e(row.title)}</a>'
                f"<br><small>{_e(row.path)}</small>",
            ),
            _cell("Claims", str(row.claims), "num"),
            _cell("With a citation", percent(row.cited_share), "num"),
            _cell("Unsourced", str(row.unsourced), "num"),
            _cell("Open flags", str(row.flags), "num"),
            _cell("Errors", str(row.errors), "num sev-error" if row.errors else "num"),
            _cell("Statuses", statuses),
            _cell("Last change", _when(row.last_change)),
        )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    count = len(site.index)
    intro = (
        f"<p>{count} document{'s' if count != 1 else ''}, {len(site.sources)} sources"
        f' (<a href="sources/index.html">all sources</a>), {len(site.repeats)} claims made by'
        f' more than one document (<a href="claims/index.html">repeated claims</a>).'
        " “Open flags” counts the findings below error severity not suppressed; the last"
        " change is the last commit of a file committed and unchanged since, else its"
        " modification time.</p>"
    )
    table = _table("Documents", _INDEX_COLUMNS, rows)
    main = (
        f"<h1>{_TITLE}: {count} documents</h1>\n{intro}{table}"
        f"<section><h2>All documents together</h2>{figures_section(site.summary)}</section>"
    )
    return _page(f"{_TITLE}: {count} documents", main, "", "documents")


# --------------------------------------------------------------------------- documents


def _also(slug: str, repeat: RepeatPage, number: int) -> str:
    others = [
        place
        for place in repeat.places
        if not (place.document_slug == slug and place.row.number == number)
    ]
    links = ", ".join(
        f'<a href="{place.href}">{_e(place.document_title)}</a>'
        + ("" if place.document_slug != slug else " <small>(this document)</small>")
        for place in others[:_ALSO_SHOWN]
    )
    more = len(others) - _ALSO_SHOWN
    rest = f" and {more} more" if more > 0 else ""
    return (
        f'<p class="also">Also claimed in: {links}{rest}'
        f' · <a href="../claims/{repeat.slug}.html">the repeated claim</a></p>'
    )


def document_template(doc: DocumentReport, docs_url: str | None = None) -> str:
    """The page of the document ``doc`` with a placeholder where each claim and each
    source gets its links to the rest of the site (:func:`fill_document` puts them in). It
    depends on this document alone, so it can be made where the document is checked."""
    claims = {row.number: f"\0c{row.number}\0" for row in doc.claims}
    entries = {entry.number: f"\0s{entry.number}\0" for entry in doc.bibliography}
    section = document_section(doc, docs_url, Slots(claims=claims, sources=entries))
    language = "en"
    if doc.claim_file is not None:
        language = doc.claim_file.document.language or "en"
    main = f"<h1>{_TITLE}</h1>\n{section}"
    return _page(f"{_TITLE}: {doc.title}", main, "../", "documents", language)


def fill_document(
    template: str,
    page: DocumentPage | Placed,
    page_repeats: Mapping[int, str],
    repeats: Mapping[str, RepeatPage],
    sources: Mapping[str, int],
) -> str:
    """The document's page: its :func:`document_template` with every placeholder replaced
    by the claim's "also claimed in" line (``page_repeats``: the repeated-claim page of
    each claim row that has one), the source's link to its page, or nothing.
    (Placeholders hold a NUL character, which the page never does: every value from a claim
    file is escaped, control characters shown visibly.)"""
    links: dict[str, str] = {}
    for number, slug in page_repeats.items():
        links[f"c{number}"] = _also(page.slug, repeats[slug], number)
    for number, slug in page.sources.items():
        documents = sources[slug]
        where = f"in {documents} documents" if documents > 1 else "in this document only"
        links[f"s{number}"] = (
            f'<p class="corpus"><a href="../sources/{slug}.html">This source across the'
            f" corpus</a> <small>(recorded {where})</small></p>"
        )
    return _PLACEHOLDER.sub(lambda match: links.get(match.group(1), ""), template)


# --------------------------------------------------------------------------- sources


def _claim_cell(place: ClaimPlace) -> str:
    return _cell(
        "Claim",
        f'<a href="{place.href}">Claim {place.row.number}</a>: {_e(excerpt(place.row.claim.text))}'
        f"<br><small>{_e(place.row.claim.id)}</small>",
    )


def _document_cell(place: ClaimPlace) -> str:
    return _cell(
        "Document",
        f'<a href="../documents/{place.document_slug}.html">{_e(place.document_title)}</a>',
    )


def _use_row(use: SourceUse) -> str:
    marker = use.marker
    quote = f"<blockquote>“{_e(marker.quote)}”</blockquote>" if marker.quote else ""
    checked = verification_label(marker.verification) if marker.quote else "no quote recorded"
    locator = f" · {_e(marker.locator)}" if marker.locator else ""
    cells = (
        _document_cell(use.place),
        _claim_cell(use.place),
        _cell("Stance", f"<b>{_e(str(marker.stance))}</b>{locator}"),
        _cell("Backs", _e(backs_text(marker.backs))),
        _cell("Quote", f"{quote}<small>{_e(checked)}</small>"),
    )
    return f"<tr>{''.join(cells)}</tr>"


def _source(page: SourcePage) -> str:
    entry = page.entry
    reference = " ".join(
        _link(part.url, part.text) if part.url else _e(part.text) for part in entry.parts
    )
    recorded = "".join(
        f'<li><a href="../documents/{slug}.html">{_e(title)}</a>'
        f" <small>as [{record.number}], id {_e(record.source.id)}</small></li>"
        for slug, title, record in page.records
    )
    if page.uses:
        uses = _table(
            f"Citations ({len(page.uses)})",
            ("Document", "Claim", "Stance", "Backs", "Quote and its check"),
            [_use_row(use) for use in page.uses],
        )
    else:
        uses = "<p>No claim cites this source.</p>"
    main = (
        f"<h1>{_e(entry.source.title)}</h1>\n<p>{reference}</p>"
        f"<h2>Recorded in {page.documents} document{'s' if page.documents != 1 else ''}</h2>"
        f"<ul>{recorded}</ul><h2>Claims citing it</h2>{uses}"
    )
    return _page(f"Source: {entry.source.title}", main, "../", "sources")


def _sources_index(site: Site | Corpus) -> str:
    ordered = sorted(site.sources, key=lambda page: (-page.documents, -len(page.uses), page.slug))
    rows = [
        "<tr>"
        + _cell("Source", f'<a href="{page.slug}.html">{_e(page.entry.source.title)}</a>')
        + _cell("Documents", str(page.documents), "num")
        + _cell("Citations", str(len(page.uses)), "num")
        + "</tr>"
        for page in ordered
    ]
    body = (
        _table("Sources, the most widely used first", ("Source", "Documents", "Citations"), rows)
        if rows
        else "<p>No document records a source.</p>"
    )
    return _page("Sources", f"<h1>Sources</h1>\n{body}", "../", "sources")


# --------------------------------------------------------------------------- repeated claims


def _repeat(page: RepeatPage) -> str:
    rows = []
    for place in page.places:
        claim = place.row.claim
        cells = (
            _document_cell(place),
            _claim_cell(place),
            _cell("Status", _e(str(claim.status))),
            _cell("Sourcing", f'<span class="pill {place.row.state}">{place.row.state}</span>'),
            _cell("Citations", str(len(place.row.markers)), "num"),
        )
        rows.append(f"<tr>{''.join(cells)}</tr>")
    documents = len({place.document_slug for place in page.places})
    table = _table(
        f"Made in {documents} documents",
        ("Document", "Claim", "Status", "Sourcing", "Citations"),
        rows,
    )
    titles = {(p.path, p.row.claim.id): p for p in page.places}
    links = "".join(
        f"<li>{_e(titles[link.claim.path, link.claim.claim_id].document_title)}"
        f" ({_e(link.claim.claim_id)}) and"
        f" {_e(titles[link.other.path, link.other.claim_id].document_title)}"
        f" ({_e(link.other.claim_id)}): {_e(link.how)}</li>"
        for link in page.links
    )
    main = (
        f"<h1>Repeated claim</h1>\n<p><q>{_e(page.title)}</q></p>{table}"
        f"<h2>Why these claims are one</h2><ul>{links}</ul>"
    )
    return _page(f"Repeated claim: {excerpt(page.title)}", main, "../", "claims")


def _repeats_index(site: Site | Corpus) -> str:
    rows = [
        "<tr>"
        + _cell("Claim", f'<a href="{page.slug}.html">{_e(excerpt(page.title))}</a>')
        + _cell("Documents", str(len({p.document_slug for p in page.places})), "num")
        + "</tr>"
        for page in site.repeats
    ]
    body = (
        _table("Claims made by more than one document", ("Claim", "Documents"), rows)
        if rows
        else "<p>No claim is made by more than one document.</p>"
    )
    return _page("Repeated claims", f"<h1>Repeated claims</h1>\n{body}", "../", "claims")


def render_site(
    site: Site, docs_url: str | None = None, templates: Sequence[str] | None = None
) -> Iterator[tuple[str, str]]:
    """Every page of ``site``: its file name (POSIX, relative to the site's folder) and its
    text, the index first. With ``docs_url`` (where the documentation is published) every
    flag links to its rule's page. ``templates`` are the documents' pages made beforehand
    by :func:`document_template` with the same ``docs_url``, in the site's order (made here
    when not given)."""
    yield "index.html", index_page(site)
    repeats = {page.slug: page for page in site.repeats}
    sources = {page.slug: page.documents for page in site.sources}
    for number, page in enumerate(site.documents):
        template = (
            templates[number] if templates is not None else document_template(page.report, docs_url)
        )
        text = fill_document(template, page, page.repeats, repeats, sources)
        yield f"documents/{page.slug}.html", text
    yield from corpus_pages(site)


def corpus_pages(site: Site | Corpus) -> Iterator[tuple[str, str]]:
    """The pages of ``site`` across documents (the list and page of each source and of each
    repeated claim): each file name and text."""
    yield "sources/index.html", _sources_index(site)
    for source in site.sources:
        yield f"sources/{source.slug}.html", _source(source)
    yield "claims/index.html", _repeats_index(site)
    for repeat in site.repeats:
        yield f"claims/{repeat.slug}.html", _repeat(repeat)


def index_page(site: Site | Corpus) -> str:
    """The site's front page: the documents, their figures and the corpus's together."""
    return _index(site)

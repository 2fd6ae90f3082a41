"""The pages of a corpus site, computed once from a report of many documents.

:func:`build_site` takes the citation report (:func:`claimtrack.render.report.build_report`)
of every claim file, the links between repeated claims
(:func:`claimtrack.render.site.repeats.repeat_links`) and when each file last changed, and
decides every page: its file name (a slug, unique in its folder), what it lists, and the
links between pages. The renderer (:mod:`claimtrack.render.site.html`) only formats it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence

import attrs

from claimtrack.corpus.match import ClaimRef
from claimtrack.findings import Finding, Severity
from claimtrack.model import Claim
from claimtrack.render.report.bibliography import BibEntry
from claimtrack.render.report.model import ClaimRow, DocumentReport, Marker, Report
from claimtrack.render.report.summary import CoverageFigures, merge
from claimtrack.render.site.identity import source_key
from claimtrack.render.site.repeats import RepeatLink, group_links
from claimtrack.render.site.slugs import Slugs

__all__ = [
    "ClaimPlace",
    "Corpus",
    "DocumentPage",
    "IndexRow",
    "Placed",
    "RepeatPage",
    "Site",
    "SiteCollector",
    "SourcePage",
    "SourceUse",
    "build_site",
    "collected",
]


@attrs.frozen(kw_only=True)
class IndexRow:
    """One document as the index lists it."""

    slug: str
    title: str
    path: str
    claims: int
    cited_share: float | None
    unsourced: int
    flags: int
    errors: int
    statuses: tuple[tuple[str, int], ...]
    last_change: dt.datetime | None


@attrs.frozen(kw_only=True)
class ClaimPlace:
    """A claim of one document of the site: the document's page and the claim's row."""

    document_slug: str
    document_title: str
    #: The document's number in the report, which its page's anchors carry (``d3-claim-7``).
    document_index: int
    #: The claim's row as the pages across documents list it (in a site built by
    #: :class:`SiteCollector`, without its flags, placement and the claim's fields those
    #: pages do not show: its id, words, kind, anchor and status are kept).
    row: ClaimRow
    path: str

    @property
    def href(self) -> str:
        """The claim's row on its document's page, from any page one folder down."""
        return (
            f"../documents/{self.document_slug}.html#d{self.document_index}-claim-{self.row.number}"
        )


@attrs.frozen(kw_only=True)
class SourceUse:
    """One citation of a source: the claim making it, and the citation as the report shows
    it (stance, what it backs, locator, quote and its verification)."""

    place: ClaimPlace
    marker: Marker


@attrs.frozen(kw_only=True)
class SourcePage:
    """One source of the corpus, with every claim of every document that cites it."""

    key: str
    slug: str
    #: Each document's record of the source (a document may record it twice, under two ids),
    #: with the document's page.
    records: tuple[tuple[str, str, BibEntry], ...]
    uses: tuple[SourceUse, ...]

    @property
    def entry(self) -> BibEntry:
        """The first record of the source, whose title and reference the page shows."""
        return self.records[0][2]

    @property
    def documents(self) -> int:
        """How many documents record the source."""
        return len({slug for slug, _, _ in self.records})


@attrs.frozen(kw_only=True)
class RepeatPage:
    """One claim that several documents make: where each makes it, and the links."""

    slug: str
    places: tuple[ClaimPlace, ...]
    links: tuple[RepeatLink, ...]

    @property
    def title(self) -> str:
        """The claim's words as the first document states them."""
        return self.places[0].row.claim.text


@attrs.frozen(kw_only=True)
class DocumentPage:
    """One document's page: its report, and the links out of it to the corpus pages."""

    slug: str
    report: DocumentReport
    #: The source page of each bibliography entry, by the entry's number.
    sources: Mapping[int, str]
    #: The repeated-claim page of each claim row that has one, by the row's number.
    repeats: Mapping[int, str]


@attrs.frozen(kw_only=True)
class Site:
    """Every page of a corpus site."""

    index: tuple[IndexRow, ...]
    documents: tuple[DocumentPage, ...]
    sources: tuple[SourcePage, ...]
    repeats: tuple[RepeatPage, ...]
    summary: CoverageFigures


def _document_slug(doc: DocumentReport, slugs: Slugs) -> str:
    if doc.claim_file is not None:
        return slugs.take(doc.claim_file.document.id, "document")
    stem = doc.path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return slugs.take(stem, "document")


def _index_row(doc: DocumentReport, slug: str, last_change: dt.datetime | None) -> IndexRow:
    errors = sum(1 for finding in doc.findings if finding.severity is Severity.ERROR)
    return IndexRow(
        slug=slug,
        title=doc.title,
        path=doc.path,
        claims=doc.coverage.claims,
        cited_share=doc.coverage.cited_share,
        unsourced=doc.coverage.by_state["unsourced"],
        flags=len(doc.findings) - errors,
        errors=errors,
        statuses=tuple((status, n) for status, n in doc.coverage.by_status.items() if n),
        last_change=last_change,
    )


#: What the pages across documents show of a claim.
_SHOWN = ("id", "text", "kind", "check_worthy", "anchor", "status")
#: What :class:`~claimtrack.render.site.repeats.RepeatIndex` reads of a claim besides: its
#: ``same_as`` links and what matching compares.
_MATCHED = ("quantities", "dates", "entities", "same_as")


def _kept(claim: Claim, fields: tuple[str, ...]) -> Claim:
    """``claim`` with only the fields ``fields``."""
    return Claim(**{name: getattr(claim, name) for name in fields})


def _listed(row: ClaimRow) -> ClaimRow:
    """``row`` as the pages across documents list it: its number, sourcing state and
    citations, and of its claim the id, words, kind, anchor and status; its flags, its
    place in the text and the claim's other fields (what the document's own page shows) are
    left out, so that a corpus's claims cost little to keep."""
    return attrs.evolve(row, claim=_kept(row.claim, _SHOWN), placement=None, flags=())


def _matched(claim: Claim) -> Claim:
    """``claim`` with only what the pages across documents show of it and what
    :class:`~claimtrack.render.site.repeats.RepeatIndex` reads."""
    return _kept(claim, _SHOWN + _MATCHED)


def _counted(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """``findings`` as the site reads them, by rule and severity only (the index counts
    them, and an unreadable file is looked for by its rule): each is the first finding of
    its rule and severity, so that the same few findings repeat, and a pickle of them holds
    each once."""
    first: dict[tuple[str, Severity], Finding] = {}
    return tuple(
        first.setdefault((finding.code, finding.severity), finding) for finding in findings
    )


def collected(doc: DocumentReport) -> DocumentReport:
    """``doc`` with only what :class:`SiteCollector` and
    :class:`~claimtrack.render.site.repeats.RepeatIndex` read of it: without the article's
    text, its claim file with its document and those fields of its claims only, its claims'
    rows without their flags and places, and of its findings only their rules and severities
    (:func:`_counted`). A worker that writes the document's page itself sends back this
    much, not the whole report and page."""
    findings = _counted(doc.findings)
    if doc.claim_file is None:
        rows = tuple(_listed(row) for row in doc.claims)
        return attrs.evolve(doc, text=None, claims=rows, findings=findings)
    kept = {id(claim): _matched(claim) for claim in doc.claim_file.claims}
    rows = tuple(
        attrs.evolve(
            row, claim=kept.get(id(row.claim)) or _matched(row.claim), placement=None, flags=()
        )
        for row in doc.claims
    )
    claim_file = attrs.evolve(doc.claim_file, sources=(), claims=tuple(kept.values()))
    return attrs.evolve(doc, text=None, claims=rows, claim_file=claim_file, findings=findings)


@attrs.frozen(kw_only=True)
class Placed:
    """Where one document's page goes, and its links to the source pages."""

    slug: str
    #: The source page of each bibliography entry, by the entry's number.
    sources: Mapping[int, str]


class SiteCollector:
    """The cross-document part of a site, gathered one document at a time: each
    document's index row and page name, what each source page lists, and where every claim
    is. A document's report is not kept once :meth:`add` returns (only the rows of its
    claims, without their flags and placements), so a corpus can be taken in document by
    document while each document's page is written as it comes."""

    def __init__(
        self,
        last_changes: Mapping[str, dt.datetime | None] | None = None,
        library_ids: Collection[str] = (),
    ) -> None:
        self._changes = last_changes or {}
        self._library_ids = library_ids
        self._slugs = Slugs()
        self._slugs.take("index")
        self._source_slugs = Slugs()
        self._source_slugs.take("index")  # the list of sources
        self._index: list[IndexRow] = []
        self._coverage: list[CoverageFigures] = []
        self._records: dict[str, list[tuple[str, str, BibEntry]]] = {}
        self._uses: dict[str, list[SourceUse]] = {}
        self._slug_of: dict[str, str] = {}
        self._rows: dict[ClaimRef, ClaimPlace] = {}
        self._order: dict[ClaimRef, int] = {}

    def add(self, doc: DocumentReport) -> Placed:
        """Take in the next document of the site; its page's name and source links."""
        slug = _document_slug(doc, self._slugs)
        self._index.append(_index_row(doc, slug, self._changes.get(doc.path)))
        self._coverage.append(doc.coverage)
        places: dict[int, ClaimPlace] = {}
        for row in doc.claims:
            place = ClaimPlace(
                document_slug=slug,
                document_title=doc.title,
                document_index=doc.index,
                row=_listed(row),
                path=doc.path,
            )
            places[row.number] = place
            ref = ClaimRef(doc.path, row.claim.id)
            if ref not in self._rows:  # an id used twice in a file: its first claim
                self._rows[ref] = place
                self._order[ref] = len(self._order)
        keys: dict[int, str] = {}
        for entry in doc.bibliography:
            key = source_key(doc.path, entry.source, self._library_ids)
            keys[entry.number] = key
            if key not in self._records:
                self._slug_of[key] = self._source_slugs.take(entry.source.title, "source")
            self._records.setdefault(key, []).append((slug, doc.title, entry))
        for row in doc.claims:
            for marker in row.markers:
                if marker.number is not None:
                    self._uses.setdefault(keys[marker.number], []).append(
                        SourceUse(place=places[row.number], marker=marker)
                    )
        return Placed(
            slug=slug, sources={number: self._slug_of[key] for number, key in keys.items()}
        )

    def corpus(self, links: Sequence[RepeatLink] = ()) -> Corpus:
        """The pages across documents, with the repeated claims ``links`` make (links
        naming a claim not taken in are left out)."""
        sources = tuple(
            SourcePage(
                key=key,
                slug=self._slug_of[key],
                records=tuple(recorded),
                uses=tuple(self._uses.get(key, ())),
            )
            for key, recorded in self._records.items()
        )
        return Corpus(
            index=tuple(self._index),
            sources=sources,
            repeats=_repeats(links, self._rows, self._order),
            summary=merge(self._coverage),
        )


@attrs.frozen(kw_only=True)
class Corpus:
    """The pages of a corpus site other than the documents' own."""

    index: tuple[IndexRow, ...]
    sources: tuple[SourcePage, ...]
    repeats: tuple[RepeatPage, ...]
    summary: CoverageFigures

    def repeats_of(self) -> dict[str, dict[int, str]]:
        """Each document's (by its slug) repeated-claim page of each claim row that has
        one, by the row's number."""
        repeat_of: dict[str, dict[int, str]] = {}
        for page in self.repeats:
            for place in page.places:
                repeat_of.setdefault(place.document_slug, {})[place.row.number] = page.slug
        return repeat_of


def _repeats(
    links: Sequence[RepeatLink],
    rows: Mapping[ClaimRef, ClaimPlace],
    order: Mapping[ClaimRef, int],
) -> tuple[RepeatPage, ...]:
    """The repeated-claim pages, for links between claims the site holds, in the order of
    their first claim in the corpus."""
    known = [link for link in links if link.claim in rows and link.other in rows]
    groups = []
    for members, group in group_links(known):
        ordered = sorted(members, key=order.__getitem__)
        groups.append((ordered, group))
    groups.sort(key=lambda item: order[item[0][0]])
    slugs = Slugs()
    slugs.take("index")  # the list of repeated claims
    return tuple(
        RepeatPage(
            slug=slugs.take(members[0].claim_id, "claim"),
            places=tuple(rows[ref] for ref in members),
            links=tuple(group),
        )
        for members, group in groups
    )


def build_site(
    report: Report,
    links: Sequence[RepeatLink] = (),
    last_changes: Mapping[str, dt.datetime | None] | None = None,
    library_ids: Collection[str] = (),
) -> Site:
    """The pages of the site of ``report``'s documents.

    ``links`` are the repeated-claim links between their claims (links naming a claim the
    report does not hold are left out); ``last_changes`` when each file (by its path) last
    changed; ``library_ids`` the ids of the sources that come from the shared source library
    (see :func:`~claimtrack.render.site.identity.source_key`).
    """
    collector = SiteCollector(last_changes, library_ids)
    placed = [(collector.add(doc), doc) for doc in report.documents]
    corpus = collector.corpus(links)
    repeat_of = corpus.repeats_of()
    return Site(
        index=corpus.index,
        documents=tuple(
            DocumentPage(
                slug=where.slug,
                report=doc,
                sources=where.sources,
                repeats=repeat_of.get(where.slug, {}),
            )
            for where, doc in placed
        ),
        sources=corpus.sources,
        repeats=corpus.repeats,
        summary=report.summary,
    )

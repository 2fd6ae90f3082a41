"""Writing a corpus site document by document, so that memory stays flat in the corpus.

Each document's page is written to the site's new folder as soon as it is made
(:func:`~claimtrack.render.site.html.document_template`, with placeholders for its links
to the rest of the site), and its report is let go; only what the pages across documents
need is kept (:class:`~claimtrack.render.site.model.SiteCollector`: each document's index
row, what each source page lists, where each claim is; and the claims' ``same_as`` links
and matching features, :class:`~claimtrack.render.site.repeats.RepeatIndex`). Once every
document is in, the links that need the whole corpus ("also claimed in", how many
documents record a source) are known: each document's page is read back, its placeholders
filled in (:func:`~claimtrack.render.site.html.fill_document`) and written again, and the
index, source and repeated-claim pages are written. The site is byte for byte the one
:func:`~claimtrack.render.site.html.render_site` gives, and replaces the folder as one
(:func:`claimtrack.io.folder.staged_folder`).

A page may also come already written into the new folder, by the worker that made it
(:class:`~claimtrack.io.folder.StagedFile`): the documents are then given as a function of
the folder's path, and the second pass reads the page from where the worker put it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping

import attrs

from claimtrack import rules
from claimtrack.io.folder import StagedFile, staged_folder
from claimtrack.render.report.model import DocumentReport
from claimtrack.render.site.html import corpus_pages, fill_document, index_page
from claimtrack.render.site.model import Placed, SiteCollector
from claimtrack.render.site.repeats import RepeatIndex

__all__ = ["Pages", "Written", "write_site"]

#: The documents of a site, each with its page's text or the page already written into the
#: new folder.
Pages = Iterable[tuple[DocumentReport, str | StagedFile]]


@attrs.frozen(kw_only=True)
class Written:
    """A site written: how many pages, and whether any file could not be read."""

    pages: int
    unreadable: bool


def write_site(
    folder: str,
    documents: Pages | Callable[[str], Pages],
    marker: str,
    *,
    threshold: float | None,
    last_changes: Mapping[str, dt.datetime | None] | None = None,
    library_ids: Collection[str] = (),
) -> Written:
    """Replace the folder ``folder`` by the site of ``documents`` (each document's report
    and its page made by :func:`~claimtrack.render.site.html.document_template`, in the
    site's order; or a function giving them from the new folder's path, for pages written
    there as :class:`~claimtrack.io.folder.StagedFile`), its marker file holding
    ``marker``. Repeated claims are those the files link with ``same_as`` and, unless
    ``threshold`` is None, those matching proposes at that threshold; ``last_changes`` and
    ``library_ids`` are as for :func:`~claimtrack.render.site.model.build_site`. Raises
    :class:`~claimtrack.io.folder.FolderError` for a folder that is not claimtrack's, and
    OSError when writing fails (the old folder is then left as it was)."""
    collector = SiteCollector(last_changes, library_ids)
    repeats = RepeatIndex(threshold=threshold)
    placed: list[tuple[Placed, str]] = []
    unreadable = False
    with staged_folder(folder, marker) as staged:
        for doc, template in documents(staged.path) if callable(documents) else documents:
            where = collector.add(doc)
            if doc.claim_file is not None:
                repeats.add(doc.path, doc.claim_file)
            unreadable = unreadable or any(f.code == rules.UNREADABLE.code for f in doc.findings)
            if isinstance(template, StagedFile):
                placed.append((where, template.name))
            else:
                staged.write(f"documents/{where.slug}.html", template)
                placed.append((where, f"documents/{where.slug}.html"))
            del doc, template
        corpus = collector.corpus(repeats.links())
        repeat_of = corpus.repeats_of()
        by_slug = {page.slug: page for page in corpus.repeats}
        documents_of = {page.slug: page.documents for page in corpus.sources}
        staged.write("index.html", index_page(corpus))
        for where, written in placed:
            name = f"documents/{where.slug}.html"
            page = fill_document(
                staged.read_text(written),
                where,
                repeat_of.get(where.slug, {}),
                by_slug,
                documents_of,
            )
            staged.write(name, page)
            if written != name:
                staged.remove(written)
        for name, text in corpus_pages(corpus):
            staged.write(name, text)
    return Written(pages=staged.count, unreadable=unreadable)

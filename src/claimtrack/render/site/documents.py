"""The report of every claim file of a corpus, each file checked and reported in a worker.

A site reports every document in full (article text included), so unlike ``claimtrack
check`` it needs each file's loaded records and snapshot, which the batch runner's workers
do not send back. Here each worker checks one file, builds its document's report
(:func:`claimtrack.render.report.build_report`) and its page (everything but the links to
the rest of the site, which need every document: placeholders stand for them), and only
those come back, a batch at a time. Each report is the one
``build_report(claimtrack.check(names).files)`` would give, in the same order.

Given the folder the site is being written to (``pages``), a worker writes its document's
page there itself, under a name of its file's number (the page's own name depends on the
documents before it), and sends back only what the pages across documents need
(:func:`claimtrack.render.site.model.collected`): a tenth of the report and page.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence

import attrs

from claimtrack import rules
from claimtrack.batch import check
from claimtrack.concurrency import WorkerDied, iter_in_processes
from claimtrack.findings import Location
from claimtrack.io.folder import StagedFile, write_file_into
from claimtrack.render.report.model import DocumentReport, build_report
from claimtrack.render.site.html import document_template
from claimtrack.render.site.model import collected
from claimtrack.results import FileResult
from claimtrack.settings import CheckSettings

__all__ = ["iter_documents"]

#: Below this many files per worker a process start does not pay (as in the batch runner).
_FILES_PER_WORKER = 8
#: Files handed to a worker at a time; two such chunks per worker wait here at most (see
#: :func:`~claimtrack.concurrency.iter_in_processes`), which bounds memory, while the workers
#: go on with the next files as this process writes what came back.
_CHUNK = 16


def _document(
    item: tuple[int, str], settings: CheckSettings, docs_url: str | None, pages: str | None
) -> tuple[DocumentReport, str | StagedFile]:
    """The report of the claim file ``item`` (its number and name), and its page; with
    ``pages``, the page is written into that folder and only what the site collects of the
    report comes back."""
    number, name = item
    doc = attrs.evolve(build_report(check(name, settings).files).documents[0], index=number)
    return _placed(doc, document_template(doc, docs_url), pages)


def _died(
    item: tuple[int, str], docs_url: str | None, pages: str | None
) -> tuple[DocumentReport, str | StagedFile]:
    """The report and page of a file whose worker died (its page written over any the
    worker left in ``pages``)."""
    number, name = item
    finding = rules.finding(
        rules.UNREADABLE,
        f"The process reporting {name!r} ended before it gave a result (it was killed or ran"
        " out of memory), and did so again when the file was reported on its own.",
        Location(path=name, line=1, column=1),
        hint="Report this file alone to see what stops it; if it is not too large for this"
        " machine, please report it.",
    )
    doc = build_report([FileResult(path=name, findings=(finding,))]).documents[0]
    doc = attrs.evolve(doc, index=number)
    return _placed(doc, document_template(doc, docs_url), pages)


def _placed(
    doc: DocumentReport, page: str, pages: str | None
) -> tuple[DocumentReport, str | StagedFile]:
    """``doc`` and its page, or with ``pages`` the page written there under the document's
    number and what the site collects of ``doc``."""
    if pages is None:
        return doc, page
    return collected(doc), write_file_into(pages, f"documents/.{doc.index}.part", page)


def iter_documents(
    names: Sequence[str],
    settings: CheckSettings,
    jobs: int = 1,
    docs_url: str | None = None,
    pages: str | None = None,
) -> Iterator[tuple[DocumentReport, str | StagedFile]]:
    """The report of each claim file of ``names`` and its page (with flags linking to rule
    pages under ``docs_url``), in that order, checked with ``settings`` in up to ``jobs``
    worker processes (in this one for a few files). The files go to the workers
    :data:`_CHUNK` at a time, and only a few chunks' reports and pages wait here, however
    many files there are. With ``pages`` (a staged folder's
    :attr:`~claimtrack.io.folder.StagedFolder.path`), each page made in a worker is written
    there and given as its :class:`~claimtrack.io.folder.StagedFile`, with the report as
    :func:`~claimtrack.render.site.model.collected` leaves it."""
    plain = attrs.evolve(settings, jobs=1, cache=None)
    items = list(enumerate(names, start=1))
    workers = max(1, min(jobs, len(items) // _FILES_PER_WORKER))
    if workers == 1:
        for item in items:
            yield _document(item, plain, docs_url, None)
        return
    sent = iter_in_processes(
        functools.partial(_document, settings=plain, docs_url=docs_url, pages=pages),
        items,
        workers,
        chunksize=_CHUNK,
    )
    for item, result in zip(items, sent, strict=True):
        yield _died(item, docs_url, pages) if isinstance(result, WorkerDied) else result

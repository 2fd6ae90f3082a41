"""The report of every claim file of a corpus, each file checked and reported in a worker.

A site reports every document in full (article text included), so unlike ``claimtrack
check`` it needs each file's loaded records and snapshot, which the batch runner's workers
do not send back. Here each worker checks one file, builds its document's report
(:func:`claimtrack.render.report.build_report`) and its page (everything but the links to
the rest of the site, which need every document: placeholders stand for them), and only
those come back; the figures are added up here. The report is the one
``build_report(claimtrack.check(names).files)`` would give, in the same order.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import attrs

from claimtrack import rules
from claimtrack.batch import check
from claimtrack.concurrency import WorkerDied, map_in_processes
from claimtrack.findings import Location
from claimtrack.render.report.model import DocumentReport, Report, build_report
from claimtrack.render.report.summary import merge
from claimtrack.render.site.html import document_template
from claimtrack.results import FileResult
from claimtrack.settings import CheckSettings

__all__ = ["Reported", "report_files"]

#: Below this many files per worker a process start does not pay (as in the batch runner).
_FILES_PER_WORKER = 8


@attrs.frozen
class Reported:
    """The report of a corpus, and each document's page made from it by
    :func:`~claimtrack.render.site.html.document_template`, in the same order."""

    report: Report
    templates: tuple[str, ...]


def _document(
    item: tuple[int, str], settings: CheckSettings, docs_url: str | None
) -> tuple[DocumentReport, str]:
    """The report of the claim file ``item`` (its number and name), and its page."""
    number, name = item
    doc = attrs.evolve(build_report(check(name, settings).files).documents[0], index=number)
    return doc, document_template(doc, docs_url)


def _died(item: tuple[int, str], docs_url: str | None) -> tuple[DocumentReport, str]:
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
    return doc, document_template(doc, docs_url)


def report_files(
    names: Sequence[str], settings: CheckSettings, jobs: int = 1, docs_url: str | None = None
) -> Reported:
    """The report of the claim files ``names``, in that order, checked with ``settings``
    in up to ``jobs`` worker processes (in this one for a few files), and each document's
    page (with flags linking to rule pages under ``docs_url``)."""
    plain = attrs.evolve(settings, jobs=1, cache=None)
    items = list(enumerate(names, start=1))
    workers = max(1, min(jobs, len(items) // _FILES_PER_WORKER))
    made: list[tuple[DocumentReport, str]]
    if workers == 1:
        made = [_document(item, plain, docs_url) for item in items]
    else:
        sent = map_in_processes(
            functools.partial(_document, settings=plain, docs_url=docs_url),
            items,
            workers,
            chunksize=max(1, len(items) // (workers * 4)),
        )
        made = [
            _died(item, docs_url) if isinstance(result, WorkerDied) else result
            for item, result in zip(items, sent, strict=True)
        ]
    documents = tuple(doc for doc, _ in made)
    report = Report(documents=documents, summary=merge([doc.coverage for doc in documents]))
    return Reported(report=report, templates=tuple(page for _, page in made))

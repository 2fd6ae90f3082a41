"""The report of every claim file of a corpus, each file checked and reported in a worker.

A site reports every document in full (article text included), so unlike ``claimtrack
check`` it needs each file's loaded records and snapshot, which the batch runner's workers
do not send back. Here each worker checks one file and builds its document's report
(:func:`claimtrack.render.report.build_report`), and only that comes back; the documents are
numbered and their figures added up here. The result is the report
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
from claimtrack.results import FileResult
from claimtrack.settings import CheckSettings

__all__ = ["report_files"]

#: Below this many files per worker a process start does not pay (as in the batch runner).
_FILES_PER_WORKER = 8


def _document(name: str, settings: CheckSettings) -> DocumentReport:
    """The report of the one claim file ``name`` (numbered 1)."""
    return build_report(check(name, settings).files).documents[0]


def _died(name: str) -> DocumentReport:
    finding = rules.finding(
        rules.UNREADABLE,
        f"The process reporting {name!r} ended before it gave a result (it was killed or ran"
        " out of memory), and did so again when the file was reported on its own.",
        Location(path=name, line=1, column=1),
        hint="Report this file alone to see what stops it; if it is not too large for this"
        " machine, please report it.",
    )
    return build_report([FileResult(path=name, findings=(finding,))]).documents[0]


def report_files(names: Sequence[str], settings: CheckSettings, jobs: int = 1) -> Report:
    """The report of the claim files ``names``, in that order, checked with ``settings``
    in up to ``jobs`` worker processes (in this one for a few files)."""
    plain = attrs.evolve(settings, jobs=1, cache=None)
    workers = max(1, min(jobs, len(names) // _FILES_PER_WORKER))
    documents: list[DocumentReport]
    if workers == 1:
        documents = [_document(name, plain) for name in names]
    else:
        sent = map_in_processes(
            functools.partial(_document, settings=plain),
            list(names),
            workers,
            chunksize=max(1, len(names) // (workers * 4)),
        )
        documents = [
            _died(name) if isinstance(item, WorkerDied) else item
            for name, item in zip(names, sent, strict=True)
        ]
    numbered = tuple(attrs.evolve(doc, index=n) for n, doc in enumerate(documents, start=1))
    return Report(documents=numbered, summary=merge([doc.coverage for doc in numbered]))

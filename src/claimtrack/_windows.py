"""Checking the claims of one large file in several processes.

Every check of a claim looks at that claim alone (with the file's sources), so the claims of
a large file can be cut into *windows*, runs of consecutive claims, each structured and
checked apart. Forked worker processes and this one take windows in turn from a shared
counter until none is left, so a process that runs slower (a worker's first touch of pages
it shares with its parent, a busier core) simply takes fewer. What the checks of the file
as a whole need to know of all the claims (their ids, the sources they cite, their
suppressions) comes back with each window as :class:`~claimtrack.lint.checks.ClaimFacts`. Workers
share the parsed document with this process rather than receive a copy, and send their
findings back as plain rows.
"""

from __future__ import annotations

import gc
from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from claimtrack._convert import structure_claims
from claimtrack.findings import Finding, Location, finding_from_row, finding_row
from claimtrack.io.load import LoadedDocument
from claimtrack.lint.checks import ClaimFacts, claim_lint_findings
from claimtrack.lint.selection import RuleSelection
from claimtrack.model import ClaimFile
from claimtrack.validate import claim_integrity_findings

__all__ = ["MIN_CLAIMS_PER_PROCESS", "claim_findings", "fork_context", "processes_for", "windowed"]

#: Fewer claims than this per process are checked in one process: below it, starting a
#: worker and sending its findings back cost about as much as the work it takes over.
MIN_CLAIMS_PER_PROCESS = 10_000
#: Claims per window: small enough that processes finish within a window of each other,
#: large enough that taking one costs nothing by comparison.
WINDOW = 1_000


def claim_findings(
    document: LoadedDocument, claim_file: ClaimFile, text: str | None, selection: RuleSelection
) -> list[Finding]:
    """The findings of each claim of ``claim_file`` on its own: integrity (its anchor against
    the normalised snapshot ``text``, when there is one) and flags."""
    return [
        *claim_integrity_findings(document, claim_file, text),
        *claim_lint_findings(document, claim_file, selection),
    ]


def fork_context() -> Any:
    """The fork start method where the platform has it (workers then share what the parent
    has already imported and loaded), else None."""
    import multiprocessing

    return (
        multiprocessing.get_context("fork")
        if "fork" in multiprocessing.get_all_start_methods()
        else None
    )


def processes_for(claims: int, jobs: int) -> int:
    """How many processes should check ``claims`` claims, given ``jobs`` at most."""
    return max(1, min(jobs, claims // MIN_CLAIMS_PER_PROCESS))


@attrs.frozen(eq=False)
class _WindowDocument(LoadedDocument):
    """The document as a window's checks see it: their claim number 0 is claim ``first`` of
    the file, so locations are those of the file."""

    first: int = 0

    def location(
        self, path: tuple[str | int, ...] | list[str | int], *, key: bool = False
    ) -> Location:
        if len(path) > 1 and path[0] == "claims" and isinstance(path[1], int):
            path = ("claims", path[1] + self.first, *path[2:])
        return super().location(path, key=key)


# What workers share with this process: the document, its records without claims, the
# normalised snapshot text, the rule selection and the counter windows are taken from. Set
# only while a pool of window workers runs; forked workers inherit it.
_shared: tuple[LoadedDocument, ClaimFile, str | None, RuleSelection, Any] | None = None

# One window checked: its findings and the facts of its claims, or None when its claims
# could not be structured (the caller then checks the file whole, which reports why).
_Checked = tuple[list[Finding], ClaimFacts] | None


def _take(counter: Any, total: int) -> tuple[int, int] | None:
    """The next window not yet taken by any process, if one is left."""
    with counter.get_lock():
        start: int = counter.value
        if start >= total:
            return None
        counter.value = start + WINDOW
    return start, min(start + WINDOW, total)


def _check_window(
    document: LoadedDocument,
    records: ClaimFile,
    text: str | None,
    selection: RuleSelection,
    window: tuple[int, int],
) -> _Checked:
    start, end = window
    try:
        claims = structure_claims(document.data["claims"][start:end])
    except BaseValidationError:
        return None
    part = attrs.evolve(records, claims=claims)
    view = _WindowDocument(
        path=document.path,
        format=document.format,
        text=document.text,
        data=document.data,
        positions=document.positions,
        file_path=document.file_path,
        first=start,
    )
    return claim_findings(view, part, text, selection), ClaimFacts.of(claims, start)


# A worker's answer: None when no window was left, else the window's first claim and its
# findings as rows with the facts of its claims (both None when it could not be structured).
_Sent = tuple[int, list[list[Any]] | None, ClaimFacts | None] | None


def _check_window_in_worker() -> _Sent:
    if _shared is None:
        raise RuntimeError("window workers are forked while a check shares its document")
    document, records, text, selection, counter = _shared
    window = _take(counter, len(document.data["claims"]))
    if window is None:
        return None
    checked = _check_window(document, records, text, selection, window)
    if checked is None:
        return window[0], None, None
    findings, facts = checked
    return window[0], [finding_row(finding) for finding in findings], facts


def windowed(
    document: LoadedDocument,
    records: ClaimFile,
    text: str | None,
    selection: RuleSelection,
    processes: int,
) -> tuple[list[Finding], ClaimFacts] | None:
    """The findings of each claim, and the facts of all the claims, with ``processes - 1``
    forked workers and this process taking windows of the claims in turn. ``records`` are
    the file's records without its claims.

    Each window a worker checks is a task of its own, so its findings cross back while the
    rest are still being checked, not all at the end. None when a claim could not be
    structured, or worker processes could not be started or kept running: the caller then
    checks the file in one process.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _shared
    context = fork_context()
    if context is None or processes < 2:
        return None
    total = len(document.data["claims"])
    counter = context.Value("q", 0)
    _shared = (document, records, text, selection, counter)
    windows: list[tuple[int, list[Finding], ClaimFacts]] = []
    sent: list[_Sent] = []
    # Objects that exist now are never collected by the workers, which keeps the pages
    # they share with this process from being copied.
    gc.freeze()
    try:
        with ProcessPoolExecutor(processes - 1, mp_context=context) as pool:
            # As many tasks as windows: a worker takes one window per task, and tasks
            # left when all windows are taken return at once.
            futures = [pool.submit(_check_window_in_worker) for _ in range(-(-total // WINDOW))]
            while (window := _take(counter, total)) is not None:
                checked = _check_window(document, records, text, selection, window)
                if checked is None:  # claims that cannot be structured: stop here
                    for future in futures:
                        future.cancel()
                    return None
                windows.append((window[0], *checked))
            sent = [future.result() for future in futures]
    except (OSError, BrokenProcessPool):
        return None
    finally:
        _shared = None
        gc.unfreeze()
    for item in sent:
        if item is None:
            continue
        start, rows, facts = item
        if rows is None or facts is None:
            return None
        windows.append((start, [finding_from_row(row) for row in rows], facts))
    windows.sort(key=lambda window: window[0])
    findings = [finding for _start, items, _facts in windows for finding in items]
    return findings, ClaimFacts.joined(facts for _start, _items, facts in windows)

"""Checking the claims of one large file in several processes.

Every check of a claim looks at that claim alone (with the file's sources), so the claims of
a large file can be cut into *windows*, runs of consecutive claims, each structured and
checked apart. Forked *helper* processes and this one take windows in turn from a shared
counter until none is left, so a process that runs slower (a busier core) simply takes
fewer. What the checks of the file as a whole need to know of all the claims (their ids, the
sources they cite, their suppressions) comes back with each window as
:class:`~claimtrack.lint.checks.ClaimFacts`; a helper sends its findings back as plain rows,
all at once when no window is left.

Helpers are started one of two ways. Forked as soon as a large file has been read
(:func:`start_early`), each parses the file itself while this process parses it too, so
parsing costs no extra time and no process writes to pages another shares (copying them
would cost more than the parse). Forked once the document is parsed (as :func:`windowed`
does when given none), they share it with this process. A helper takes windows as soon as
it is ready, before this process knows the file passed the schema: if it did not, the
helpers are stopped and what they found is dropped. A helper's windows count only if it
read the same snapshot as this process; if any helper's windows are lost (it died, it read
other bytes, a window could not be structured), the file is checked in one process.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any

import attrs
from cattrs.errors import BaseValidationError

from claimtrack._collection import uncollected
from claimtrack._convert import structure_claims
from claimtrack.findings import Finding, Location, finding_from_row, finding_row
from claimtrack.io.load import LoadedDocument
from claimtrack.lint.checks import ClaimFacts, claim_lint_findings
from claimtrack.lint.selection import RuleSelection
from claimtrack.model import ClaimFile
from claimtrack.validate import claim_integrity_findings

__all__ = [
    "EARLY_BYTES",
    "MAX_EARLY_HELPERS",
    "MIN_CLAIMS_PER_PROCESS",
    "Helpers",
    "Prepared",
    "claim_findings",
    "fork_context",
    "processes_for",
    "start_early",
    "start_helpers",
    "windowed",
]

#: Fewer claims than this per process are checked in one process: below it, starting a
#: worker and sending its findings back cost about as much as the work it takes over.
MIN_CLAIMS_PER_PROCESS = 10_000
#: Claims per window: small enough that processes finish within a window of each other,
#: large enough that taking one costs nothing by comparison.
WINDOW = 1_000
#: A file of at least this many bytes may hold enough claims for helpers (ten thousand
#: claims of the smallest useful size), so they are started before it is parsed. Started
#: for a file that turns out smaller, they are stopped unused.
EARLY_BYTES = 2 * 1024 * 1024
#: At most this many helpers are started before parsing: each holds its own parsed copy of
#: the file (about five times its size in memory).
MAX_EARLY_HELPERS = 3


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
class Prepared:
    """What a process checks windows with: the document, its records without claims, the
    normalised snapshot text, and the SHA-256 of the snapshot read (None without one)."""

    document: LoadedDocument
    records: ClaimFile
    text: str | None
    snapshot_sha256: str | None = None


#: Run in a helper once forked: what it checks windows with, None when it cannot check any.
Prepare = Callable[[], Prepared | None]
# A window checked: its first claim, findings and the facts of its claims.
_Window = tuple[int, list[Finding], ClaimFacts]
# What a helper sends: each window it checked as (first claim, findings as rows, facts of
# its claims), then, once no window is left, the SHA-256 of the snapshot it read ("" for
# none), or None when it could not check a window it took.
_Sent = tuple[int, list[list[Any]], ClaimFacts] | str | None


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


class _Stuck(Exception):
    """The counter's lock was not released: a process died holding it."""


#: The counter's lock is held for a few microseconds; one held this long was never let go.
_LOCK_SECONDS = 30.0


def _take(counter: Any, total: int) -> tuple[int, int] | None:
    """The next window not yet taken by any process, if one is left."""
    lock = counter.get_lock()
    if not lock.acquire(timeout=_LOCK_SECONDS):
        raise _Stuck
    try:
        start: int = counter.value
        if start >= total:
            return None
        counter.value = start + WINDOW
    finally:
        lock.release()
    return start, min(start + WINDOW, total)


def _check_window(
    prepared: Prepared, selection: RuleSelection, window: tuple[int, int]
) -> _Window | None:
    """One window's findings and the facts of its claims; None when its claims cannot be
    structured (the caller then checks the file whole, which reports why)."""
    document = prepared.document
    start, end = window
    try:
        claims = structure_claims(document.data["claims"][start:end])
    except BaseValidationError:
        return None
    part = attrs.evolve(prepared.records, claims=claims)
    view = _WindowDocument(
        path=document.path,
        format=document.format,
        text=document.text,
        data=document.data,
        positions=document.positions,
        file_path=document.file_path,
        first=start,
    )
    findings = claim_findings(view, part, prepared.text, selection)
    return start, findings, ClaimFacts.of(claims, start)


def _helper(
    connection: Any, prepare: Prepare, selection: RuleSelection, counter: Any, inherited: list[Any]
) -> None:
    """A helper's life: prepare, then check windows until none is left, sending each."""
    for end in inherited:  # this process's copies of other helpers' pipes
        end.close()
    # Ctrl-C reaches every process of the terminal's group: the parent stops its helpers,
    # which must not each print a traceback; and a terminate() must end one whatever the
    # program's own handlers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # The model's field validators state what the schema does, and a helper's work counts
    # only for a file the schema accepted, so here they could only repeat it. Turning them
    # off is process-wide, which is safe in a helper: it has no thread but this one.
    attrs.validators.set_disabled(True)
    outcome: str | None = None
    try:
        with uncollected():
            prepared = prepare()
            if prepared is not None and _send_windows(prepared, selection, counter, connection):
                outcome = prepared.snapshot_sha256 or ""
    except Exception:  # a defect; checked whole, the file tells what it was
        outcome = None
    with contextlib.suppress(OSError):  # the parent is gone, or has stopped listening
        connection.send(outcome)


def _checked_windows(
    prepared: Prepared, selection: RuleSelection, counter: Any
) -> Iterator[_Window | None]:
    """Take windows from ``counter`` and check each, until none is left; at one whose
    claims cannot be structured, None, and no more."""
    total = len(prepared.document.data["claims"])
    while (window := _take(counter, total)) is not None:
        checked = _check_window(prepared, selection, window)
        yield checked
        if checked is None:
            return


def _send_windows(
    prepared: Prepared, selection: RuleSelection, counter: Any, connection: Any
) -> bool:
    """Check windows until none is left, sending each; False at one that cannot be."""
    for checked in _checked_windows(prepared, selection, counter):
        if checked is None:
            return False
        start, findings, facts = checked
        sent: _Sent = (start, [finding_row(finding) for finding in findings], facts)
        connection.send(sent)
    return True


class _Receiver:
    """Receives one helper's windows as it sends them, in a thread of this process, so
    they cross while this process checks windows of its own."""

    def __init__(self, connection: Any) -> None:
        self.windows: list[_Window] = []
        #: The SHA-256 of the snapshot the helper read ("" for none) once it has sent every
        #: window it took; None until then, or if it could not check one.
        self.snapshot_sha256: str | None = None
        self._connection = connection
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        try:
            while isinstance(sent := self._connection.recv(), tuple):
                start, rows, facts = sent
                self.windows.append((start, [finding_from_row(row) for row in rows], facts))
            self.snapshot_sha256 = sent if isinstance(sent, str) else None
        except Exception:  # the helper died, or sent what cannot be read: its windows are lost
            self.snapshot_sha256 = None

    def join(self) -> None:
        self._thread.join()


class Helpers:
    """Forked helper processes for one file, a thread receiving each one's windows, and the
    counter they and this process take windows from."""

    def __init__(self, processes: list[Any], receivers: list[_Receiver], counter: Any) -> None:
        self._processes = processes
        self._receivers = receivers
        self.counter = counter

    def collect(self, snapshot_sha256: str | None) -> list[_Window] | None:
        """Every helper's windows, once no window is left; None if any helper could not
        check a window it took, died, or read another snapshot than ``snapshot_sha256``."""
        windows: list[_Window] = []
        for receiver in self._receivers:
            receiver.join()
            if receiver.snapshot_sha256 != (snapshot_sha256 or ""):
                return None
            windows.extend(receiver.windows)
        return windows

    def stop(self) -> None:
        """End every helper at once (one not yet done has nothing left to give)."""
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        for process in self._processes:
            process.join()
        for receiver in self._receivers:  # each has seen its pipe end
            receiver.join()
        self._processes.clear()
        self._receivers.clear()


def start_helpers(count: int, prepare: Prepare, selection: RuleSelection) -> Helpers | None:
    """Fork ``count`` helpers, each running ``prepare`` and then checking windows with the
    rule ``selection``; None where processes cannot be forked or started (the file is then
    checked in one process)."""
    import multiprocessing

    context = fork_context()
    if context is None or count < 1 or multiprocessing.current_process().daemon:
        return None  # (a daemonic process, such as a pool's worker, may not have children)
    processes: list[Any] = []
    ends: list[Any] = []
    try:
        counter = context.Value("q", 0)
        for _ in range(count):
            mine, theirs = context.Pipe(duplex=False)
            process = context.Process(
                target=_helper,
                args=(theirs, prepare, selection, counter, [*ends, mine]),
                daemon=True,
            )
            process.start()
            theirs.close()
            processes.append(process)
            ends.append(mine)
        return Helpers(processes, [_Receiver(end) for end in ends], counter)
    except Exception:  # no semaphores, no processes, no threads: checked in one process
        for process in processes:
            process.terminate()
            process.join()
        for end in ends:
            end.close()
        return None


def start_early(size: int, jobs: int, prepare: Prepare, selection: RuleSelection) -> Helpers | None:
    """Helpers for a file of ``size`` bytes read but not yet parsed, when it may hold claims
    enough for several processes: at most :data:`MAX_EARLY_HELPERS`, each parsing it with
    ``prepare``. They take windows at once; stop them if the file is not checked so."""
    if jobs < 2 or size < EARLY_BYTES:
        return None
    return start_helpers(min(jobs - 1, MAX_EARLY_HELPERS), prepare, selection)


def windowed(
    prepared: Prepared,
    selection: RuleSelection,
    processes: int,
    helpers: Helpers | None = None,
) -> tuple[list[Finding], ClaimFacts] | None:
    """The findings of each claim, and the facts of all the claims, with this process and
    helpers taking windows of the claims in turn: ``helpers`` started before parsing, or
    else ``processes - 1`` forked now to share the parsed document. The helpers are stopped
    before this returns.

    None when a claim could not be structured, or helpers could not be started or did not
    check all the windows they took against the same snapshot: the caller then checks the
    file in one process.
    """
    if helpers is None:
        # Forked from here, they share the document; like this process, they never collect
        # garbage while they check (see claimtrack._collection), so no collection writes to
        # the pages they share.
        helpers = start_helpers(processes - 1, lambda: prepared, selection)
    if helpers is None:
        return None
    try:
        with uncollected():
            windows: list[_Window] = []
            for checked in _checked_windows(prepared, selection, helpers.counter):
                if checked is None:  # claims that cannot be structured: stop here
                    return None
                windows.append(checked)
            sent = helpers.collect(prepared.snapshot_sha256)
            if sent is None:
                return None
            windows.extend(sent)
    except _Stuck:
        return None
    finally:
        helpers.stop()
    windows.sort(key=lambda window: window[0])
    findings = [finding for _start, items, _facts in windows for finding in items]
    return findings, ClaimFacts.joined(facts for _start, _items, facts in windows)

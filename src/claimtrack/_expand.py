"""Folders and globs given to :func:`claimtrack.check`, expanded as the command line does.

The library and the command line find their files with the one function,
:func:`claimtrack.io.discover.discover`: a folder stands for the claim files under it, a glob
for those it matches. A folder or glob that names no claim file is not a silent success: it
comes back as a result of its own, with an ``E100`` finding naming it, just as a file that
cannot be read does.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from claimtrack import rules
from claimtrack.findings import Location
from claimtrack.io.discover import (
    CLAIM_FILE_SUFFIXES,
    discover,
    is_expandable,
    nothing_found,
    path_status,
)

if TYPE_CHECKING:
    from typing import TypeAlias

    from claimtrack.io.load import LoadedDocument
    from claimtrack.results import FileResult

    #: What :func:`claimtrack.check` takes (the same as ``claimtrack.batch.Input``).
    Input: TypeAlias = str | os.PathLike[str] | LoadedDocument

__all__ = ["expand_inputs"]


def _nothing(argument: str) -> FileResult:
    from claimtrack.results import FileResult

    suffixes = ", ".join(CLAIM_FILE_SUFFIXES)
    finding = rules.finding(
        rules.UNREADABLE,
        nothing_found(argument).split(": ", 1)[1],
        Location(path=argument),
        hint=f"Name a folder or glob that holds claim files ({suffixes}), or a file.",
    )
    return FileResult(path=argument, findings=(finding,))


def expand_inputs(
    items: Sequence[Input], statuses: dict[str, os.stat_result] | None = None
) -> list[Input | FileResult]:
    """``items`` with each folder and glob replaced by the files it names (sorted, as
    :func:`~claimtrack.io.discover.discover` finds them), or by a result saying it names
    none. Files, missing paths and loaded documents pass through unchanged.

    Telling a folder from a file takes each path's status; with ``statuses`` given, the
    status of each path passed through is kept there by its name, for the result cache
    to reuse (one ``stat`` a file)."""
    expanded: list[Input | FileResult] = []
    for item in items:
        if not isinstance(item, str | os.PathLike):
            expanded.append(item)
            continue
        argument = os.fspath(item)
        status = path_status(argument)
        if not is_expandable(argument, status):
            if statuses is not None and status is not None:
                statuses[argument] = status
            expanded.append(item)
            continue
        found = discover([argument])
        expanded.extend(found.files or [_nothing(argument)])
    return expanded

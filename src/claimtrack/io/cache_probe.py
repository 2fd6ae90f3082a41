"""Whether a cached file or snapshot still holds, told from its stat signature alone.

A result depends on the snapshots its file named: each recorded as written, as it resolved,
with the project root it was held to (and the folder that root was found from) and the stat
signature of its bytes. :class:`SnapshotProbe` answers for one snapshot with one ``lstat``
(the folder it lies in is resolved once per run, each project root found once): it holds, it
does not, or its signature changed and only hashing its bytes can tell. The result cache
hashes them then; a warm run answered before the command line is built (see
:mod:`claimtrack._fast_path`) gives up instead. Neither builds a record class here.
:func:`read_signed` reads a file with the signature that may be trusted on later runs.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from stat import S_ISLNK

from claimtrack.io.cache_rows import is_settled, signature
from claimtrack.io.project_root import find_project_root
from claimtrack.io.regular import open_regular, read_capped

TYPE_CHECKING = False  # typing's own, without importing typing (a warm run never needs it)
if TYPE_CHECKING:
    from typing import Any

__all__ = ["SnapshotProbe", "read_signed", "stat_signature"]


def read_signed(path: str | os.PathLike[str], max_bytes: int) -> tuple[bytes, list[int] | None]:
    """A file's bytes, with its stat signature when no write can have come in between (the
    file was unchanged while it was read, and settled before). Raises OSError, or
    ValueError for a file larger than ``max_bytes``; only a regular file is read."""
    now = time.time_ns()
    descriptor = open_regular(path)
    try:
        before = os.fstat(descriptor)
        if before.st_size > max_bytes:
            raise ValueError("larger than the input limit")
        content = read_capped(descriptor, max_bytes)
        after = os.fstat(descriptor)
    finally:
        os.close(descriptor)
    same = signature(before) == signature(after) and len(content) == before.st_size
    return content, signature(before) if same and is_settled(before, now) else None


def stat_signature(path: str | os.PathLike[str]) -> list[int] | None:
    """The stat signature of the file at ``path`` (links followed), None when there is none."""
    try:
        return signature(os.stat(path))
    except (OSError, ValueError):
        return None


class SnapshotProbe:
    """Looks at snapshots for one run, remembering the folders and roots it resolved."""

    def __init__(self) -> None:
        self._roots: dict[str, str] = {}  # project roots found this run, by folder
        self._folders: dict[str, str] = {}  # folders resolved this run (see resolve)

    def holds(self, snapshot: dict[str, Any]) -> bool | None:
        """Whether the snapshot an index entry recorded still holds: True or False, or None
        when it still leads where it did but its signature changed (or was never kept), so
        that only its bytes' SHA-256 can tell. Raises KeyError or TypeError for a damaged
        record."""
        written, resolved, sha = snapshot["written"], snapshot["resolved"], snapshot["sha256"]
        try:
            now_resolved, status = self.resolve(written)
            if now_resolved != resolved:
                return False  # a link on the way was retargeted
        except (OSError, ValueError):
            return False
        found_from = snapshot["found_from"]
        if found_from is not None and self.root_of(found_from) != snapshot["root"]:
            return False  # a project-root marker appeared or went
        if sha is None:  # outside the project: never read, so its bytes do not matter
            return True
        recorded = snapshot["stat"]
        if recorded is not None and (status or stat_signature(resolved)) == recorded:
            return True
        return None

    def resolve(self, written: str) -> tuple[str, list[int] | None]:
        """Where the path ``written`` leads (what ``os.path.realpath`` gives) and, when it is
        no link itself, its stat signature. Its folder is resolved once per run, so a
        snapshot costs one ``lstat``, which also gives the signature. (An absolute POSIX
        path is split by hand: it is done for every snapshot of every run.)"""
        folder, _slash, name = written.rpartition("/")
        if os.sep != "/" or not written.startswith("/") or name in ("", ".", ".."):
            return os.path.realpath(written), None
        try:
            status = os.lstat(written)
        except OSError:
            return os.path.realpath(written), None
        if S_ISLNK(status.st_mode):
            return os.path.realpath(written), None
        real = self._folders.get(folder)
        if real is None:
            real = self._folders[folder] = os.path.realpath(folder or "/")
        return (real + name if real.endswith("/") else f"{real}/{name}"), signature(status)

    def root_of(self, folder: str) -> str:
        """The project root found from ``folder``, as a string."""
        if folder not in self._roots:
            self._roots[folder] = str(find_project_root(Path(folder)))
        return self._roots[folder]

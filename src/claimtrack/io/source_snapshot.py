"""Reading the snapshots of a claim file's sources: inside the project, hashed, decoded."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import attrs

from claimtrack.io.snapshot import SnapshotText, held_root, read_held_snapshot
from claimtrack.model import Source

__all__ = [
    "SourceReads",
    "SourceText",
    "read_source_snapshots",
    "snapshot_base",
]


@attrs.frozen
class SourceText:
    """A source's snapshot as read: its text when it could be read and its hash is the one
    recorded, else why not (``problem``) and whether it left the project."""

    source: Source
    read: SnapshotText

    @property
    def text(self) -> str | None:
        """The snapshot's text, when it was read and hashes as recorded."""
        return self.read.text if self.problem is None else None

    @property
    def problem(self) -> str | None:
        """Why the text cannot be used: unreadable, outside the project, changed."""
        if self.read.problem is not None:
            return self.read.problem
        recorded = self.source.snapshot.sha256 if self.source.snapshot is not None else None
        if recorded is not None and self.read.sha256 != recorded:
            return "its SHA-256 differs from the one recorded"
        return None

    @property
    def changed(self) -> bool:
        """Whether the file was read but its bytes no longer hash as recorded."""
        return self.read.problem is None and self.problem is not None


def snapshot_base(file_path: Path | None) -> Path:
    """The folder snapshot paths are relative to: the claim file's (or, for standard input,
    the working folder)."""
    return file_path.parent if file_path is not None else Path.cwd()


class SourceReads:
    """The source snapshots one check of a claim file reads, each read and hashed once.

    The quote check, the E213/E214 checks and the result's cache dependencies all ask it
    for the same snapshots; a path asked for again is served from the read already made
    (the object lives as long as one check of one file, so it never serves a text older
    than that check). ``file_path`` is the claim file's; snapshots may not leave ``root``
    (the project folder found above the claim file, once, unless given)."""

    def __init__(self, file_path: Path | None, root: Path | None = None) -> None:
        self._base = snapshot_base(file_path)
        self._root = root
        self._project: Path | None = None  # the root, resolved, once a snapshot is read
        self._reads: dict[str, SnapshotText] = {}  # by the path as the source writes it

    def texts(self, sources: Iterable[Source]) -> dict[str, SourceText]:
        """The snapshot of each of ``sources`` that records one, by source id."""
        found: dict[str, SourceText] = {}
        for source in sources:
            if source.snapshot is None or source.id in found:
                continue
            path = source.snapshot.path
            read = self._reads.get(path)
            if read is None:
                # The root is resolved (or found) once for the file's sources.
                self._project = self._project or held_root(self._root, self._base)
                read = self._reads[path] = read_held_snapshot(path, self._base, self._project)
            found[source.id] = SourceText(source, read)
        return found

    def dependencies(self) -> tuple[dict[str, str | None], ...]:
        """What a result of the check depends on in the snapshots read, as
        :meth:`~claimtrack.io.snapshot.SnapshotText.dependency` describes the
        document's (the path as written and where it led, the project root and where it was
        found from, the SHA-256 of the bytes read: "" when they could not be read, None when
        the path leaves the project), taken from the reads themselves (nothing
        is read or hashed again), sorted by path."""
        found: dict[str, dict[str, str | None]] = {}
        found_from = None if self._root is not None else os.path.abspath(self._base)
        for read in self._reads.values():
            dependency = read.dependency()
            if dependency is not None and dependency["written"] is not None:
                found[dependency["written"]] = {**dependency, "found_from": found_from}
        return tuple(found[name] for name in sorted(found))


def read_source_snapshots(
    sources: Iterable[Source], file_path: Path | None, root: Path | None = None
) -> dict[str, SourceText]:
    """The snapshot of each of ``sources`` that records one, by source id; ``file_path`` is
    the claim file's, and snapshots may not leave ``root`` (the project folder found above
    the claim file, unless given)."""
    return SourceReads(file_path, root).texts(sources)

"""Reading the snapshots of a claim file's sources: inside the project, hashed, decoded."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from claimtrack.io.snapshot import SnapshotText, held_root, read_held_snapshot, resolved_folder
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
    than that check). ``file_path`` is the claim file's. Snapshots may not leave ``root``
    (the run's project root: ``--project-root``, or the working folder for standard
    input); when it is None, a source's snapshot may not leave the project folder found
    above the file that defines the source: the claim file, or, for a shared source
    (``shared_folders`` maps its id to the library file's folder), the library file, so that
    a quote is held to the same folder as its record's E213 and E214 checks. Nothing larger
    than ``max_bytes`` (the default input limit when None) is read."""

    def __init__(
        self,
        file_path: Path | None,
        root: Path | None = None,
        *,
        max_bytes: int | None = None,
        shared_folders: Mapping[str, str] | None = None,
    ) -> None:
        self._base = snapshot_base(file_path)
        self._root = root
        self._max_bytes = max_bytes
        self._shared = shared_folders or {}
        # project roots, resolved, by the folder found from (None: the root given)
        self._projects: dict[Path | None, Path] = {}
        # by the path as the source writes it and the folder its root is found from
        self._reads: dict[tuple[str, Path | None], SnapshotText] = {}

    def texts(self, sources: Iterable[Source]) -> dict[str, SourceText]:
        """The snapshot of each of ``sources`` that records one, by source id."""
        found: dict[str, SourceText] = {}
        for source in sources:
            if source.snapshot is None or source.id in found:
                continue
            path = source.snapshot.path
            origin = None if self._root is not None else self._origin(source.id)
            read = self._reads.get((path, origin))
            if read is None:
                read = self._reads[path, origin] = self._read(path, origin)
            found[source.id] = SourceText(source, read)
        return found

    def read_own(self, path: str) -> SnapshotText:
        """A snapshot the claim file names for itself (the document's), held to the same
        folder and limit as its own sources' snapshots. It is not kept: it is not among
        :meth:`dependencies`, and each call reads it again."""
        return self._read(path, None if self._root is not None else self._base)

    def _origin(self, source_id: str) -> Path:
        """The folder the project root of a source's snapshot is found from: its library
        file's for a shared source, else the claim file's."""
        shared = self._shared.get(source_id)
        return self._base if shared is None else Path(shared)

    def _read(self, path: str, origin: Path | None) -> SnapshotText:
        # The root is resolved (or found) once per origin, not again for each snapshot.
        root = self._projects.get(origin)
        if root is None:
            root = self._projects[origin] = held_root(self._root, origin or self._base)
        return read_held_snapshot(
            path,
            self._base,
            root,
            max_bytes=self._max_bytes,
            found_from=origin,
            resolved_base=self._resolved_base,
        )

    @functools.cached_property
    def _resolved_base(self) -> str | None:
        """The folder snapshot paths are relative to, resolved once for all of them."""
        return resolved_folder(self._base)

    def dependencies(self) -> tuple[dict[str, str | None], ...]:
        """What a result of the check depends on in the snapshots read, as
        :meth:`~claimtrack.io.snapshot.SnapshotText.dependency` describes the
        document's (the path as written and where it led, the project root and where it was
        found from, the SHA-256 of the bytes read: "" when they could not be read, None when
        the path leaves the project), taken from the reads themselves (nothing
        is read or hashed again), sorted by path."""
        found: dict[str, dict[str, str | None]] = {}
        for read in self._reads.values():
            dependency = read.dependency()
            if dependency is not None and dependency["written"] is not None:
                found.setdefault(dependency["written"], dependency)
        return tuple(found[name] for name in sorted(found))


def read_source_snapshots(
    sources: Iterable[Source],
    file_path: Path | None,
    root: Path | None = None,
    *,
    max_bytes: int | None = None,
    shared_folders: Mapping[str, str] | None = None,
) -> dict[str, SourceText]:
    """The snapshot of each of ``sources`` that records one, by source id, read as
    :class:`SourceReads` reads them (``file_path`` is the claim file's)."""
    reads = SourceReads(file_path, root, max_bytes=max_bytes, shared_folders=shared_folders)
    return reads.texts(sources)

"""Reading the snapshots of a claim file's sources: inside the project, hashed, decoded."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from claimtrack.io.limits import Limits
from claimtrack.io.regular import read_regular
from claimtrack.io.snapshot import SnapshotText, find_project_root, read_snapshot
from claimtrack.model import Source

__all__ = ["SourceText", "read_source_snapshots", "snapshot_base", "snapshot_dependencies"]


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


def read_source_snapshots(
    sources: Iterable[Source], file_path: Path | None, root: Path | None = None
) -> dict[str, SourceText]:
    """The snapshot of each of ``sources`` that records one, by source id; ``file_path`` is
    the claim file's, and snapshots may not leave ``root`` (the project folder found above
    the claim file, unless given)."""
    base = snapshot_base(file_path)
    project: Path | None = root
    found: dict[str, SourceText] = {}
    for source in sources:
        if source.snapshot is None or source.id in found:
            continue
        project = project or find_project_root(base)
        found[source.id] = SourceText(source, read_snapshot(source.snapshot.path, base, project))
    return found


def _recorded_paths(data: Any) -> list[str]:
    """The snapshot paths the sources of a parsed claim file name (whatever else it holds)."""
    sources = data.get("sources") if isinstance(data, dict) else None
    paths: list[str] = []
    for source in sources if isinstance(sources, list) else ():
        snapshot = source.get("snapshot") if isinstance(source, dict) else None
        path = snapshot.get("path") if isinstance(snapshot, dict) else None
        if isinstance(path, str) and path:
            paths.append(path)
    return paths


def snapshot_dependencies(
    data: Any, file_path: Path | None, root: Path | None = None, shared: Iterable[Source] = ()
) -> tuple[dict[str, str | None], ...]:
    """The source snapshots a check of the parsed claim file ``data`` read, each described
    as :meth:`~claimtrack.io.snapshot.SnapshotText.dependency` describes the document's: the
    path as written and where it led, the project root (and where it was found from), and
    the SHA-256 of its bytes now ("" when it cannot be read). Paths that leave the project
    are left out (they are never read). ``shared`` are the library's sources the file cites,
    as its claims see them (snapshot paths relative to the claim file): their snapshots are
    read for its quotes too."""
    paths = _recorded_paths(data)
    paths.extend(s.snapshot.path for s in shared if s.snapshot is not None and s.snapshot.path)
    if not paths:
        return ()
    base = snapshot_base(file_path)
    project = (root or find_project_root(base)).resolve()
    found: dict[str, dict[str, str | None]] = {}
    for relative in paths:
        written = os.path.abspath(base / relative)
        try:
            target = Path(written).resolve()
        except (OSError, RuntimeError, ValueError):
            continue
        if Path(relative).is_absolute() or not target.is_relative_to(project):
            continue
        try:
            sha = hashlib.sha256(read_regular(target, Limits().max_bytes)).hexdigest()
        except (OSError, ValueError):  # unreadable, not a regular file, or too large
            sha = ""
        found[written] = {
            "written": written,
            "resolved": str(target),
            "root": str(project),
            "found_from": None if root is not None else os.path.abspath(base),
            "sha256": sha,
        }
    return tuple(found[name] for name in sorted(found))

"""Reading a document snapshot safely: inside the project, hashed, decoded, normalised."""

from __future__ import annotations

import hashlib
from pathlib import Path

import attrs

__all__ = ["SnapshotText", "find_project_root", "read_snapshot"]

_ROOT_MARKERS = (".git", "pyproject.toml", "claimtrack.toml")


@attrs.frozen
class SnapshotText:
    """A snapshot as read: its SHA-256 and raw text, or why it could not be read."""

    path: Path
    sha256: str | None = None
    text: str | None = None
    problem: str | None = None
    outside_project: bool = False


def find_project_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding .git, pyproject.toml or
    claimtrack.toml; ``start`` itself when there is none."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if any((folder / marker).exists() for marker in _ROOT_MARKERS):
            return folder
    return start


def read_snapshot(relative: str, base: Path, root: Path | None = None) -> SnapshotText:
    """Read the snapshot at ``relative`` (to the folder ``base``), refusing to leave ``root``."""
    root = (root or find_project_root(base)).resolve()
    candidate = Path(relative)
    target = (base / candidate).resolve()
    if candidate.is_absolute() or not target.is_relative_to(root):
        return SnapshotText(target, problem="it leaves the project folder", outside_project=True)
    try:
        data = target.read_bytes()
    except OSError as error:
        return SnapshotText(target, problem=error.strerror or str(error))
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return SnapshotText(target, sha256=digest, problem="it is not UTF-8 text")
    return SnapshotText(target, sha256=digest, text=text.removeprefix("\ufeff"))

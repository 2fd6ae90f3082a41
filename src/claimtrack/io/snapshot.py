"""Reading a document snapshot safely: inside the project, hashed, decoded, normalised."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

import attrs

from claimtrack.io.limits import Limits
from claimtrack.io.project_root import find_project_root
from claimtrack.io.regular import TooLargeError, read_regular

__all__ = [
    "SnapshotText",
    "find_project_root",
    "held_root",
    "read_held_snapshot",
    "read_snapshot",
    "resolved_folder",
]


@attrs.frozen
class SnapshotText:
    """A snapshot as read: its SHA-256 and raw text, or why it could not be read."""

    path: Path
    sha256: str | None = None
    text: str | None = None
    problem: str | None = None
    outside_project: bool = False
    #: The path as the claim file wrote it, joined to the claim file's folder but not
    #: resolved (a link there may be retargeted later), and the project root it was held to.
    written: Path | None = None
    root: Path | None = None
    #: The folder ``root`` was found from when no project root was given (a marker file
    #: appearing later in between could change it); None when it was given.
    found_from: Path | None = None

    def dependency(self) -> dict[str, str | None] | None:
        """What a result that used this snapshot depends on, as plain strings (for the
        cache): the path as written and where it led, the project root and, when the root
        was found rather than given, the folder it was found from; the SHA-256 of the bytes
        read (None when the file was not read because it lies outside the project)."""
        if self.written is None or self.root is None:
            return None
        written = os.path.abspath(self.written)
        return {
            "written": written,
            "resolved": str(self.path),
            "root": str(self.root),
            "found_from": None if self.found_from is None else os.path.abspath(self.found_from),
            "sha256": None if self.outside_project else self.sha256 or "",
        }


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path


def resolved_folder(folder: Path) -> str | None:
    """``folder`` resolved (its links followed), for :func:`read_held_snapshot` to join the
    snapshots named from it to; None when it cannot be resolved."""
    try:
        return os.path.realpath(folder, strict=True)
    except (OSError, ValueError):
        return None


def _target(written: Path, candidate: Path, folder: str | None) -> Path:
    """Where ``written`` (``candidate`` joined to a folder that resolves to ``folder``)
    leads, as :meth:`Path.resolve` gives it. When ``folder`` is known and ``candidate`` is a
    plain relative path, only its own parts are looked at, one ``lstat`` each: the folder
    was resolved once for all the snapshots named from it. A link, ``..`` or anything
    that cannot be looked at takes :meth:`Path.resolve` for the whole path."""
    parts = candidate.parts
    if folder is None or not parts or candidate.is_absolute() or ".." in parts:
        return written.resolve()
    joined = folder
    for part in parts:
        joined = os.path.join(joined, part)
        try:
            if stat.S_ISLNK(os.lstat(joined).st_mode):
                return written.resolve()
        except OSError:
            return written.resolve()
    return Path(joined)


def read_snapshot(
    relative: str, base: Path, root: Path | None = None, *, max_bytes: int | None = None
) -> SnapshotText:
    """Read the snapshot at ``relative`` (to the folder ``base``), refusing to leave ``root``
    and to read more than ``max_bytes`` (the default input limit when None) or anything but
    a regular file. Never raises: a problem is in the result's ``problem``."""
    found_from = None if root is not None else base
    return read_held_snapshot(
        relative, base, held_root(root, base), max_bytes=max_bytes, found_from=found_from
    )


def held_root(root: Path | None, base: Path) -> Path:
    """The folder snapshots named from ``base`` may not leave: ``root`` resolved, or, when
    None, the project root found above ``base``."""
    return _resolved(root) if root is not None else find_project_root(base)


def read_held_snapshot(
    relative: str,
    base: Path,
    root: Path,
    *,
    max_bytes: int | None = None,
    found_from: Path | None = None,
    resolved_base: str | None = None,
) -> SnapshotText:
    """:func:`read_snapshot` held to ``root`` as :func:`held_root` gave it (so a caller
    reading several snapshots resolves the root once); ``found_from`` is the folder it was
    found from, None when it was given. ``resolved_base`` is ``base`` as
    :func:`resolved_folder` gives it, for a caller reading several snapshots named from one
    folder (None: it is resolved with each path)."""
    limit = Limits().max_bytes if max_bytes is None else max_bytes
    candidate = Path(relative)
    written = base / candidate

    def made(path: Path, **fields: Any) -> SnapshotText:
        return SnapshotText(path, written=written, root=root, found_from=found_from, **fields)

    if "\0" in relative:
        return made(written, problem="its path holds a NUL byte")
    try:
        target = _target(written, candidate, resolved_base)
    except (OSError, RuntimeError) as error:  # a loop of links
        return made(written, problem=getattr(error, "strerror", None) or "its links form a loop")
    if candidate.is_absolute() or not target.is_relative_to(root):
        return made(target, problem="it leaves the project folder", outside_project=True)
    try:
        data = read_regular(target, limit)
    except TooLargeError as error:
        return made(target, problem=f"it is {error}")
    except OSError as error:
        return made(target, problem=error.strerror or str(error))
    digest = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return made(target, sha256=digest, problem="it is not UTF-8 text")
    return made(target, sha256=digest, text=text.removeprefix("\ufeff"))

"""Where a rewrite lands, and whether it may: links followed, read-only files refused,
temporary files of interrupted writes cleared.

An atomic write replaces a file by renaming a temporary file over it. Done naively on a
symbolic link, the rename replaces the link itself with a regular file and the file it
pointed to is never updated; done on a read-only file, the rename succeeds (only the
folder's permission counts) and silently overrides the owner's intent; a kill between
creating the temporary file and renaming it leaves a hidden ``.NAME.*.tmp`` behind.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from claimtrack.errors import ClaimtrackError

__all__ = [
    "STALE_SECONDS",
    "ReadOnlyFileError",
    "is_read_only",
    "refuse_read_only",
    "sweep_temporaries",
    "target_of",
    "temporary_prefix",
]

#: How old a leftover temporary file must be before a later write removes it (younger ones
#: may belong to a write still going on).
STALE_SECONDS = 60.0


class ReadOnlyFileError(ClaimtrackError, PermissionError):
    """The file to rewrite is read-only; it is rewritten only when the caller insists."""


def target_of(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` must replace: the end of any chain of links."""
    return Path(os.path.realpath(path))


def is_read_only(target: str | os.PathLike[str]) -> bool:
    """True if ``target`` is a regular file with no write permission for anyone (the mode
    bits, which hold for every user, root included)."""
    try:
        mode = os.stat(target).st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def refuse_read_only(target: Path, shown: str | os.PathLike[str]) -> None:
    """Raise :class:`ReadOnlyFileError` if ``target`` is read-only (:func:`is_read_only`).

    The message says what any caller can do; a command that can overrule it names its own
    way (``anchor --force``)."""
    if is_read_only(target):
        raise ReadOnlyFileError(f"{Path(shown).as_posix()} is read-only; make it writable")


def temporary_prefix(target: Path) -> str:
    """The prefix of the temporary files a write of ``target`` creates beside it."""
    return f".{target.name}."


def sweep_temporaries(target: Path, now: float | None = None) -> None:
    """Remove temporary files left beside ``target`` by writes that were interrupted more
    than :data:`STALE_SECONDS` ago."""
    now = time.time() if now is None else now
    prefix = temporary_prefix(target)
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and now - entry.stat().st_mtime > STALE_SECONDS:
                os.unlink(entry.path)
        except OSError:
            continue

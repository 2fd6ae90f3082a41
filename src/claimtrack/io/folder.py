"""Writing a whole folder of generated files (a corpus site) so that it is replaced as one.

The files are written into a new folder beside the target (``.NAME.<random>.new``); only
when every file is written is the old folder renamed away (``.NAME.<random>.old``), the new
one renamed into its place, and the old one removed. An interrupted run therefore leaves the
old folder as it was (plus a ``.new`` folder the next run removes), or, if it stops between
the two renames, the old folder under its ``.old`` name, which the next run puts back before
it starts. Readers never see a mix of old and new files. The two renames are not one atomic
step: for the instant between them the folder does not exist.

A folder is replaced only if it is empty or was made by this function (it holds the marker
file :data:`MARKER`): a user's folder named by mistake is never deleted.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import attrs

from claimtrack.errors import ClaimtrackError
from claimtrack.io.targets import STALE_SECONDS, target_of

__all__ = [
    "MARKER",
    "FolderError",
    "StagedFile",
    "StagedFolder",
    "staged_folder",
    "write_file_into",
    "write_folder",
]

#: The file that marks a folder as generated (its text says by what).
MARKER = ".claimtrack-site"


class FolderError(ClaimtrackError):
    """The folder cannot be written: it is another folder of the user's, or a file."""


def _siblings(target: Path, suffix: str) -> list[Path]:
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    return sorted(
        Path(entry.path)
        for entry in entries
        if entry.name.startswith(prefix) and entry.name.endswith(suffix) and entry.is_dir()
    )


def _recover(target: Path, now: float) -> None:
    """Put back a folder an interrupted run renamed away; remove stale half-written ones."""
    for old in _siblings(target, ".old"):
        if not target.exists():
            os.replace(old, target)
        else:
            shutil.rmtree(old, ignore_errors=True)
    for new in _siblings(target, ".new"):
        try:
            stale = now - new.stat().st_mtime > STALE_SECONDS
        except OSError:
            continue
        if stale:
            shutil.rmtree(new, ignore_errors=True)


def _check_replaceable(target: Path, shown: str) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise FolderError(f"{shown} is a file, not a folder; name a folder for the site")
    if (target / MARKER).is_file():
        return
    if any(target.iterdir()):
        raise FolderError(
            f"{shown} is a folder claimtrack did not make (it has no {MARKER} file) and is not"
            " empty; name a new or empty folder, so that nothing of yours is replaced"
        )


@attrs.frozen
class StagedFile:
    """A file another process wrote into a staged folder (:func:`write_file_into`), by its
    name in the folder: read it back, or write it again, from :class:`StagedFolder`."""

    name: str


def _into(root: Path, name: str) -> Path:
    return root.joinpath(*name.split("/"))


def write_file_into(staging: str | os.PathLike[str], name: str, content: str) -> StagedFile:
    """Write the file ``name`` (a POSIX path relative to the folder) into the staged
    folder at ``staging`` (:attr:`StagedFolder.path`) from any process, such as a worker
    making one page of many. It does not count as one of the folder's files until the
    :class:`StagedFolder` writes it again (or :meth:`StagedFolder.remove` drops it)."""
    destination = _into(Path(staging), name)
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_bytes(content.encode("utf-8"))
    return StagedFile(name)


class StagedFolder:
    """A folder being written beside its target, to replace it as one on :meth:`commit`
    (see the module's description). Files may be written, read back and written again
    before then. Made by :func:`staged_folder`."""

    def __init__(self, target: Path, staging: Path, old: Path, marker: str) -> None:
        self._target = target
        self._staging = staging
        self._old = old
        self._marker = marker
        self._made: set[Path] = {staging}
        self._names: set[str] = set()

    def _path(self, name: str) -> Path:
        return _into(self._staging, name)

    @property
    def path(self) -> str:
        """Where the folder is being written, for :func:`write_file_into`."""
        return os.fspath(self._staging)

    def write(self, name: str, content: str | bytes) -> None:
        """Write the file ``name`` (a POSIX path relative to the folder)."""
        destination = self._path(name)
        if destination.parent not in self._made:
            destination.parent.mkdir(parents=True, exist_ok=True)
            self._made.add(destination.parent)
        payload = content.encode("utf-8") if isinstance(content, str) else content
        destination.write_bytes(payload)
        self._names.add(name)

    def read_text(self, name: str) -> str:
        """The text of the file ``name`` written before."""
        return self._path(name).read_text(encoding="utf-8")

    def remove(self, name: str) -> None:
        """Remove the file ``name``, written before (here or by :func:`write_file_into`)."""
        self._path(name).unlink()
        self._names.discard(name)

    @property
    def count(self) -> int:
        """How many files have been written (a file written twice counts once)."""
        return len(self._names)

    def commit(self) -> None:
        """Write the marker file and put the folder in the target's place."""
        (self._staging / MARKER).write_text(self._marker, encoding="utf-8")
        if self._target.exists():
            os.chmod(self._staging, self._target.stat().st_mode & 0o7777)
            os.replace(self._target, self._old)
            os.replace(self._staging, self._target)
            shutil.rmtree(self._old, ignore_errors=True)
        else:
            os.replace(self._staging, self._target)


@contextlib.contextmanager
def staged_folder(path: str | os.PathLike[str], marker: str) -> Iterator[StagedFolder]:
    """A :class:`StagedFolder` to replace the folder ``path`` with, its :data:`MARKER` file
    holding ``marker``; it replaces ``path`` when the ``with`` block ends without an
    exception, and is removed (the old folder left as it was) when one is raised. Raises
    :class:`FolderError` for a folder that is not ours."""
    shown = os.fspath(path)
    target = target_of(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _recover(target, time.time())
    _check_replaceable(target, shown)
    token = secrets.token_hex(4)
    staging = target.parent / f".{target.name}.{token}.new"
    staging.mkdir()
    folder = StagedFolder(target, staging, target.parent / f".{target.name}.{token}.old", marker)
    try:
        yield folder
        folder.commit()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_folder(
    path: str | os.PathLike[str], files: Iterable[tuple[str, str | bytes]], marker: str
) -> int:
    """Replace the folder ``path`` by one holding ``files`` (each a POSIX path relative to
    the folder, and its content) and the :data:`MARKER` file holding ``marker``, as one
    (see the module's description); the number of files written. Raises
    :class:`FolderError` for a folder that is not ours, OSError when writing fails (the old
    folder is then left as it was)."""
    with staged_folder(path, marker) as folder:
        for name, content in files:
            folder.write(name, content)
    return folder.count

"""Atomic file writes: a temporary file in the same folder, flushed, then renamed over."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from claimtrack.errors import FileChangedError
from claimtrack.io.targets import (
    refuse_read_only,
    sweep_temporaries,
    target_of,
    temporary_prefix,
)

__all__ = ["replace_if_unchanged", "replaced_on_success", "write_atomic"]


def _create_temporary(target: Path) -> tuple[int, str]:
    """A new, empty file beside ``target``, open for writing.

    Created with mode 0o666 so that the system's umask (and a folder's default ACL) shapes
    it exactly as it shapes any new file: ``tempfile.mkstemp`` would make it 0o600, and a
    report that nobody else can read. No process-wide umask is read or changed. Its name
    starts with :func:`~claimtrack.io.targets.temporary_prefix`, so that a later write
    sweeps it away if this one is interrupted.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _attempt in range(100):
        name = target.parent / f"{temporary_prefix(target)}{secrets.token_hex(4)}.tmp"
        try:
            return os.open(name, flags, 0o666), str(name)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target.as_posix()}")


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, force: bool = False) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new, never
    half of one. A new file gets the permission bits the umask leaves of 0o666, as any
    program's new file does; a replaced file keeps its own. A link is followed: the file it
    leads to is replaced, and the link kept. A read-only file is refused
    (:class:`ReadOnlyFileError`) unless ``force``. Temporary files that interrupted writes
    left beside the file are removed."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with replaced_on_success(path, force=force) as temporary, temporary.open("wb") as stream:
        stream.write(payload)


def replace_if_unchanged(
    path: str | os.PathLike[str], expected: bytes, data: str | bytes, *, force: bool = False
) -> None:
    """Atomically replace ``path`` with ``data`` if it still holds ``expected`` (the bytes
    read before the change was computed); :class:`FileChangedError` and no write if not.
    ``force`` as for :func:`write_atomic`."""
    from claimtrack.io.regular import holds

    # As the file was read: only a regular file (a FIFO put in its place must not block),
    # and never more of it than it held.
    if not holds(path, expected):
        raise FileChangedError(f"{Path(path).as_posix()} changed since it was read; not replaced")
    write_atomic(path, data, force=force)


@contextlib.contextmanager
def replaced_on_success(path: str | os.PathLike[str], *, force: bool = False) -> Iterator[Path]:
    """A new, empty file beside ``path`` for the caller to fill by any means (a database
    engine writing pages, say); when the block ends without an exception, it is flushed to
    disk and renamed over ``path`` as :func:`write_atomic` does (links followed, the
    replaced file's mode kept, a read-only file refused unless ``force``), and when it
    raises, the new file is removed and ``path`` left as it was."""
    target = target_of(path)
    if not force:
        refuse_read_only(target, path)
    sweep_temporaries(target)
    mode = target.stat().st_mode & 0o777 if target.exists() else None
    handle, temporary = _create_temporary(target)
    os.close(handle)
    try:
        yield Path(temporary)
        descriptor = os.open(temporary, os.O_RDWR | getattr(os, "O_BINARY", 0))
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if mode is not None:
            os.chmod(temporary, mode)
        try:
            os.replace(temporary, target)
        except OSError as error:  # named after the file meant, not the temporary one
            raise type(error)(error.errno, error.strerror, os.fspath(path)) from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise

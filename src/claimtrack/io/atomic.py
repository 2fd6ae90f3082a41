"""Atomic file writes: a temporary file in the same folder, flushed, then renamed over."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from claimtrack.errors import FileChangedError
from claimtrack.io.targets import (
    refuse_read_only,
    sweep_temporaries,
    target_of,
    temporary_prefix,
)

__all__ = ["replace_if_unchanged", "write_atomic"]


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, force: bool = False) -> None:
    """Replace ``path`` with ``data`` so that readers see the old file or the new, never
    half of one. Keeps the old file's permission bits when there is one. A link is followed:
    the file it leads to is replaced, and the link kept. A read-only file is refused
    (:class:`ReadOnlyFileError`) unless ``force``. Temporary files that interrupted writes
    left beside the file are removed."""
    target = target_of(path)
    if not force:
        refuse_read_only(target, path)
    sweep_temporaries(target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    mode = target.stat().st_mode & 0o777 if target.exists() else None
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=temporary_prefix(target), suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def replace_if_unchanged(
    path: str | os.PathLike[str], expected: bytes, data: str | bytes, *, force: bool = False
) -> None:
    """Atomically replace ``path`` with ``data`` if it still holds ``expected`` (the bytes
    read before the change was computed); :class:`FileChangedError` and no write if not.
    ``force`` as for :func:`write_atomic`."""
    try:
        current = Path(path).read_bytes()
    except FileNotFoundError:
        current = None
    if current != expected:
        raise FileChangedError(f"{Path(path).as_posix()} changed since it was read; not replaced")
    write_atomic(path, data, force=force)

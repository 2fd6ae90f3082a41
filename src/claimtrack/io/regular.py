"""Reading only regular files, and never more than a limit.

A FIFO blocks its reader until a writer comes, a device can stream forever, and a file's
size can change between a ``stat`` and a ``read``. So every file claimtrack reads (claim
files, snapshots, articles, cache files) is opened without blocking, refused unless it is a
regular file, and read with a cap applied as the bytes arrive, never after.
"""

from __future__ import annotations

import errno
import os
import stat

from claimtrack.errors import ConfigError

__all__ = [
    "NotRegularFileError",
    "TooLargeError",
    "file_kind",
    "holds",
    "open_regular",
    "read_capped",
    "read_regular",
    "read_settings_text",
]

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1024 * 1024


class NotRegularFileError(OSError):
    """The path names a FIFO, a device, a socket or a folder, not a regular file."""


class TooLargeError(ValueError):
    """The file holds more bytes than the limit allowed; ``size`` is at least that many."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size:,} bytes or more, over the limit of {limit:,}")
        self.size = size
        self.limit = limit


def file_kind(mode: int) -> str:
    """What a file of ``mode`` (from ``stat``) is, as messages name it: "a folder", "a FIFO
    (named pipe)", "a socket", "a device", or "a special file" (any other kind), each read in
    "it is …, not a regular file"."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def open_regular(path: str | os.PathLike[str]) -> int:
    """A read-only descriptor of the regular file at ``path`` (following links). Raises
    :class:`NotRegularFileError` for anything else, without blocking on a FIFO; other
    :class:`OSError` as ``open`` does, and :class:`ValueError` for a path holding a NUL."""
    descriptor = os.open(path, _FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = file_kind(mode)
            raise NotRegularFileError(errno.EINVAL, f"it is {kind}, not a regular file")
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def read_capped(descriptor: int, limit: int) -> bytes:
    """At most ``limit`` bytes from ``descriptor``; :class:`TooLargeError` as soon as more
    arrive (so a file that grows while it is read is never held whole)."""
    parts: list[bytes] = []
    total = 0
    while True:
        part = os.read(descriptor, min(_CHUNK, limit + 1 - total))
        if not part:
            return b"".join(parts)
        parts.append(part)
        total += len(part)
        if total > limit:
            raise TooLargeError(total, limit)


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them (see
    :func:`open_regular` and :func:`read_capped` for what is raised)."""
    descriptor = open_regular(path)
    try:
        size = os.fstat(descriptor).st_size
        if size > limit:
            raise TooLargeError(size, limit)
        return read_capped(descriptor, limit)
    finally:
        os.close(descriptor)


def holds(path: str | os.PathLike[str], content: bytes) -> bool:
    """Whether ``path`` is a regular file holding exactly ``content``: read no further than
    that (so a FIFO in its place never blocks and a larger file is never read whole);
    anything else there, or nothing, is False."""
    try:
        return read_regular(path, len(content)) == content
    except (OSError, ValueError):  # TooLargeError is a ValueError, as is a path with a NUL
        return False


def read_settings_text(path: str | os.PathLike[str], limit: int, what: str, name: str) -> str:
    """The UTF-8 text of a settings file (``what``: "the configuration", "the baseline"),
    read as claim files are: only a regular file, at most ``limit`` bytes. Anything else is
    a :class:`ConfigError` naming the file (as ``name``) and what to do."""
    try:
        data = read_regular(path, limit)
    except NotRegularFileError as error:
        raise ConfigError(
            f"{name}: cannot read {what}: {error.strerror}; give the path of a regular file"
        ) from None
    except TooLargeError as error:
        raise ConfigError(
            f"{name}: cannot read {what}: it is {error}; check that this is the file meant"
            " (the limit is the configured max-file-size)"
        ) from None
    except OSError as error:
        raise ConfigError(f"{name}: cannot read {what}: {error.strerror or error}") from None
    except ValueError as error:  # a path holding a NUL
        raise ConfigError(f"{name}: cannot read {what}: {error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{name}: {what} is not UTF-8 text") from None

"""Why a file could not be read or written, in words rather than an errno.

``str(OSError)`` reads ``[Errno 2] No such file or directory: 'new.txt'``: a number the user
has no use for, and the name a second time. The reason alone is what a message needs.
"""

from __future__ import annotations

import errno

__all__ = ["read_failure"]

_PLAIN = {
    errno.ENOENT: "no such file",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENOSPC: "no space left on the device",
    errno.EROFS: "the file system is read-only",
}


def read_failure(error: OSError | UnicodeDecodeError) -> str:
    """The reason, starting in lower case, without the errno or the file name."""
    if isinstance(error, UnicodeDecodeError):
        return f"it is not UTF-8 text (byte {error.start + 1} cannot be decoded)"
    if error.errno in _PLAIN:
        return _PLAIN[error.errno]
    reason = error.strerror or type(error).__name__
    return reason[:1].lower() + reason[1:]

"""Reading an article to extract claims from: bytes from disk, decoded as UTF-8.

The read is bounded as it happens: only regular files are read (a device such as
``/dev/zero`` or a pipe never ends and has no size to check first), and no more than the
limit plus one byte is ever taken from the file, so a file that grows while it is read cannot
push memory past the limit either.
"""

from __future__ import annotations

import os
from pathlib import Path

from claimtrack.errors import ClaimtrackError
from claimtrack.io.regular import NotRegularFileError, TooLargeError, read_regular

__all__ = ["MAX_ARTICLE_BYTES", "ArticleReadError", "read_article"]

MAX_ARTICLE_BYTES = 10 * 1024 * 1024


class ArticleReadError(ClaimtrackError, ValueError):
    """An article cannot be read: missing, not a regular file, too large, or not UTF-8."""


def _read_bounded(target: Path, limit: int, command: str) -> bytes:
    # Read as every input is (claimtrack.io.regular): opened without blocking and refused
    # unless regular (a named pipe would wait for a writer, a device never ends), and never
    # more than the limit, however the file grows while it is read.
    try:
        return read_regular(target, limit)
    except NotRegularFileError:
        raise ArticleReadError(
            f"{target}: not a regular file (a device, pipe or folder); save it to a regular"
            f" file and give that to `{command}`"
        ) from None
    except TooLargeError as error:  # too large when opened, or grown past the limit since
        raise ArticleReadError(
            f"{target}: the file has {error.size} bytes, more than the {limit} `{command}`"
            " reads; give it a shorter part of the file"
        ) from None


def read_article(
    path: str | os.PathLike[str],
    *,
    limit: int = MAX_ARTICLE_BYTES,
    command: str = "claimtrack extract",
) -> str:
    """The text of the article at ``path``; :class:`ArticleReadError` saying why not, in
    words for ``command``, the command that reads it."""
    target = Path(path)
    try:
        data = _read_bounded(target, limit, command)
    except OSError as error:
        raise ArticleReadError(f"{target}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleReadError(
            f"{target}: byte {error.start} is not UTF-8; save the file as UTF-8 text"
        ) from None

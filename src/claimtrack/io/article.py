"""Reading an article to extract claims from: bytes from disk, decoded as UTF-8.

The read is bounded as it happens: only regular files are read (a device such as
``/dev/zero`` or a pipe never ends and has no size to check first), and no more than the
limit plus one byte is ever taken from the file, so a file that grows while it is read cannot
push memory past the limit either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from claimtrack.errors import ClaimtrackError

__all__ = ["MAX_ARTICLE_BYTES", "ArticleReadError", "read_article"]

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
_CHUNK = 1024 * 1024


class ArticleReadError(ClaimtrackError, ValueError):
    """An article cannot be read: missing, not a regular file, too large, or not UTF-8."""


def _too_large(target: Path, size: str, limit: int) -> ArticleReadError:
    return ArticleReadError(
        f"{target}: the file has {size} bytes, more than the {limit} an article may have;"
        " extract a shorter part of it"
    )


def _check_regular(target: Path, mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise ArticleReadError(
            f"{target}: not a regular file (a device, pipe or folder); save the article to a"
            " file and extract that"
        )


def _read_bounded(target: Path, limit: int) -> bytes:
    # Checked before opening too: opening a named pipe would wait for a writer.
    _check_regular(target, target.stat().st_mode)
    with target.open("rb") as handle:
        status = os.fstat(handle.fileno())
        _check_regular(target, status.st_mode)
        if status.st_size > limit:
            raise _too_large(target, str(status.st_size), limit)
        chunks: list[bytes] = []
        taken = 0
        while taken <= limit:
            chunk = handle.read(min(_CHUNK, limit + 1 - taken))
            if not chunk:
                break
            chunks.append(chunk)
            taken += len(chunk)
        if taken > limit:
            raise ArticleReadError(
                f"{target}: the file grew past the {limit} bytes an article may have while it"
                " was read; extract a copy that is not being written to"
            )
        return b"".join(chunks)


def read_article(path: str | os.PathLike[str], *, limit: int = MAX_ARTICLE_BYTES) -> str:
    """The text of the article at ``path``; :class:`ArticleReadError` saying why not."""
    target = Path(path)
    try:
        data = _read_bounded(target, limit)
    except OSError as error:
        raise ArticleReadError(f"{target}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleReadError(
            f"{target}: byte {error.start} is not UTF-8; save the article as UTF-8 text"
        ) from None

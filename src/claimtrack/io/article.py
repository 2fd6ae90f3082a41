"""Reading an article to extract claims from: bytes from disk, decoded as UTF-8."""

from __future__ import annotations

import os
from pathlib import Path

from claimtrack.errors import ClaimtrackError

__all__ = ["MAX_ARTICLE_BYTES", "ArticleReadError", "read_article"]

MAX_ARTICLE_BYTES = 10 * 1024 * 1024


class ArticleReadError(ClaimtrackError, ValueError):
    """An article cannot be read: missing, too large, or not UTF-8 text."""


def read_article(path: str | os.PathLike[str], *, limit: int = MAX_ARTICLE_BYTES) -> str:
    """The text of the article at ``path``; :class:`ArticleReadError` saying why not."""
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > limit:
            raise ArticleReadError(f"{target}: the file has {size} bytes, more than {limit}")
        data = target.read_bytes()
    except OSError as error:
        raise ArticleReadError(f"{target}: {error.strerror or error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleReadError(
            f"{target}: byte {error.start} is not UTF-8; save the article as UTF-8 text"
        ) from None

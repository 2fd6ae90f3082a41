"""Reading an article: bounded as it reads, regular files only."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from claimtrack.io.article import ArticleReadError, read_article


class TestReadArticle:
    def test_reads_utf8_text(self, tmp_path: Path) -> None:
        """A regular UTF-8 file is returned as text."""
        path = tmp_path / "a.txt"
        path.write_text("The board met on Monday.\n", encoding="utf-8")
        assert read_article(path) == "The board met on Monday.\n"

    def test_file_over_the_limit_is_refused(self, tmp_path: Path) -> None:
        """A file larger than the limit is refused with its size and what to do."""
        path = tmp_path / "big.txt"
        path.write_bytes(b"x" * 101)
        with pytest.raises(ArticleReadError, match=r"101 bytes, more than the 100 .*shorter"):
            read_article(path, limit=100)

    def test_file_at_the_limit_is_read(self, tmp_path: Path) -> None:
        """A file of exactly the limit is read whole."""
        path = tmp_path / "edge.txt"
        path.write_bytes(b"x" * 100)
        assert read_article(path, limit=100) == "x" * 100

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
    def test_endless_device_is_refused_without_reading(self) -> None:
        """A device that never ends (``/dev/zero``) is refused as not a regular file."""
        with pytest.raises(ArticleReadError, match="not a regular file"):
            read_article("/dev/zero")

    @pytest.mark.skipif(sys.platform == "win32", reason="named pipes are POSIX")
    def test_named_pipe_is_refused_without_waiting(self, tmp_path: Path) -> None:
        """A named pipe is refused before it is opened (opening it would wait for a writer)."""
        fifo = tmp_path / "pipe.txt"
        os.mkfifo(fifo)
        with pytest.raises(ArticleReadError, match="not a regular file"):
            read_article(fifo)

    def test_folder_is_refused(self, tmp_path: Path) -> None:
        """A folder is not an article."""
        with pytest.raises(ArticleReadError, match="not a regular file"):
            read_article(tmp_path)

    def test_missing_file_names_the_path(self, tmp_path: Path) -> None:
        """A missing file is an error naming the path."""
        with pytest.raises(ArticleReadError, match=r"missing\.txt"):
            read_article(tmp_path / "missing.txt")

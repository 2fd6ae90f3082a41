"""Replacing a generated folder (a corpus site) as one, and never a folder of the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrack.io.folder import MARKER, FolderError, write_folder


def _files(version: str) -> list[tuple[str, str]]:
    return [("index.html", f"index {version}"), (f"documents/{version}.html", version)]


def _tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class TestWriteFolder:
    def test_a_new_site_holds_the_files_and_the_marker(self, tmp_path: Path) -> None:
        """A new folder (and its parents) holds exactly the files given, and the marker."""
        target = tmp_path / "out" / "site"
        assert write_folder(target, _files("one"), "made by a test\n") == 2
        assert _tree(target) == {
            MARKER: "made by a test\n",
            "documents/one.html": "one",
            "index.html": "index one",
        }

    def test_a_second_run_replaces_the_whole_site(self, tmp_path: Path) -> None:
        """Pages of the old site that the new one lacks are gone; nothing is left beside it."""
        target = tmp_path / "site"
        write_folder(target, _files("one"), "m")
        write_folder(target, _files("two"), "m")
        assert _tree(target) == {
            MARKER: "m",
            "documents/two.html": "two",
            "index.html": "index two",
        }
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    def test_a_users_folder_is_never_replaced(self, tmp_path: Path) -> None:
        """A non-empty folder without the marker is refused, and left as it was."""
        target = tmp_path / "notes"
        target.mkdir()
        (target / "mine.txt").write_text("keep me", encoding="utf-8")
        with pytest.raises(FolderError, match="did not make"):
            write_folder(target, _files("one"), "m")
        assert _tree(target) == {"mine.txt": "keep me"}

    def test_an_empty_folder_is_used(self, tmp_path: Path) -> None:
        """An empty folder the user made for the site is filled."""
        target = tmp_path / "site"
        target.mkdir()
        write_folder(target, _files("one"), "m")
        assert "index.html" in _tree(target)

    def test_a_file_in_the_way_is_refused(self, tmp_path: Path) -> None:
        """A file where the folder should be is an error, and the file stays."""
        target = tmp_path / "site"
        target.write_text("a file", encoding="utf-8")
        with pytest.raises(FolderError, match="is a file"):
            write_folder(target, _files("one"), "m")
        assert target.read_text(encoding="utf-8") == "a file"

    def test_an_interrupted_write_leaves_the_old_site_whole(self, tmp_path: Path) -> None:
        """A failure halfway through the pages leaves the old site as it was, and no
        half-written folder beside it."""
        target = tmp_path / "site"
        write_folder(target, _files("one"), "m")
        before = _tree(target)

        def failing() -> Iterator[tuple[str, str]]:
            yield "index.html", "new index"
            raise OSError(28, "No space left on device")

        with pytest.raises(OSError, match="No space"):
            write_folder(target, failing(), "m")
        assert _tree(target) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    def test_a_site_renamed_away_by_an_interrupted_swap_comes_back(self, tmp_path: Path) -> None:
        """A run stopped between its two renames left the old site under its .old name;
        the next run puts it back before deciding anything, then replaces it."""
        target = tmp_path / "site"
        write_folder(target, _files("one"), "m")
        os.replace(target, tmp_path / ".site.0123abcd.old")
        write_folder(target, _files("two"), "m")
        assert _tree(target)["index.html"] == "index two"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]

    def test_the_folder_keeps_its_mode(self, tmp_path: Path) -> None:
        """A replaced site keeps the permission bits of the folder it replaces."""
        target = tmp_path / "site"
        write_folder(target, _files("one"), "m")
        target.chmod(0o750)
        write_folder(target, _files("two"), "m")
        assert target.stat().st_mode & 0o777 == 0o750

"""Where a snapshot path leads: joined to a folder resolved once, it leads where resolving
the whole path leads, through links, ``..``, missing files and a linked folder alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimtrack.io.snapshot import read_held_snapshot, resolved_folder

TEXT = b"The ministry said the bridge reopened on Monday.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with a claim folder reached through a link, snapshots beside it, a linked
    snapshot, a linked folder of snapshots, a link out of the project and a loop."""
    root = tmp_path / "project"
    (root / "real" / "snaps").mkdir(parents=True)
    (root / "real" / "note.txt").write_bytes(TEXT)
    (root / "real" / "snaps" / "deep.txt").write_bytes(TEXT)
    (root / "claims").symlink_to(root / "real")
    (root / "real" / "linked.txt").symlink_to(root / "real" / "note.txt")
    (root / "real" / "through").symlink_to(root / "real" / "snaps")
    (tmp_path / "secret.txt").write_bytes(TEXT)
    (root / "real" / "out.txt").symlink_to(tmp_path / "secret.txt")
    (root / "real" / "loop").symlink_to(root / "real" / "loop")
    return root


@pytest.mark.parametrize(
    "relative",
    [
        "note.txt",
        "./note.txt",
        "snaps//deep.txt",
        "linked.txt",
        "through/deep.txt",
        "../real/note.txt",
        "out.txt",
        "missing.txt",
        "gone/missing.txt",
        "loop",
        "loop/x",
        "note.txt/x",
    ],
)
def test_read_from_a_resolved_folder_is_read_as_before(project: Path, relative: str) -> None:
    """The same target, text, problem and containment with the folder resolved once as
    with each path resolved whole (the folder itself is reached through a link)."""
    base = project / "claims"
    root = project.resolve()
    whole = read_held_snapshot(relative, base, root)
    joined = read_held_snapshot(relative, base, root, resolved_base=resolved_folder(base))
    assert joined == whole


def test_a_link_out_of_the_project_is_refused(project: Path) -> None:
    """A snapshot that is a link leading out of the project is never read."""
    base = project / "claims"
    read = read_held_snapshot(
        "out.txt", base, project.resolve(), resolved_base=resolved_folder(base)
    )
    assert read.outside_project
    assert read.text is None


def test_a_folder_that_cannot_be_resolved(tmp_path: Path) -> None:
    """A folder that is gone resolves to nothing, and each path is then resolved whole."""
    assert resolved_folder(tmp_path / "gone") is None
    read = read_held_snapshot("note.txt", tmp_path / "gone", tmp_path, resolved_base=None)
    assert read.path == (tmp_path / "gone" / "note.txt").resolve()
    assert read.problem is not None

"""The cache never passes what a fresh run fails: retargeted links, project-root markers,
tampered rows and files that are not regular files are all misses."""

from __future__ import annotations

import itertools
import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.cli.main import cli
from claimtrack.io import cache as cache_module
from claimtrack.io.cache import ResultCache
from tests.conftest import FIXTURES

SNAPSHOT = FIXTURES / "claims" / "snapshot.txt"
CLAIM_FILE = FIXTURES / "claims" / "valid" / "full.yaml"
INDEX = "check-v3.json"


def _project(root: Path) -> Path:
    """A project whose claim file names ``../snapshot.txt``, a link to ``texts/a.txt``;
    ``texts/b.txt`` differs from it and ``../outside.txt`` (outside the project) does not."""
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (root / "claims").mkdir()
    (root / "texts").mkdir()
    shutil.copy(CLAIM_FILE, root / "claims" / "full.yaml")
    shutil.copy(SNAPSHOT, root / "texts" / "a.txt")
    (root / "texts" / "b.txt").write_text("Another text altogether.\n", encoding="utf-8")
    shutil.copy(SNAPSHOT, root.parent / "outside.txt")
    (root / "snapshot.txt").symlink_to(root / "texts" / "a.txt")
    return root


def _codes(root: Path, cached: bool) -> list[str]:
    settings = claimtrack.CheckSettings()
    if cached:
        cache = ResultCache(root / ".cache", settings.fingerprint())
        settings = claimtrack.CheckSettings(cache=cache)
    result = claimtrack.check([root / "claims" / "full.yaml"], settings)
    return sorted(finding.code for finding in result.findings)


def _retarget(link: Path, target: Path) -> None:
    link.unlink()
    link.symlink_to(target)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as written long ago, so stat signatures are kept and trusted."""
    real = cache_module.time.time_ns
    monkeypatch.setattr(cache_module.time, "time_ns", lambda: real() + 60 * 10**9)


@pytest.mark.usefixtures("settled")
class TestSnapshotPaths:
    """What the snapshot path leads to, and the project root, are part of the cache key."""

    def test_retargeted_snapshot_link_is_a_miss(self, tmp_path: Path) -> None:
        """A snapshot link pointed at another text gives the fresh run's finding, not a pass."""
        root = _project(tmp_path / "p")
        assert _codes(root, cached=True) == []
        _retarget(root / "snapshot.txt", root / "texts" / "b.txt")
        assert "E212" in _codes(root, cached=False)
        assert _codes(root, cached=True) == _codes(root, cached=False)

    def test_link_retargeted_outside_the_project_is_a_miss(self, tmp_path: Path) -> None:
        """A snapshot link pointed at an identical text outside the project is refused."""
        root = _project(tmp_path / "p")
        assert _codes(root, cached=True) == []
        _retarget(root / "snapshot.txt", root.parent / "outside.txt")
        assert "E211" in _codes(root, cached=False)
        assert _codes(root, cached=True) == _codes(root, cached=False)

    def test_retargeted_folder_link_is_a_miss(self, tmp_path: Path) -> None:
        """A snapshot named through a linked folder, once that link is pointed at a folder
        holding another text of the same name, gives the fresh run's finding, not a pass."""
        root = _project(tmp_path / "p")
        (root / "other").mkdir()
        (root / "other" / "a.txt").write_text("Another text altogether.\n", encoding="utf-8")
        (root / "linked").symlink_to(root / "texts")
        claim = root / "claims" / "full.yaml"
        text = claim.read_text(encoding="utf-8")
        claim.write_text(text.replace("path: ../snapshot.txt", "path: ../linked/a.txt"), "utf-8")
        assert _codes(root, cached=True) == _codes(root, cached=True) == []  # stored, then hit
        _retarget(root / "linked", root / "other")
        assert "E212" in _codes(root, cached=False)
        assert _codes(root, cached=True) == _codes(root, cached=False)

    def test_marker_between_file_and_snapshot_is_a_miss(self, tmp_path: Path) -> None:
        """A pyproject.toml appearing beside the claim file moves the project root, and the
        cached run then reports the snapshot as outside it, as a fresh run does."""
        root = _project(tmp_path / "p")
        assert _codes(root, cached=True) == []
        (root / "claims" / "pyproject.toml").write_text("", encoding="utf-8")
        assert "E211" in _codes(root, cached=False)
        assert _codes(root, cached=True) == _codes(root, cached=False)
        (root / "claims" / "pyproject.toml").unlink()
        assert _codes(root, cached=True) == _codes(root, cached=False) == []


def test_snapshot_paths_resolve_as_realpath_does(tmp_path: Path) -> None:
    """The cache resolves a snapshot's path to what ``os.path.realpath`` gives, through
    linked folders, ``..``, doubled slashes and missing files alike, and a path that is no
    link gets the signature ``os.stat`` gives it."""
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("a\n", encoding="utf-8")
    (tmp_path / "folder-link").symlink_to(tmp_path / "texts")
    (tmp_path / "file-link.txt").symlink_to(tmp_path / "texts" / "a.txt")
    (tmp_path / "texts" / "up").symlink_to(tmp_path)
    cache = ResultCache(tmp_path / ".cache", "f")
    base = str(tmp_path)
    written = [
        f"{base}/texts/a.txt",
        f"{base}/folder-link/a.txt",
        f"{base}/file-link.txt",
        f"{base}/texts/up/texts/a.txt",
        f"{base}/folder-link/../texts/a.txt",
        f"{base}//texts//a.txt",
        f"{base}/texts/./a.txt",
        f"{base}/texts/missing.txt",
        f"{base}/missing-folder/a.txt",
        f"{base}/texts/",
        f"{base}/texts/..",
        "/",
        "relative/a.txt",
    ]
    for path in written * 2:  # the second time from the folders resolved the first time
        resolved, signature = cache._resolve(path)
        assert resolved == os.path.realpath(path), path
        if signature is not None:
            assert not os.path.islink(path)
            assert signature == cache_module._signature(os.stat(path)), path


_STEPS = st.lists(
    st.sampled_from(["to-a", "to-b", "outside", "marker", "unmark", "edit", "unedit", "same"]),
    min_size=1,
    max_size=6,
)
_counter = itertools.count()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=_STEPS)
def test_cached_and_fresh_runs_always_agree(tmp_path: Path, steps: list[str]) -> None:
    """Whatever edits, link swaps and marker files come between runs, a cached run reports
    exactly what a run without the cache reports (each example in a folder of its own)."""
    root = _project(tmp_path / f"example-{next(_counter)}")
    original = (root / "claims" / "full.yaml").read_text(encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        real = cache_module.time.time_ns
        patch.setattr(cache_module.time, "time_ns", lambda: real() + 60 * 10**9)
        assert _codes(root, cached=True) == _codes(root, cached=False)
        for step in steps:
            if step == "to-a":
                _retarget(root / "snapshot.txt", root / "texts" / "a.txt")
            elif step == "to-b":
                _retarget(root / "snapshot.txt", root / "texts" / "b.txt")
            elif step == "outside":
                _retarget(root / "snapshot.txt", root.parent / "outside.txt")
            elif step == "marker":
                (root / "claims" / "claimtrack.toml").write_text("", encoding="utf-8")
            elif step == "unmark":
                (root / "claims" / "claimtrack.toml").unlink(missing_ok=True)
            elif step == "edit":
                edited = original.replace("id: displacement-report", "id: displacement-REPORT")
                (root / "claims" / "full.yaml").write_text(edited, encoding="utf-8")
            elif step == "unedit":
                (root / "claims" / "full.yaml").write_text(original, encoding="utf-8")
            assert _codes(root, cached=True) == _codes(root, cached=False), steps


class TestTamperedRows:
    """An index row changed by anything but the cache is a miss."""

    def test_severity_erased_by_hand_is_a_miss(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A row whose ``severest`` was set to null no longer makes ``-qq`` exit 0."""
        root = _project(tmp_path / "p")
        (root / "claims" / "full.yaml").write_text(
            CLAIM_FILE.read_text(encoding="utf-8").replace("sha256: d6", "sha256: 06"),
            encoding="utf-8",
        )
        runner = CliRunner()
        monkeypatch.chdir(root)
        assert runner.invoke(cli, ["check", "-qq", "claims"]).exit_code == 1
        index_path = root / ".claimtrack-cache" / INDEX
        index = json.loads(index_path.read_text(encoding="utf-8"))
        for entry in index["entries"].values():
            entry["severest"] = None
        index_path.write_text(json.dumps(index), encoding="utf-8")
        assert runner.invoke(cli, ["check", "-qq", "claims"]).exit_code == 1

    @pytest.mark.parametrize(
        ("field", "value"),
        [("at", [0, -1]), ("stat", "x"), ("sha256", 5), ("snapshot", {"written": 1})],
    )
    def test_row_of_unexpected_shape_is_a_miss(
        self, tmp_path: Path, field: str, value: object
    ) -> None:
        """A row with a field of the wrong shape is dropped, and the file checked again."""
        root = _project(tmp_path / "p")
        _codes(root, cached=True)
        index_path = root / ".cache" / INDEX
        index = json.loads(index_path.read_text(encoding="utf-8"))
        for entry in index["entries"].values():
            entry[field] = value
        index_path.write_text(json.dumps(index), encoding="utf-8")
        settings = claimtrack.CheckSettings()
        cache = ResultCache(root / ".cache", settings.fingerprint())
        key = next(iter(index["entries"]))
        assert cache.lookup(key, root / "claims" / "full.yaml")[0] is None

    def test_results_file_edited_by_hand_is_a_miss(self, tmp_path: Path) -> None:
        """Findings removed from the results file are not served: the file is checked again."""
        root = _project(tmp_path / "p")
        _retarget(root / "snapshot.txt", root / "texts" / "b.txt")
        assert "E212" in _codes(root, cached=True)
        (results,) = (root / ".cache").glob("results-*.json")
        data = json.loads(results.read_bytes())
        data["findings"] = []
        results.write_text(json.dumps(data), encoding="utf-8")
        assert "E212" in _codes(root, cached=True)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_fifo_as_cache_index_does_not_block(tmp_path: Path) -> None:
    """A FIFO where the index should be is ignored at once (the run does not hang)."""
    root = _project(tmp_path / "p")
    (root / ".cache").mkdir()
    os.mkfifo(root / ".cache" / INDEX)
    assert _codes(root, cached=True) == []


def test_gitignore_cut_short_is_written_again(tmp_path: Path) -> None:
    """A cache folder's .gitignore left empty (a full disk) is written whole by the next save."""
    root = _project(tmp_path / "p")
    (root / ".cache").mkdir()
    (root / ".cache" / ".gitignore").write_text("", encoding="utf-8")
    _codes(root, cached=True)
    assert (root / ".cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")

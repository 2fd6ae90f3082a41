"""A warm ``check -qq`` answered before the command line is built gives the exit status the
full command gives, and gives up (the full command then runs) whenever anything the answer
depends on has changed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack import _fast_path, schema
from claimtrack.cli.main import cli
from tests.conftest import FIXTURES

CLAIMS = FIXTURES / "claims"
SNAPSHOT = CLAIMS / "snapshot.txt"
VALID = CLAIMS / "valid" / "full.yaml"  # names ../snapshot.txt
FLAGGED = CLAIMS / "invalid" / "F101-citation-needed.yaml"  # a warning


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as written long ago, so stat signatures are kept and trusted."""
    real = time.time_ns
    monkeypatch.setattr(time, "time_ns", lambda: real() + 60 * 10**9)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project (it has a pyproject.toml) with a folder of two claim files, one of them
    citing a snapshot, and a sub-folder; the current folder is the project's."""
    root = tmp_path / "p"
    (root / "claims" / "more").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    shutil.copy(SNAPSHOT, root / "snapshot.txt")
    shutil.copy(VALID, root / "claims" / "full.yaml")
    monkeypatch.chdir(root)
    return root


def _full(*arguments: str) -> int:
    """The exit status of the full command (which leaves the memo behind)."""
    result = CliRunner().invoke(cli, ["check", *arguments])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code


def _fast(*arguments: str) -> int | None:
    return _fast_path.warm_exit_code(["check", *arguments])


def _add_flagged(root: Path) -> None:
    shutil.copy(FLAGGED, root / "claims" / "flagged.yaml")


@pytest.mark.usefixtures("settled")
class TestSameAnswer:
    """Where the shortcut answers, it answers as the full command does."""

    @pytest.mark.parametrize("flagged", [False, True])
    @pytest.mark.parametrize("cache_dir", [None, "elsewhere/cache"])
    def test_exit_status_is_the_full_commands(
        self, project: Path, flagged: bool, cache_dir: str | None
    ) -> None:
        """A clean folder exits 0 and one with a warning 1, from the shortcut too; with the
        cache in its default place or one given."""
        if flagged:
            _add_flagged(project)
        options = [] if cache_dir is None else ["--cache-dir", cache_dir]
        (project / "elsewhere").mkdir()
        cold = _full("-qq", *options, "claims")
        assert cold == int(flagged)
        assert _fast("-qq", *options, "claims") == cold
        assert _fast("--quiet", "-q", *options, "claims") == cold
        assert _full("-qq", *options, "claims") == cold

    def test_configured_fail_level_is_kept(self, project: Path) -> None:
        """A fail-level of the configuration decides the shortcut's status as the full one's."""
        _add_flagged(project)
        (project / "claimtrack.toml").write_text('fail-level = "error"\n', encoding="utf-8")
        assert _full("-qq", "claims") == 0
        assert _fast("-qq", "claims") == 0

    def test_console_script_takes_the_shortcut_without_click(self, project: Path) -> None:
        """``python -m claimtrack check -qq`` exits as before on a warm run, without
        importing click or the command line (what keeps the run short)."""
        _add_flagged(project)
        script = (
            "import os, runpy, sys\n"
            "sys.argv = ['claimtrack', 'check', '-qq', 'claims']\n"
            "real_exit = os._exit\n"
            "def reporting_exit(code):\n"
            "    print(code, 'click' in sys.modules, flush=True)\n"
            "    real_exit(code)\n"
            "os._exit = reporting_exit\n"
            "runpy.run_module('claimtrack', run_name='__main__')\n"
        )

        def run() -> str:
            command = [sys.executable, "-c", script]
            done = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
            return done.stdout.strip()

        first = run()
        time.sleep(2.1)  # the files of the first run now count as settled: the memo is left
        assert [first, run(), run()] == ["1 True", "1 True", "1 False"]


def _edit(root: Path) -> None:
    path = root / "claims" / "full.yaml"
    path.write_bytes(path.read_bytes() + b"\n")


def _touch(root: Path) -> None:
    os.utime(root / "claims" / "full.yaml")


def _move(root: Path) -> None:
    (root / "claims" / "full.yaml").rename(root / "claims" / "renamed.yaml")


def _delete(root: Path) -> None:
    (root / "claims" / "full.yaml").unlink()


def _add_to_subfolder(root: Path) -> None:
    shutil.copy(FLAGGED, root / "claims" / "more" / "flagged.yaml")


def _configure(root: Path) -> None:
    (root / "claimtrack.toml").write_text('ignore = ["F"]\n', encoding="utf-8")


def _edit_pyproject(root: Path) -> None:
    (root / "pyproject.toml").write_text("[tool.claimtrack]\nignore = ['F']\n", encoding="utf-8")


def _configure_above(root: Path) -> None:
    (root.parent / "claimtrack.toml").write_text('ignore = ["F"]\n', encoding="utf-8")


def _change_snapshot(root: Path) -> None:
    (root / "snapshot.txt").write_text("Another text.\n", encoding="utf-8")


def _damage_memo(root: Path) -> None:
    memo = root / ".claimtrack-cache" / _fast_path.MEMO
    memo.write_bytes(memo.read_bytes().replace(b'"warning"', b'"info"'))


def _damage_index(root: Path) -> None:
    index = root / ".claimtrack-cache" / "check-v3.json"
    index.write_bytes(index.read_bytes().replace(b'"warning"', b'"info"'))


def _check_with_other_rules(root: Path) -> None:
    assert _full("-qq", "--ignore", "F", "claims") == 0  # the index under another fingerprint


CHANGES: dict[str, Callable[[Path], None]] = {
    "edited": _edit,
    "touched": _touch,
    "moved": _move,
    "deleted": _delete,
    "added to a sub-folder": _add_to_subfolder,
    "configured": _configure,
    "pyproject edited": _edit_pyproject,
    "configured above": _configure_above,
    "snapshot changed": _change_snapshot,
    "memo damaged": _damage_memo,
    "index damaged": _damage_index,
    "other rules checked": _check_with_other_rules,
}


@pytest.mark.usefixtures("settled")
class TestGivesUp:
    """The shortcut never answers for what it cannot vouch for."""

    @pytest.mark.parametrize("change", list(CHANGES.values()), ids=list(CHANGES))
    def test_after_a_change(self, project: Path, change: Callable[[Path], None]) -> None:
        """After a change to the files, their folders, the configuration, a snapshot or the
        cache itself, the shortcut gives no answer, and the full command gives the fresh
        one."""
        _add_flagged(project)
        assert _full("-qq", "claims") == 1
        assert _fast("-qq", "claims") == 1
        change(project)
        assert _fast("-qq", "claims") is None

    def test_after_another_version(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Another claimtrack version gives no answer."""
        assert _full("-qq", "claims") == 0
        monkeypatch.setattr(_fast_path, "__version__", "0.0.0")
        assert _fast("-qq", "claims") is None

    def test_after_another_schema(
        self, project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Another packaged schema gives no answer."""
        real = schema.schema_path
        copy = tmp_path / "schema.json"
        shutil.copy(real(), copy)

        def copied(name: str = schema.CLAIM_FILE_SCHEMA) -> Path:
            return copy if name == schema.CLAIM_FILE_SCHEMA else real(name)

        monkeypatch.setattr(schema, "schema_path", copied)
        assert _full("-qq", "claims") == 0
        assert _fast("-qq", "claims") == 0
        copy.write_text(copy.read_text(encoding="utf-8") + " ", encoding="utf-8")
        assert _fast("-qq", "claims") is None

    @pytest.mark.parametrize(
        "arguments",
        [
            ["-q", "claims"],
            ["claims"],
            ["-qq", "--format", "json", "claims"],
            ["-qq", "--select", "F101", "claims"],
            ["-qq", "--fail-level", "error", "claims"],
            ["-qq", "--no-cache", "claims"],
            ["-qq", "claims", "claims/more"],
            ["-qq", "--", "claims"],
        ],
    )
    def test_for_other_arguments(self, project: Path, arguments: list[str]) -> None:
        """Output to print, other options or other paths are the full command's to run."""
        _full("-qq", "claims")
        assert _fast("-qq", "claims") == 0
        assert _fast(*arguments) is None

    def test_when_the_memo_was_written_with_other_options(self, project: Path) -> None:
        """A run with options the shortcut does not take leaves no memo for it."""
        _add_flagged(project)
        assert _full("-qq", "--fail-level", "error", "claims") == 0
        assert _fast("-qq", "claims") is None
        assert not (project / ".claimtrack-cache" / _fast_path.MEMO).exists()


def test_no_memo_from_files_changed_just_now(project: Path) -> None:
    """Folders and configuration written within the last moments are not vouched for: no
    memo is left, so the shortcut gives no answer."""
    assert _full("-qq", "claims") == 0
    assert _fast("-qq", "claims") is None


def test_memo_is_sealed_json(project: Path, settled: None) -> None:
    """The memo is one JSON object naming what it vouches for, the index's signature among
    it (an index with that signature need not have its seal checked again)."""
    _full("-qq", "claims")
    memo = json.loads((project / ".claimtrack-cache" / _fast_path.MEMO).read_bytes())
    assert [name for name, _key in memo["files"]] == ["claims/full.yaml"]
    index = os.stat(project / ".claimtrack-cache" / "check-v3.json")
    assert memo["index"] == [
        index.st_size,
        index.st_mtime_ns,
        index.st_ctime_ns,
        index.st_ino,
        index.st_dev,
    ]
    assert memo["index_seal"]

"""Folders and globs: the library expands them as the command line does, and a path that
names no claim file is an error (exit 2), unless an empty run is asked for."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import claimtrack
from claimtrack.cli.main import cli
from claimtrack.io.discover import discover

VALID = Path(__file__).resolve().parent.parent / "fixtures" / "claims" / "valid"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (the current one) with claims in a folder and a sub-folder, and an
    empty folder."""
    (tmp_path / "claims" / "more").mkdir(parents=True)
    shutil.copyfile(VALID / "minimal.json", tmp_path / "claims" / "a.json")
    shutil.copyfile(VALID / "full.yaml", tmp_path / "claims" / "more" / "b.yaml")
    (tmp_path / "claims" / "notes.txt").write_text("not a claim file")
    (tmp_path / "empty").mkdir()
    (tmp_path / "claimtrack.toml").write_text("")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", "--no-cache", *args])


class TestLibrary:
    def test_folder_is_expanded_like_the_command_line(self, tree: Path) -> None:
        """check(["claims/"]) checks the claim files under the folder, named as discovered."""
        result = claimtrack.check(["claims/"])
        assert [r.path for r in result.files] == list(discover(["claims/"]).files)
        assert [r.path for r in result.files] == ["claims/a.json", "claims/more/b.yaml"]
        assert not any(f.code == "E100" for f in result.findings)

    def test_glob_is_expanded(self, tree: Path) -> None:
        """A recursive glob gives the files it matches."""
        result = claimtrack.check("claims/**/*.yaml")
        assert [r.path for r in result.files] == ["claims/more/b.yaml"]

    def test_path_objects_for_folders_work(self, tree: Path) -> None:
        """A pathlib.Path naming a folder is expanded too."""
        assert len(claimtrack.check([tree / "claims"]).files) == 2

    @pytest.mark.parametrize("argument", ["empty", "claims/*.toml", "nowhere/*.yaml"])
    def test_nothing_found_is_a_finding(self, tree: Path, argument: str) -> None:
        """A folder or glob naming no claim file is a result with an E100 naming it."""
        (result,) = claimtrack.check([argument]).files
        assert result.path == argument
        assert [f.code for f in result.findings] == ["E100"]
        assert "names no claim files" in result.findings[0].message


class TestCommandLine:
    @pytest.mark.parametrize("argument", ["empty", "empty/**/*.yaml", "claims/*.toml"])
    def test_empty_input_exits_two_naming_it(self, tree: Path, argument: str) -> None:
        """An empty folder or a glob matching nothing exits 2 and names the argument."""
        result = _check(argument)
        assert result.exit_code == 2, result.output
        assert f"{argument}: the " in result.stderr
        assert "--allow-empty" in result.stderr
        assert "0 files" not in result.stdout

    def test_allow_empty_passes_on_nothing(self, tree: Path) -> None:
        """--allow-empty makes an empty folder or glob exit 0."""
        result = _check("--allow-empty", "empty", "empty/*.yaml")
        assert result.exit_code == 0, result.output

    def test_allow_empty_still_refuses_a_missing_path(self, tree: Path) -> None:
        """A path that does not exist is an error even with --allow-empty."""
        result = _check("--allow-empty", "claims/typo.yaml")
        assert result.exit_code == 2, result.output
        assert "claims/typo.yaml: no such file" in result.stderr

    def test_explicit_file_list_still_works(self, tree: Path) -> None:
        """Named files, as pre-commit passes them, are checked whatever is beside them."""
        result = _check("claims/a.json", "claims/more/b.yaml")
        assert result.exit_code in (0, 1), result.output
        assert "2 files" in result.stdout

    @pytest.mark.parametrize("command", [["report"], ["export", "--to", "csl-json"]])
    def test_report_and_export_refuse_an_empty_folder(self, tree: Path, command: list[str]) -> None:
        """report and export also exit 2 on a folder with no claim files, naming it."""
        result = CliRunner().invoke(cli, [*command, "empty"])
        assert result.exit_code == 2, result.output
        assert "empty: the folder names no claim files" in result.stderr

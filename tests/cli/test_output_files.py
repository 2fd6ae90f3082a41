"""Files the commands write: modes people can share, and ``-o`` into folders not made yet."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli.main import cli
from claimtrack.io.atomic import write_atomic

ARTICLE = Path(__file__).resolve().parent.parent / "fixtures" / "anchors" / "article.txt"


@pytest.fixture
def umask() -> Iterator[None]:
    """A umask of 022 (a shared machine's usual one) for the test, restored after it."""
    before = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(before)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


@pytest.mark.usefixtures("umask")
class TestModes:
    def test_report_html_is_readable_by_others(self, fixtures_dir: Path, tmp_path: Path) -> None:
        """`report -o report.html` under umask 022 writes a 0644 file."""
        target = tmp_path / "report.html"
        result = _run("report", fixtures_dir / "article", "--format", "html", "-o", target)
        assert result.exit_code == 0, result.output
        assert _mode(target) == 0o644

    @pytest.mark.parametrize(
        "command",
        [
            ["check", "--no-cache", "--format", "sarif"],
            ["export", "--to", "csl-json"],
            ["check", "--write-baseline"],
        ],
    )
    def test_every_output_follows_the_umask(
        self, fixtures_dir: Path, tmp_path: Path, command: list[str]
    ) -> None:
        """Check results, exports and baselines are 0644 under umask 022, not 0600."""
        target = tmp_path / "out.json"
        if command[-1] == "--write-baseline":
            args = [*command, target, fixtures_dir / "small"]
        else:
            args = [*command, fixtures_dir / "small", "-o", target]
        result = _run(*args)
        assert result.exit_code in (0, 1), result.output
        assert _mode(target) == 0o644

    def test_new_file_follows_a_strict_umask(self, tmp_path: Path) -> None:
        """Under umask 077 a new file is 0600: the umask decides, not a fixed mode."""
        os.umask(0o077)
        write_atomic(tmp_path / "private.txt", "x")
        assert _mode(tmp_path / "private.txt") == 0o600

    def test_rewritten_file_keeps_its_mode(self, tmp_path: Path) -> None:
        """Replacing a 0640 file leaves it 0640, whatever the umask would give a new one."""
        target = tmp_path / "kept.txt"
        target.write_text("old")
        target.chmod(0o640)
        write_atomic(target, "new")
        assert target.read_text() == "new"
        assert _mode(target) == 0o640

    def test_no_temporary_file_is_left(self, tmp_path: Path) -> None:
        """After a write the folder holds the file and nothing else."""
        write_atomic(tmp_path / "only.txt", "x")
        assert [p.name for p in tmp_path.iterdir()] == ["only.txt"]


class TestOutputFolders:
    @pytest.mark.parametrize(
        "command",
        [
            ["check", "--no-cache"],
            ["report", "--format", "md"],
            ["export", "--to", "csl-json"],
            ["schema"],
        ],
    )
    def test_missing_folders_are_created(
        self, fixtures_dir: Path, tmp_path: Path, command: list[str]
    ) -> None:
        """`-o a/b/FILE` creates the folders a/b in every command and writes the file."""
        target = tmp_path / "a" / "b" / "out.txt"
        paths = [] if command == ["schema"] else [fixtures_dir / "small"]
        result = _run(*command, *paths, "-o", target)
        assert result.exit_code in (0, 1), result.output
        assert target.stat().st_size > 0

    def test_folder_that_cannot_be_made_exits_two(self, tmp_path: Path) -> None:
        """A parent that is a file is a usage error (exit 2) naming that folder, not exit 1."""
        (tmp_path / "file").write_text("")
        result = _run("schema", "-o", tmp_path / "file" / "schema.json")
        assert result.exit_code == 2, result.output
        assert f"cannot create the folder {(tmp_path / 'file').as_posix()}" in result.output
        assert "Errno" not in result.output

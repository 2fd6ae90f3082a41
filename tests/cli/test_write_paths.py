"""Rewrites land where they should and only where they may: through links to the target,
never over a read-only file (unless forced) or an input, never leaving temporary files
behind; failures to write exit 2; silent answers are said out loud."""

from __future__ import annotations

import os
import shutil
import stat
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli.main import cli
from claimtrack.io.atomic import write_atomic
from claimtrack.io.targets import STALE_SECONDS, ReadOnlyFileError
from tests.gitrepo import SMALL, GitRepo

ANCHORS = Path(__file__).resolve().parent.parent / "fixtures" / "anchors"
INVALID = Path(__file__).resolve().parent.parent / "fixtures" / "claims" / "invalid"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The anchors fixture with every offset removed, so that --fill has work to do."""
    for name in ("article.txt", "claims.yaml"):
        shutil.copyfile(ANCHORS / name, tmp_path / name)
    (tmp_path / "claimtrack.toml").write_text("")
    path = tmp_path / "claims.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text(
        "".join(line for line in lines if not line.lstrip().startswith(("start:", "end:"))),
        encoding="utf-8",
    )
    return tmp_path


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, list(map(str, args)))


class TestLinksAndReadOnly:
    """anchor --fill writes through links and respects read-only files."""

    def test_symlinked_claim_file_updates_its_target(self, project: Path) -> None:
        """Filling through a link rewrites the file it leads to and keeps the link."""
        real = project / "real"
        real.mkdir()
        shutil.move(project / "claims.yaml", real / "claims.yaml")
        (project / "claims.yaml").symlink_to(real / "claims.yaml")
        result = _run("anchor", "--fill", project / "claims.yaml")
        assert result.exit_code == 0, result.output
        assert (project / "claims.yaml").is_symlink()
        assert "start:" in (real / "claims.yaml").read_text(encoding="utf-8")

    def test_read_only_claim_file_is_refused(self, project: Path) -> None:
        """A read-only claim file is left alone (exit 2, told why) without --force."""
        path = project / "claims.yaml"
        before = path.read_bytes()
        path.chmod(0o444)
        result = _run("anchor", "--fill", path)
        assert result.exit_code == 2, result.output
        assert "read-only" in result.output
        assert "--force" in result.output
        assert path.read_bytes() == before

    @pytest.mark.parametrize(
        "command",
        [
            ["check", "--no-cache", "-o", "{out}", "{claims}"],
            ["report", "-o", "{out}", "{claims}"],
            ["export", "--to", "csl-json", "-o", "{out}", "{claims}"],
            ["export", "--to", "sqlite", "-o", "{out}", "{claims}"],
            ["schema", "-o", "{out}"],
        ],
        ids=["check", "report", "export", "sqlite", "schema"],
    )
    def test_read_only_output_is_refused_naming_a_way_out_the_command_has(
        self, project: Path, command: list[str]
    ) -> None:
        """A read-only -o file the command wrote before is left alone (exit 2); the message
        offers --force only where the command has it, which these do not."""
        out = project / "out.txt"
        args = [arg.format(out=out, claims=project / "claims.yaml") for arg in command]
        _run(*args)
        before = out.read_bytes()
        out.chmod(0o444)
        result = _run(*args)
        assert result.exit_code == 2, result.output
        assert f"{out.as_posix()} is read-only; make it writable" in result.output
        assert "--force" not in result.output
        assert out.read_bytes() == before

    def test_force_rewrites_a_read_only_file_and_keeps_its_mode(self, project: Path) -> None:
        """With --force the file is rewritten and stays read-only."""
        path = project / "claims.yaml"
        path.chmod(0o444)
        result = _run("anchor", "--fill", "--force", path)
        assert result.exit_code == 0, result.output
        assert "start:" in path.read_text(encoding="utf-8")
        assert stat.S_IMODE(path.stat().st_mode) == 0o444


class TestInputsAreNotOutputs:
    """-o and --write-baseline never overwrite a claim file that is being read."""

    def test_output_naming_an_input_is_refused(self, tmp_path: Path) -> None:
        """``check -o FILE FILE`` exits 2 and leaves the file as it was."""
        path = tmp_path / "c.yaml"
        shutil.copy(INVALID / "F101-citation-needed.yaml", path)
        before = path.read_bytes()
        result = _run("check", "--no-cache", "-o", path, path)
        assert result.exit_code == 2
        assert "is the input" in result.output
        assert path.read_bytes() == before

    def test_report_output_naming_an_input_is_refused(self, tmp_path: Path) -> None:
        """``report -o`` naming one of the files reported on exits 2."""
        path = tmp_path / "c.yaml"
        shutil.copy(INVALID / "F101-citation-needed.yaml", path)
        before = path.read_bytes()
        result = _run("report", "-o", path, path)
        assert result.exit_code == 2
        assert path.read_bytes() == before

    @pytest.mark.parametrize(
        "command",
        [["match", "c.yaml", "d.yaml"], ["diff", "d.yaml", "c.yaml"]],
        ids=["match", "diff-of-two-files"],
    )
    def test_output_naming_a_compared_file_is_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
    ) -> None:
        """``match`` and ``diff`` with ``-o`` naming one of the claim files they read exit
        2 and leave the file as it was."""
        monkeypatch.chdir(tmp_path)
        for name in ("c.yaml", "d.yaml"):
            shutil.copy(INVALID / "F101-citation-needed.yaml", tmp_path / name)
        before = (tmp_path / "c.yaml").read_bytes()
        result = _run(*command, "-o", "c.yaml")
        assert result.exit_code == 2, result.output
        assert "is the input" in result.output
        assert (tmp_path / "c.yaml").read_bytes() == before

    @pytest.mark.parametrize(
        "command", [["diff"], ["log", "level", "claims/small.yaml"]], ids=["diff", "log"]
    )
    def test_output_naming_the_claim_file_of_a_history_is_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
    ) -> None:
        """``diff`` (of the work tree) and ``log`` with ``-o`` naming the claim file they
        show exit 2 and leave the file as it was."""
        repo = GitRepo(tmp_path / "repo")
        repo.write("claims/small.yaml", SMALL)
        repo.commit("Add the record")
        repo.edit("claims/small.yaml", "title: Level survey", "title: Survey")
        before = (repo.root / "claims" / "small.yaml").read_bytes()
        monkeypatch.chdir(repo.root)
        result = _run(*command, "-o", "claims/small.yaml")
        assert result.exit_code == 2, result.output
        assert "is the input" in result.output
        assert (repo.root / "claims" / "small.yaml").read_bytes() == before

    def test_write_baseline_naming_a_claim_file_is_refused(self, tmp_path: Path) -> None:
        """--write-baseline over an existing file that is not a baseline exits 2."""
        path = tmp_path / "c.yaml"
        shutil.copy(INVALID / "F101-citation-needed.yaml", path)
        before = path.read_bytes()
        result = _run("check", "--write-baseline", path, path)
        assert result.exit_code == 2
        assert "not a baseline" in result.output
        assert path.read_bytes() == before

    def test_write_failure_exits_two(self, tmp_path: Path) -> None:
        """An output that cannot be written is an I/O error (2), not findings (1)."""
        (tmp_path / "file").write_text("")
        path = tmp_path / "c.yaml"
        shutil.copy(INVALID / "F101-citation-needed.yaml", path)
        result = _run("check", "--no-cache", "-o", tmp_path / "file" / "out.txt", path)
        assert result.exit_code == 2
        assert "cannot create the folder" in result.output
        assert f"{(tmp_path / 'file').as_posix()}" in result.output
        (tmp_path / "ro").mkdir()
        (tmp_path / "ro").chmod(0o500)
        try:
            result = _run("check", "--no-cache", "-o", tmp_path / "ro" / "out.txt", path)
        finally:
            (tmp_path / "ro").chmod(0o700)
        if os.geteuid() != 0:  # root writes anywhere
            assert result.exit_code == 2
            assert "cannot write" in result.output


class TestTemporaryFiles:
    """Temporary files of interrupted writes are removed by the next write."""

    def test_stale_temporary_files_are_swept(self, tmp_path: Path) -> None:
        """An old ``.NAME.*.tmp`` goes at the next write of NAME; a fresh one stays (it may
        belong to a write still going on), and other files' stay too."""
        target = tmp_path / "out.json"
        old = tmp_path / ".out.json.abc123.tmp"
        fresh = tmp_path / ".out.json.def456.tmp"
        other = tmp_path / ".other.json.abc123.tmp"
        for path in (old, fresh, other):
            path.write_text("partial")
        long_ago = time.time() - STALE_SECONDS - 5
        os.utime(old, (long_ago, long_ago))
        os.utime(other, (long_ago, long_ago))
        write_atomic(target, "{}")
        assert not old.exists()
        assert fresh.exists()
        assert other.exists()
        assert target.read_text() == "{}"

    def test_failed_write_leaves_no_temporary_file(self, tmp_path: Path) -> None:
        """A write refused or failing midway removes its own temporary file."""
        target = tmp_path / "out.json"
        target.write_text("old")
        target.chmod(0o444)
        with pytest.raises(ReadOnlyFileError):
            write_atomic(target, "new")
        assert [p.name for p in tmp_path.iterdir()] == ["out.json"]
        assert target.read_text() == "old"


class TestSaidOutLoud:
    """Answers that used to be silent."""

    def test_export_of_an_invalid_file_says_so(self, tmp_path: Path) -> None:
        """Exporting a file that is not a valid claim file prints its errors, exits 1."""
        path = tmp_path / "bad.yaml"
        path.write_text("version: 1\n", encoding="utf-8")
        result = _run("export", "--to", "csl-json", path)
        assert result.exit_code == 1
        assert "not exported" in result.stderr
        assert "E110" in result.stderr

    def test_export_of_nothing_says_so(self, tmp_path: Path) -> None:
        """Exporting a folder with no claim files says so and exits 2."""
        result = _run("export", "--to", "csl-json", tmp_path)
        assert result.exit_code == 2
        assert "nothing to export" in result.stderr

    def test_unreadable_sub_folder_is_reported(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A sub-folder that cannot be listed is named on stderr and the run exits 2."""
        shutil.copy(INVALID / "F101-citation-needed.yaml", tmp_path / "c.yaml")
        (tmp_path / "locked").mkdir()
        real = os.scandir

        def scandir(path: str | os.PathLike[str] = ".") -> object:
            if os.fspath(path).endswith("locked"):
                raise PermissionError(13, "Permission denied", os.fspath(path))
            return real(path)

        monkeypatch.setattr(os, "scandir", scandir)
        result = _run("check", "--no-cache", tmp_path)
        assert result.exit_code == 2
        assert "locked: cannot read the folder: Permission denied" in result.stderr
        assert "F101" in result.stdout


class TestInterruptedRebase:
    """A rebase stopped between its two writes keeps the old text and completes when run
    again."""

    def test_stopped_before_the_snapshot_is_replaced(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If the snapshot cannot be replaced after the claim file was, the old text is
        still in the snapshot, ``check`` reports the mismatch, and the same --rebase run
        again completes the pair."""
        for name in ("article.txt", "article-edited.txt", "claims.yaml"):
            shutil.copyfile(ANCHORS / name, tmp_path / name)
        (tmp_path / "claimtrack.toml").write_text("")
        old_text = (tmp_path / "article.txt").read_bytes()
        edited = tmp_path / "article-edited.txt"
        claims = tmp_path / "claims.yaml"
        import claimtrack.rewrite.anchors as reanchor

        real = reanchor.write_atomic

        def stopped(path: str | os.PathLike[str], data: str | bytes, **kwargs: bool) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(reanchor, "write_atomic", stopped)
        first = _run("anchor", "--rebase", edited, "--accept-orphans", claims)
        assert first.exit_code == 2
        assert "run the same --rebase again" in first.output
        assert (tmp_path / "article.txt").read_bytes() == old_text  # the old text is kept
        assert "E212" in _run("check", "--no-cache", claims).output
        monkeypatch.setattr(reanchor, "write_atomic", real)
        again = _run("anchor", "--rebase", edited, "--accept-orphans", claims)
        assert again.exit_code in (0, 1), again.output
        assert (tmp_path / "article.txt").read_bytes() == edited.read_bytes()
        check = _run("check", "--no-cache", "--fail-level", "error", claims)
        assert "E212" not in check.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_fifo_as_the_new_text_of_a_rebase_is_refused(tmp_path: Path) -> None:
    """``anchor --rebase FIFO`` says it cannot read it (exit 2) instead of blocking."""
    for name in ("article.txt", "claims.yaml"):
        shutil.copyfile(ANCHORS / name, tmp_path / name)
    (tmp_path / "claimtrack.toml").write_text("")
    os.mkfifo(tmp_path / "new.txt")
    result = _run("anchor", "--rebase", tmp_path / "new.txt", tmp_path / "claims.yaml")
    assert result.exit_code == 2
    assert "FIFO" in result.output

"""``claimtrack init`` starts a valid claim file; ``anchor --rehash`` records the snapshot's
hash after an intended edit, keeping the file's comments."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import claimtrack
from claimtrack.cli.main import cli

ARTICLE = Path(__file__).resolve().parent.parent / "fixtures" / "anchors" / "article.txt"


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder holding a plain-text article."""
    shutil.copyfile(ARTICLE, tmp_path / "article.txt")
    (tmp_path / "claimtrack.toml").write_text("")
    return tmp_path


def _check(path: Path) -> Result:
    return _run("check", "--no-cache", path)


class TestInit:
    def test_written_file_checks_clean(self, project: Path) -> None:
        """The claim file init writes passes `claimtrack check` with no finding at all."""
        out = project / "claims" / "article.yaml"
        result = _run("init", project / "article.txt", "-o", out)
        assert result.exit_code == 0, result.output
        checked = _check(out)
        assert checked.exit_code == 0, checked.output
        assert "No problems found in 1 file" in checked.output

    def test_records_snapshot_hash_and_normalisation(self, project: Path) -> None:
        """The document record names the copied snapshot, its normalisation and SHA-256."""
        out = project / "claims" / "article.yaml"
        assert _run("init", project / "article.txt", "-o", out, "--id", "gaza").exit_code == 0
        text = out.read_text()
        assert "normalization: nfc-lf" in text
        claim_file = claimtrack.load(out)
        snapshot = claim_file.document.snapshot
        assert snapshot is not None
        copied = out.parent / snapshot.path
        assert copied.read_bytes() == ARTICLE.read_bytes()
        assert snapshot.sha256 == hashlib.sha256(copied.read_bytes()).hexdigest()
        assert claim_file.document.id == "gaza"
        assert claim_file.claims == ()

    def test_json_output(self, project: Path) -> None:
        """A .json FILE gets the same record as JSON."""
        out = project / "article.json"
        assert _run("init", project / "article.txt", "-o", out).exit_code == 0
        data = json.loads(out.read_text())
        assert data["document"]["snapshot"]["normalization"] == "nfc-lf"
        assert _check(out).exit_code == 0

    def test_refuses_to_overwrite(self, project: Path) -> None:
        """An existing claim file is kept unless --force is given (exit 2)."""
        out = project / "article.yaml"
        out.write_text("# my edits\n")
        result = _run("init", project / "article.txt", "-o", out)
        assert result.exit_code == 2
        assert out.read_text() == "# my edits\n"

    def test_missing_article_exits_two(self, project: Path) -> None:
        """An article that is not there exits 2, naming it."""
        result = _run("init", project / "gone.txt", "-o", project / "x.yaml")
        assert result.exit_code == 2
        assert "gone.txt" in result.output


class TestRehash:
    def test_rehash_after_an_edit(self, project: Path) -> None:
        """After editing the snapshot check fails with E212; --rehash records the new hash,
        keeps the comments, and check passes again."""
        out = project / "article.yaml"
        assert _run("init", project / "article.txt", "-o", out).exit_code == 0
        snapshot = project / "article.txt"
        snapshot.write_text(snapshot.read_text() + "\nA paragraph added by the editor.\n")
        failed = _check(out)
        assert failed.exit_code == 1
        assert "E212" in failed.output
        assert "--rehash" in failed.output
        result = _run("anchor", "--rehash", out)
        assert result.exit_code == 0, result.output
        assert "recorded the snapshot's new SHA-256" in result.output
        assert out.read_text().startswith("# Claim file for article.txt")
        assert claimtrack.load(out).document.snapshot.sha256 == (  # type: ignore[union-attr]
            hashlib.sha256(snapshot.read_bytes()).hexdigest()
        )
        assert _check(out).exit_code == 0

    def test_rehash_reports_anchors_the_edit_broke(self, tmp_path: Path) -> None:
        """A quote the edit removed is still reported (exit 1) though the hash is recorded."""
        fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "anchors"
        for name in ("article.txt", "claims.yaml"):
            shutil.copyfile(fixtures / name, tmp_path / name)
        (tmp_path / "claimtrack.toml").write_text("")
        article = tmp_path / "article.txt"
        article.write_text(article.read_text().replace("Seyed Razi", "Sayed Razi"))
        result = _run("anchor", "--rehash", tmp_path / "claims.yaml")
        assert result.exit_code == 1, result.output
        assert "E220" in result.output
        assert "recorded the snapshot's new SHA-256" in result.output

    def test_rehash_with_fill_is_a_usage_error(self, project: Path) -> None:
        """--rehash does not combine with --fill or --rebase (exit 2)."""
        out = project / "article.yaml"
        assert _run("init", project / "article.txt", "-o", out).exit_code == 0
        assert _run("anchor", "--rehash", "--fill", out).exit_code == 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_fifo_as_snapshot_is_refused_without_waiting(project: Path) -> None:
    """A FIFO named by --snapshot is refused at once (exit 2, naming it), not read."""
    fifo = project / "snapshot.txt"
    os.mkfifo(fifo)
    command = ["init", str(project / "article.txt"), "-o", str(project / "c.yaml")]
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", *command, "--snapshot", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "FIFO" in done.stderr
    assert "--snapshot" in done.stderr
    assert not (project / "c.yaml").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize(
    ("command", "named"),
    [
        (["init"], "`claimtrack init`"),
        (["extract"], "`claimtrack extract`"),
        (["import", "claimreview"], "`claimtrack import claimreview`"),
    ],
)
def test_fifo_input_message_names_the_command_that_ran(
    tmp_path: Path, command: list[str], named: str
) -> None:
    """A FIFO given as the input file is refused (exit 2) with what to do worded for the
    command that ran, not for another one."""
    fifo = tmp_path / "input.txt"
    os.mkfifo(fifo)
    result = _run(*command, fifo, "-o", tmp_path / "out.yaml")
    assert result.exit_code == 2, result.output
    assert "not a regular file" in result.output
    assert named in result.output
    others = {"`claimtrack init`", "`claimtrack extract`", "`claimtrack import claimreview`"}
    assert not any(other in result.output for other in others - {named})
    if command != ["extract"]:
        assert "extract" not in result.output

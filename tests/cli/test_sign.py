"""`claimtrack review sign`: a claim file it cannot use is an error at its place, exit 2,
and nothing is written."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.gitrepo import SMALL
from tests.process import run_claimtrack

_run = run_claimtrack


def _sign(folder: Path, *where: str) -> subprocess.CompletedProcess[str]:
    return _run(folder, "review", "sign", "level", "--by", "Ada", *where)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder (with its own configuration) holding one good claim file."""
    (tmp_path / "claimtrack.toml").write_text("select = ['F']\n", encoding="utf-8")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "good.yaml").write_text(SMALL, encoding="utf-8")
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class TestBadClaimFiles:
    def test_a_good_file_is_signed(self, project: Path) -> None:
        """The claim of a good file is signed (exit 0): the other tests' files are the cause."""
        done = _sign(project, "--in", "claims")
        assert done.returncode == 0, done.stderr
        assert "verified_by: Ada" in (project / "claims" / "good.yaml").read_text("utf-8")

    @pytest.mark.parametrize(
        ("name", "text", "said"),
        [
            (
                "broken.yaml",
                "version: 1\nclaims:\n  - id: level\n    text: [unclosed\n",
                "claims/broken.yaml:5:1: E102 ",
            ),
            ("broken.json", '{"claims": [{"id": "level",}]}', "claims/broken.json:1:28: E102 "),
        ],
    )
    def test_a_file_that_does_not_parse_is_named(
        self, project: Path, name: str, text: str, said: str
    ) -> None:
        """A file among the candidates that is not valid YAML or JSON stops the sign-off."""
        (project / "claims" / name).write_text(text, encoding="utf-8")
        before = _snapshot(project)
        done = _sign(project, "--in", "claims")
        assert done.returncode == 2, done.stderr
        assert said in done.stderr, done.stderr
        assert "nothing was signed" in done.stderr
        assert "Traceback" not in done.stderr
        assert _snapshot(project) == before

    def test_a_file_over_the_limit_is_named(self, project: Path) -> None:
        """A file over the configured max-file-size is E104, as check reports it."""
        (project / "claimtrack.toml").write_text("max-file-size = 2000\n", encoding="utf-8")
        (project / "claims" / "big.yaml").write_text(
            "# " + "x" * 3000 + "\n" + SMALL.replace("reservoir", "other"), encoding="utf-8"
        )
        before = _snapshot(project)
        done = _sign(project, "--in", "claims")
        assert done.returncode == 2, done.stderr
        checked = _run(project, "check", "--no-cache", "claims/big.yaml")
        line = next(x for x in checked.stdout.splitlines() if " E104 " in x)
        where, message = line.split(" E104 [error] ", 1)
        assert f"{where} E104 {message}" in done.stderr, done.stderr
        assert _snapshot(project) == before

    def test_a_file_nested_too_deep_is_named(self, project: Path) -> None:
        """A file holding the claim but nested deeper than the configured limit is E104."""
        (project / "claimtrack.toml").write_text("max-depth = 3\n", encoding="utf-8")
        before = _snapshot(project)
        done = _sign(project, "--in", "claims/good.yaml")
        assert done.returncode == 2, done.stderr
        assert "claims/good.yaml:" in done.stderr
        assert " E104 " in done.stderr, done.stderr
        assert _snapshot(project) == before

    def test_a_file_that_breaks_the_schema_is_named(self, project: Path) -> None:
        """The file holding the claim, against the schema, is named with the code check gives."""
        bad = SMALL.replace("    kind: quantity\n", "    kind: rumour\n", 1)
        (project / "claims" / "good.yaml").write_text(bad, encoding="utf-8")
        before = _snapshot(project)
        done = _sign(project, "--in", "claims")
        assert done.returncode == 2, done.stderr
        checked = _run(project, "check", "--no-cache", "claims/good.yaml")
        first = next(x for x in checked.stdout.splitlines() if "[error]" in x)
        where, rest = first.split(" [error] ", 1)
        assert done.stderr.startswith(f"claimtrack: {where} {rest.split(' (')[0]}"), done.stderr
        assert _snapshot(project) == before

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
    def test_a_fifo_among_the_files_is_named(self, project: Path) -> None:
        """A FIFO named like a claim file is E100 (never waited on), and nothing is signed."""
        os.mkfifo(project / "claims" / "pipe.yaml")
        before = _snapshot(project)
        done = _sign(project, "--in", "claims")
        assert done.returncode == 2, done.stderr
        assert "claims/pipe.yaml:1:1: E100 " in done.stderr, done.stderr
        assert _snapshot(project) == before

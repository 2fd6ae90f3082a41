"""The hook definition in .pre-commit-hooks.yaml works when pre-commit itself runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "claims"


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.mark.network
class TestPreCommitHook:
    def test_hook_passes_good_files_and_fails_bad_ones(self, tmp_path: Path) -> None:
        """pre-commit try-repo runs claimtrack-check on claims/ files: the bad one fails it."""
        repo = tmp_path / "repo"
        (repo / "claims").mkdir(parents=True)
        (repo / "notes").mkdir()
        shutil.copy(FIXTURES / "valid" / "complete-record.yaml", repo / "claims" / "good.yaml")
        shutil.copy(
            FIXTURES / "invalid" / "F101-citation-needed.yaml", repo / "claims" / "bad.yaml"
        )
        # Outside the hook's default 'files' pattern: never checked.
        shutil.copy(FIXTURES / "invalid" / "F105-when-needed.yaml", repo / "notes" / "skip.yaml")
        _git(repo, "init", "-q")
        _git(repo, "add", ".")
        env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
        env.pop("PRE_COMMIT", None)
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "pre_commit",
                "try-repo",
                str(ROOT),
                "claimtrack-check",
                "--all-files",
                "--color",
                "never",
            ],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        output = completed.stdout + completed.stderr
        assert completed.returncode == 1, output
        assert "claimtrack check" in output
        bad = (FIXTURES / "invalid" / "F101-citation-needed.yaml").read_text(encoding="utf-8")
        line = next(n for n, text in enumerate(bad.splitlines(), 1) if "<-- F101" in text)
        assert f"claims/bad.yaml:{line}:9: F101 [warning]" in output
        assert "good.yaml" not in output
        assert "skip.yaml" not in output

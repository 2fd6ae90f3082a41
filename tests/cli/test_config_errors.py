"""A bad configuration stops any command with exit 2 and one line naming FILE:LINE:COL."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.process import run_claimtrack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "claims"


_run = run_claimtrack


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder with one flagged claim file under claims/."""
    (tmp_path / "claims").mkdir()
    shutil.copy(FIXTURES / "invalid" / "F101-citation-needed.yaml", tmp_path / "claims" / "a.yaml")
    return tmp_path


class TestConfigErrors:
    @pytest.mark.parametrize(
        ("name", "body", "said"),
        [
            (
                "claimtrack.toml",
                "# settings\nselect = [\n  'F1',\n  'F9x',\n]\n",
                "claimtrack.toml:4:3: select: unknown rule 'F9x'",
            ),
            (
                "pyproject.toml",
                "[project]\nname = 'x'\n[tool.claimtrack]\nfail-level = 'loud'\n",
                "pyproject.toml:4:14: tool.claimtrack.fail-level: unknown level 'loud'",
            ),
            (
                "claimtrack.toml",
                "tool = 3\nselect = ['F999']\n",
                "claimtrack.toml:1:1: tool: unknown key",
            ),
            (
                "claimtrack.toml",
                "select = ['F1'\nignore = []\n",
                "claimtrack.toml:2:1: not valid TOML: ",
            ),
        ],
    )
    @pytest.mark.parametrize("command", [["check", "claims"], ["report", "claims"]])
    def test_exit_2_with_the_place(
        self, project: Path, name: str, body: str, said: str, command: list[str]
    ) -> None:
        """Each command stops with exit 2 and the place, never a traceback."""
        (project / name).write_text(body, encoding="utf-8")
        result = _run(project, *command)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"claimtrack: {said}"), result.stderr
        assert len(result.stderr.splitlines()) == 1
        assert "Traceback" not in result.stderr
        assert result.stdout == ""

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
    @pytest.mark.parametrize("kind", ["folder", "fifo"])
    def test_a_configured_baseline_that_cannot_be_read(self, project: Path, kind: str) -> None:
        """A configured baseline that is a folder or a FIFO is reported at the setting,
        without blocking, with exit 2."""
        target = project / "base.json"
        target.mkdir() if kind == "folder" else os.mkfifo(target)
        (project / "claimtrack.toml").write_text(
            "select = ['F']\nbaseline = 'base.json'\n", encoding="utf-8"
        )
        result = _run(project, "check", "claims")
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith("claimtrack: claimtrack.toml:2:12: baseline: ")
        assert "not a regular file" in result.stderr
        assert "--no-baseline" in result.stderr
        assert _run(project, "check", "claims", "--no-baseline").returncode == 1

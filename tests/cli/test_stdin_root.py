"""Standard input's project root is the working folder (or --project-root), never a folder
taken from --stdin-filename."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli.main import cli

CLAIMS = (
    "version: 1\n"
    "document:\n"
    "  id: d\n"
    "  title: t\n"
    "  snapshot: {path: passwd, sha256: '" + "0" * 64 + "'}\n"
    "claims: []\n"
)


@pytest.mark.skipif(not Path("/etc/passwd").is_file(), reason="needs a file outside the project")
class TestStdinProjectRoot:
    """A name outside the working folder cannot pull files from outside it."""

    def test_check_refuses_a_snapshot_outside_the_working_folder(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """``--stdin-filename /etc/x.yaml`` with snapshot ``passwd`` is E211, not a read."""
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(
            cli, ["check", "--no-cache", "--stdin-filename", "/etc/x.yaml", "-"], input=CLAIMS
        )
        assert result.exit_code == 1, result.output
        assert "E211" in result.stdout

    @pytest.mark.parametrize("fmt", ["html", "md", "json"])
    def test_report_never_embeds_the_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
    ) -> None:
        """A report of such input does not hold a line of /etc/passwd."""
        monkeypatch.chdir(tmp_path)
        result = CliRunner().invoke(
            cli, ["report", "-f", fmt, "--stdin-filename", "/etc/x.yaml", "-"], input=CLAIMS
        )
        first = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[0]
        assert first
        assert first not in result.stdout

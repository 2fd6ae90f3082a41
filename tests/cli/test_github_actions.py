"""``check --format github`` under GitHub Actions (the job summary), and SARIF's rule links
from the docs-url setting."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli.main import cli
from tests.process import run_claimtrack

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "claims"


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


class TestStepSummary:
    def test_appends_the_summary_under_actions(self, tmp_path: Path) -> None:
        """With GITHUB_ACTIONS=true the Markdown summary is appended after what the step wrote."""
        summary = tmp_path / "summary.md"
        summary.write_text("earlier\n", encoding="utf-8")
        env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
        code, out, err = _run(
            "check", "--no-cache", "--format", "github", str(FIXTURES / "invalid"), env=env
        )
        assert code == 1, err
        text = summary.read_text(encoding="utf-8")
        assert text.startswith("earlier\n\n## claimtrack\n")
        assert "| Severity | Rule | Location | Claim | Message |" in text
        assert "\n::error " in out

    def test_nothing_written_outside_actions(self, tmp_path: Path) -> None:
        """Without GITHUB_ACTIONS=true the summary file is left alone."""
        summary = tmp_path / "summary.md"
        env = {"GITHUB_ACTIONS": "", "GITHUB_STEP_SUMMARY": str(summary)}
        code, _, err = _run(
            "check", "--no-cache", "--format", "github", str(FIXTURES / "invalid"), env=env
        )
        assert code == 1, err
        assert not summary.exists()

    def test_unwritable_summary_is_a_message(self, tmp_path: Path) -> None:
        """A summary path that cannot be written gives one line on stderr, not a traceback."""
        env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "s.md")}
        code, _, err = _run(
            "check", "--no-cache", "--format", "github", str(FIXTURES / "invalid"), env=env
        )
        assert code == 1
        assert "cannot append the job summary" in err
        assert "Traceback" not in err

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
    @pytest.mark.parametrize("reader", [False, True], ids=["no-reader", "a-reader"])
    def test_a_fifo_as_the_summary_is_refused_at_once(self, tmp_path: Path, reader: bool) -> None:
        """A FIFO as the job summary is never waited on nor written to: one line on stderr
        saying why, and the run's own exit code (a hang fails the test by its timeout)."""
        fifo = tmp_path / "summary.md"
        os.mkfifo(fifo)
        held = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK) if reader else None
        try:
            env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(fifo)}
            claims = str(FIXTURES / "invalid" / "F101-citation-needed.yaml")
            done = run_claimtrack(
                tmp_path, "check", "--no-cache", "-f", "github", claims, env=env, timeout=30
            )
            if held is not None:
                assert os.read(held, 4096) == b""  # nothing was written into the pipe
        finally:
            if held is not None:
                os.close(held)
        assert done.returncode == 1, done.stderr
        assert f"claimtrack: {fifo}: cannot append the job summary: " in done.stderr
        assert "FIFO" in done.stderr
        assert "Traceback" not in done.stderr


class TestSarifDocsUrl:
    def test_rules_link_to_docs_url(self, tmp_path: Path) -> None:
        """docs-url in the configuration gives every rule a helpUri under it."""
        config = tmp_path / "claimtrack.toml"
        config.write_text('docs-url = "https://docs.example.org/claimtrack/"\n', encoding="utf-8")
        code, out, err = _run(
            "check",
            "--no-cache",
            "--config",
            str(config),
            "--format",
            "sarif",
            str(FIXTURES / "valid"),
        )
        assert code in (0, 1), err
        rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
        assert rules
        for rule in rules:
            assert (
                rule["helpUri"]
                == f"https://docs.example.org/claimtrack/generated/rules/{rule['id']}.html"
            )

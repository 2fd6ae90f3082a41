"""`claimtrack check` options for flags: selection, configuration, baseline, formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli.main import cli

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "claims"


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding two flagged claim files, as the current folder."""
    claims = tmp_path / "claims"
    claims.mkdir()
    shutil.copy(FIXTURES / "invalid" / "F101-citation-needed.yaml", claims / "a.yaml")
    shutil.copy(FIXTURES / "invalid" / "F105-when-needed.yaml", claims / "b.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


class TestSelection:
    def test_flags_fail_at_the_default_level(self, project: Path) -> None:
        """Warnings fail the run by default: exit 1."""
        result = _run("check", "claims")
        assert result.exit_code == 1, result.output
        assert "F101 [warning]" in result.output
        assert "F105 [warning]" in result.output

    def test_ignore_by_name_and_select_by_prefix(self, project: Path) -> None:
        """--ignore by name and --select by prefix shape the flags."""
        result = _run(
            "check", "--select", "F1", "--ignore", "citation-needed,when-needed", "claims"
        )
        assert result.exit_code == 0, result.output

    def test_unknown_rule_is_exit_2_with_one_line(self, project: Path) -> None:
        """An unknown rule on the command line is a usage error on one line."""
        result = _run("check", "--ignore", "F999", "claims")
        assert result.exit_code == 2
        assert result.output.count("\n") == 1
        assert "unknown rule 'F999'" in result.output

    def test_config_file_selects_and_regrades(self, project: Path) -> None:
        """pyproject.toml's [tool.claimtrack] applies; the command line beats it."""
        (project / "pyproject.toml").write_text(
            '[tool.claimtrack]\nignore = ["F105"]\nseverity = {F101 = "info"}\n', encoding="utf-8"
        )
        result = _run("check", "claims")
        assert result.exit_code == 0, result.output
        assert "F101 [info]" in result.output
        assert "F105" not in result.output
        assert _run("check", "--fail-level", "info", "claims").exit_code == 1
        assert "F105" in _run("check", "--select", "F105", "claims").output

    def test_config_fail_level(self, project: Path) -> None:
        """fail-level in the configuration sets the exit threshold."""
        (project / "claimtrack.toml").write_text('fail-level = "error"\n', encoding="utf-8")
        assert _run("check", "claims").exit_code == 0

    def test_bad_config_is_exit_2_naming_file_and_key(self, project: Path) -> None:
        """An unknown configuration key stops the run with exit 2 and one line."""
        (project / "claimtrack.toml").write_text("colour = true\n", encoding="utf-8")
        result = _run("check", "claims")
        assert result.exit_code == 2
        assert (
            result.output == "claimtrack: claimtrack.toml:1:1: colour: unknown key; known keys:"
            " baseline, docs-url, exclude, extend-select, fail-level, ignore, max-alias-nodes,"
            " max-depth, max-file-size, review-url, reviewer, reviewer-type, reviewer-url,"
            " select, severity, sources\n"
        )

    def test_explicit_config_file(self, project: Path) -> None:
        """--config reads the named file instead of searching."""
        other = project / "strict.toml"
        other.write_text('select = ["F105"]\n', encoding="utf-8")
        result = _run("check", "--config", str(other), "claims")
        assert "F101" not in result.output
        assert "F105" in result.output

    def test_exclude(self, project: Path) -> None:
        """Files matching an exclude glob are not checked."""
        (project / "claimtrack.toml").write_text('exclude = ["claims/b.*"]\n', encoding="utf-8")
        result = _run("check", "claims")
        assert "b.yaml" not in result.output
        assert "in 1 of 1 file" in result.output

    @pytest.mark.parametrize(
        "command",
        [
            ["report", "claims", "-f", "json"],
            ["report", "claims", "--format", "html", "-o", "site/"],
            ["export", "claims", "--to", "csl-json"],
            ["export", "claims", "--to", "sqlite", "-o", "claims.db"],
            ["match", "claims", "-f", "json"],
        ],
        ids=["report", "site", "export", "sqlite", "match"],
    )
    def test_exclude_holds_for_every_command_that_reads_claims(
        self, project: Path, command: list[str]
    ) -> None:
        """A file the configuration excludes is left out of report, the site, export and
        match (and anchor, which finds its files as match does) as it is out of check: an
        invalid draft there breaks none of them."""
        (project / "claims" / "drafts").mkdir()
        (project / "claims" / "drafts" / "draft.yaml").write_text("version: 1\n", "utf-8")
        (project / "claimtrack.toml").write_text('exclude = ["claims/drafts/*"]\n', "utf-8")
        result = _run(*command)
        assert "draft" not in result.output
        assert result.exit_code in (0, 1), result.output
        assert "E110" not in result.output
        if command[0] == "report" and "-o" in command:
            assert not any("draft" in p.name for p in (project / "site").rglob("*"))


class TestBaseline:
    def test_write_then_use_then_fix(self, project: Path) -> None:
        """Written flags stop counting; new ones count; fixed entries are reported."""
        written = _run("check", "--write-baseline", "known.json", "claims")
        assert written.exit_code == 0, written.output
        assert "wrote 2 baseline entries to known.json" in written.output
        entries = json.loads((project / "known.json").read_text(encoding="utf-8"))["entries"]
        assert {(e["path"], e["code"]) for e in entries} == {
            ("claims/a.yaml", "F101"),
            ("claims/b.yaml", "F105"),
        }
        clean = _run("check", "--baseline", "known.json", "claims")
        assert clean.exit_code == 0, clean.output
        assert "2 in the baseline" in clean.output

        shutil.copy(FIXTURES / "valid" / "F105-when-needed.yaml", project / "claims" / "b.yaml")
        shutil.copy(FIXTURES / "invalid" / "F111-mentions-only.yaml", project / "claims" / "c.yaml")
        after = _run("check", "--baseline", "known.json", "--fail-level", "info", "claims")
        assert after.exit_code == 1
        assert "c.yaml" in after.output
        assert "claims/b.yaml: F105 [fixed]" in after.output
        assert "1 baseline entry fixed" in after.output

    def test_baseline_from_config_and_missing_file(self, project: Path) -> None:
        """A configured baseline that does not exist is a usage error naming it."""
        (project / "claimtrack.toml").write_text('baseline = "nope.json"\n', encoding="utf-8")
        result = _run("check", "claims")
        assert result.exit_code == 2
        assert "nope.json: cannot read the baseline" in result.output


class TestOutput:
    def test_statistics(self, project: Path) -> None:
        """--statistics lists counts per rule with the rule's name."""
        result = _run("check", "--statistics", "-q", "claims")
        assert "1  F101  citation-needed" in result.output
        assert "1  F105  when-needed" in result.output

    def test_verbose_lists_suppressed_findings(self) -> None:
        """-v lists suppressed findings with their reasons; the default does not."""
        path = str(FIXTURES / "valid" / "F001-unused-suppression.yaml")
        assert "[suppressed]" not in _run("check", path).output
        verbose = _run("check", "-v", path)
        assert verbose.exit_code == 0
        assert "F105 [suppressed]" in verbose.output
        assert "reason: The date is in the next sentence." in verbose.output
        assert "(1 suppressed)" in verbose.output

    @pytest.mark.parametrize("fmt", ["json", "github", "sarif"])
    def test_machine_formats(self, project: Path, fmt: str) -> None:
        """Every format reports the same findings and keeps the exit code."""
        result = _run("check", "--format", fmt, "claims")
        assert result.exit_code == 1
        assert "F101" in result.output
        assert "F105" in result.output


class TestRulesCommand:
    def test_lists_every_rule(self) -> None:
        """`claimtrack rules` lists errors and flags with their names."""
        result = _run("rules")
        assert result.exit_code == 0
        assert "F101  citation-needed" in result.output
        assert "E203  unknown-source" in result.output

    def test_explains_one_rule(self) -> None:
        """`claimtrack rules NAME` shows the rule's rationale, examples and suppression."""
        result = _run("rules", "when-needed")
        assert result.exit_code == 0
        assert result.output.startswith("F105 when-needed [warning]")
        assert "Flagged:" in result.output
        assert "suppress: [{rule: when-needed" in result.output

    def test_unknown_rule(self) -> None:
        """An unknown rule is a usage error."""
        assert _run("rules", "F999").exit_code == 2

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
# A claim file whose source's snapshot is 'passwd', beside the claim file, quoted by a claim.
SOURCED = """\
version: 1
document: {{id: d, title: t}}
sources:
  - id: s1
    type: report
    title: Hosts
    issued: 2024-01-01
    url: https://example.org/hosts
    snapshot: {{path: passwd, sha256: "{zeros}", coverage: full}}
claims:
  - id: c1
    text: The first account is described.
    kind: relation
    anchor: {{exact: "first account"}}
    citations:
      - {{source: s1, quote: "{{quote}}"}}
""".replace("{zeros}", "0" * 64)


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

    def test_check_never_quotes_a_source_snapshot_outside(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A source snapshot ``passwd`` beside ``--stdin-filename /etc/x.yaml`` is E213 and
        is never read: no closest passage of /etc/passwd shows in the quote's finding."""
        monkeypatch.chdir(tmp_path)
        first = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[0]
        result = CliRunner().invoke(
            cli,
            ["check", "--no-cache", "--stdin-filename", "/etc/x.yaml", "-"],
            input=SOURCED.format(quote=first + "x"),
        )
        assert result.exit_code == 1, result.output
        assert "E213" in result.stdout
        assert "it leaves the project folder" in result.stdout
        assert first not in result.stdout.replace(first + "x", "")

    def test_report_never_verifies_against_a_source_snapshot_outside(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The report holds the quote to the same folder as the check: not checked, since
        the snapshot leaves the project, rather than verified against /etc/passwd."""
        monkeypatch.chdir(tmp_path)
        first = Path("/etc/passwd").read_text(encoding="utf-8", errors="replace").splitlines()[0]
        result = CliRunner().invoke(
            cli,
            ["report", "-f", "md", "--stdin-filename", "/etc/x.yaml", "-"],
            input=SOURCED.format(quote=first),
        )
        assert "Quote: not checked: it leaves the project folder." in result.stdout
        assert "verified against" not in result.stdout

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

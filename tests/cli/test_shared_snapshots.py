"""Snapshots of the shared source library's records: E213 and E214 at the library record,
once per run; the citing claims told their quotes went unverified; and cached results that
follow the snapshot files."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli.main import cli
from tests.conftest import FIXTURES

QUOTE = "The government fell on Sunday as the president fled"
TEXT = f"{QUOTE} the capital, the wire reported.\n"
# The record of 'wire-report' in the library file, with its snapshot written out: its
# 'path' value stands at 11:13 and its 'sha256' value at 12:15.
WIRES = """\
# Shared records, cited by id from the claim files under claims/.
version: 1
sources:
  - id: wire-report
    type: article-newspaper
    title: Government falls as the president flees
    publisher: Example Wire
    issued: 2024-12-08
    url: https://wire.example.org/fall
    snapshot:
      path: snapshots/wire-report.txt
      sha256: {sha256}
  - id: monitor-count
    type: report
    title: Casualty count
    authors: [{{literal: Example Monitor}}]
    issued: 2024-12-20
    url: https://monitor.example.org/count
"""
CITATION = "    citations: [{source: wire-report}, {source: local-transcript, stance: mentions}]\n"
QUOTED = (
    f'    citations:\n      - {{source: wire-report, quote: "{QUOTE}"}}\n'
    "      - {source: local-transcript, stance: mentions}\n"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The library fixture project with a snapshot for 'wire-report', quoted by claims/fall.yaml
    (its quote stands at 16:38), as the working folder."""
    target = tmp_path / "project"
    shutil.copytree(FIXTURES / "library", target)
    snapshots = target / "sources" / "snapshots"
    snapshots.mkdir()
    (snapshots / "wire-report.txt").write_text(TEXT, encoding="utf-8")
    sha256 = hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    (target / "sources" / "wires.yaml").write_text(WIRES.format(sha256=sha256), "utf-8")
    claims = target / "claims" / "fall.yaml"
    text = claims.read_text(encoding="utf-8")
    assert CITATION in text
    claims.write_text(text.replace(CITATION, QUOTED), encoding="utf-8")
    monkeypatch.chdir(target)
    return target


def _findings(result: Result) -> list[str]:
    """The finding lines of text output (without hints and the summary)."""
    lines = result.output.splitlines()
    return [line for line in lines[:-1] if not line.startswith("    help:")]


def _codes(result: Result) -> list[str]:
    return [line.split(": ", 1)[0] + " " + line.split()[1] for line in _findings(result)]


UNVERIFIED = "claims/fall.yaml:16:38 F120"


class TestAtTheLibrary:
    def test_clean_snapshot_verifies_the_quote(self, project: Path) -> None:
        """A shared snapshot that hashes as recorded verifies the quote: nothing to report."""
        result = run("check", "claims", "sources", "--no-cache", "--select", "E2,F120")
        assert result.exit_code == 0, result.output

    def test_changed_snapshot_is_reported_once_at_its_sha256(self, project: Path) -> None:
        """An edited shared snapshot is one E214 at the library's sha256, and the citing
        quote's F120 says the snapshot could not be used."""
        (project / "claims" / "again.yaml").write_text(
            (project / "claims" / "fall.yaml").read_text("utf-8").replace("id: fall", "id: again"),
            "utf-8",
        )
        (project / "sources" / "snapshots" / "wire-report.txt").write_text("Edited.\n", "utf-8")
        result = run("check", "claims", "sources", "--no-cache", "--select", "E2,F120")
        assert result.exit_code == 1, result.output
        assert _codes(result) == [
            "claims/again.yaml:16:38 F120",
            UNVERIFIED,
            "sources/wires.yaml:12:15 E214",
        ]
        lines = _findings(result)
        assert (
            "could not be verified: the snapshot could not be used (wire-report.txt:" in (lines[1])
        )
        assert "'wire-report'" in lines[2]

    def test_missing_snapshot_is_reported_at_its_path(self, project: Path) -> None:
        """A deleted shared snapshot is E213 at the library's snapshot path."""
        (project / "sources" / "snapshots" / "wire-report.txt").unlink()
        result = run("check", ".", "--no-cache", "--select", "E2,F120")
        assert result.exit_code == 1, result.output
        assert _codes(result) == [UNVERIFIED, "sources/wires.yaml:11:13 E213"]

    def test_snapshot_outside_the_project_is_refused(self, project: Path) -> None:
        """A shared snapshot path leaving the project is E213 at it, and is never read."""
        (project.parent / "outside.txt").write_text(TEXT, encoding="utf-8")
        wires = project / "sources" / "wires.yaml"
        text = wires.read_text(encoding="utf-8")
        wires.write_text(text.replace("snapshots/wire-report.txt", "../../outside.txt"), "utf-8")
        result = run("check", ".", "--no-cache", "--select", "E2,F120")
        assert result.exit_code == 1, result.output
        assert _codes(result) == [UNVERIFIED, "sources/wires.yaml:11:13 E213"]
        assert "it leaves the project folder" in _findings(result)[1]

    def test_claim_folder_with_a_project_of_its_own(self, project: Path) -> None:
        """A claim folder holding a pyproject.toml of its own does not make the shared
        snapshot "outside the project" for the quote: the quote is held to the library
        file's project, as the library record's own E213 and E214 checks are."""
        (project / "claims" / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")
        result = run("check", "claims", "sources", "--no-cache", "--select", "E2,F120")
        assert result.exit_code == 0, result.output

    def test_project_root_option_holds_shared_snapshots(self, project: Path) -> None:
        """--project-root is the folder no snapshot may leave, shared ones included."""
        result = run(
            "check", "claims", "--no-cache", "--select", "E2,F120", "--project-root", "claims"
        )
        assert result.exit_code == 1, result.output
        assert _codes(result) == [UNVERIFIED, "sources/wires.yaml:11:13 E213"]
        assert "it leaves the project folder" in _findings(result)[1]

    def test_uncited_shared_snapshot_is_still_judged(self, project: Path) -> None:
        """A shared snapshot no claim file cites is judged when the library file is checked."""
        (project / "claims" / "fall.yaml").unlink()
        (project / "claims" / "count.json").unlink()
        (project / "sources" / "snapshots" / "wire-report.txt").write_text("Edited.\n", "utf-8")
        result = run("check", "sources/wires.yaml", "--no-cache", "--select", "E2")
        assert result.exit_code == 1, result.output
        assert _codes(result) == ["sources/wires.yaml:12:15 E214"]

    def test_one_claim_file_still_says_its_quote_went_unverified(self, project: Path) -> None:
        """Checking only a citing file leaves the library's E214 out, not the claim's F120."""
        (project / "sources" / "snapshots" / "wire-report.txt").write_text("Edited.\n", "utf-8")
        result = run("check", "claims/fall.yaml", "--no-cache", "--select", "E2,F120")
        assert result.exit_code == 1, result.output
        assert _codes(result) == [UNVERIFIED]


class TestCache:
    @pytest.fixture
    def check(self, project: Path) -> list[str]:
        """The command checking one citing file with a cache outside the project."""
        return ["check", "claims/fall.yaml", "--cache-dir", str(project.parent / "cache")]

    def test_edited_then_restored_snapshot(self, project: Path, check: list[str]) -> None:
        """A warm run sees a shared snapshot edited since, and sees it restored."""
        assert run(*check).exit_code == 0
        snapshot = project / "sources" / "snapshots" / "wire-report.txt"
        snapshot.write_text("Edited.\n", "utf-8")
        edited = run(*check)
        assert edited.exit_code == 1, edited.output
        assert _codes(edited) == [UNVERIFIED]
        snapshot.write_text(TEXT, "utf-8")
        restored = run(*check)
        assert restored.exit_code == 0, restored.output

    def test_deleted_snapshot(self, project: Path, check: list[str]) -> None:
        """A warm run sees a shared snapshot deleted since."""
        assert run(*check).exit_code == 0
        (project / "sources" / "snapshots" / "wire-report.txt").unlink()
        deleted = run(*check)
        assert deleted.exit_code == 1, deleted.output
        assert "No such file or directory" in _findings(deleted)[0]

    def test_snapshot_replaced_by_a_folder(self, project: Path, check: list[str]) -> None:
        """A warm run sees a shared snapshot replaced by a folder."""
        assert run(*check).exit_code == 0
        snapshot = project / "sources" / "snapshots" / "wire-report.txt"
        snapshot.unlink()
        snapshot.mkdir()
        replaced = run(*check)
        assert replaced.exit_code == 1, replaced.output
        assert _codes(replaced) == [UNVERIFIED]

    def test_snapshot_replaced_by_a_link(self, project: Path, check: list[str]) -> None:
        """A warm run sees a shared snapshot replaced by a link to another text."""
        assert run(*check).exit_code == 0
        snapshot = project / "sources" / "snapshots" / "wire-report.txt"
        other = snapshot.with_name("other.txt")
        other.write_text("Another text.\n", "utf-8")
        snapshot.unlink()
        snapshot.symlink_to(other.name)
        linked = run(*check)
        assert linked.exit_code == 1, linked.output
        assert _codes(linked) == [UNVERIFIED]
        snapshot.unlink()
        snapshot.symlink_to(other.name.replace("other", "same"))
        (snapshot.with_name("same.txt")).write_text(TEXT, "utf-8")
        same = run(*check)
        assert same.exit_code == 0, same.output

    def test_worker_processes_record_the_dependency(self, project: Path) -> None:
        """Files checked in worker processes depend on the shared snapshot too."""
        text = (project / "claims" / "fall.yaml").read_text(encoding="utf-8")
        for number in range(20):
            copy = text.replace("id: fall", f"id: fall-{number}")
            (project / "claims" / f"copy-{number}.yaml").write_text(copy, encoding="utf-8")
        cache = str(project.parent / "cache")
        command = ["check", "claims", "--cache-dir", cache, "-j", "2", "--select", "E2,F120"]
        assert run(*command).exit_code == 0
        (project / "sources" / "snapshots" / "wire-report.txt").write_text("Edited.\n", "utf-8")
        edited = run(*command, "-q")
        assert edited.exit_code == 1, edited.output
        codes = [line.split()[1] for line in edited.output.splitlines()]
        assert codes == ["F120"] * 21 + ["E214"]

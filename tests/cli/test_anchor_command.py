"""Tests of ``claimtrack anchor``: verify, fill, rebase, dry runs and exit codes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli.main import cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "anchors"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding the article, its edited version and the claim file."""
    for name in ("article.txt", "article-edited.txt", "claims.yaml"):
        shutil.copyfile(FIXTURES / name, tmp_path / name)
    (tmp_path / "claimtrack.toml").write_text("")
    return tmp_path


def _run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["anchor", *map(str, args)])


class TestVerify:
    """Without options every anchor is verified and nothing is written."""

    def test_valid_file_exits_zero(self, project: Path) -> None:
        """A claim file whose anchors all place exits 0 and is left alone."""
        before = (project / "claims.yaml").read_bytes()
        result = _run(project / "claims.yaml")
        assert result.exit_code == 0, result.output
        assert "10 verified" in result.output
        assert (project / "claims.yaml").read_bytes() == before

    def test_broken_anchor_exits_one_with_the_nearest_passage(self, project: Path) -> None:
        """A quote not in the snapshot is reported with the closest passage and exits 1."""
        path = project / "claims.yaml"
        path.write_text(path.read_text().replace("Seyed Razi", "Sayed Razi"))
        result = _run(path)
        assert result.exit_code == 1, result.output
        assert "E220" in result.output
        assert "closest passage" in result.output
        assert "Seyed Razi" in result.output

    def test_missing_snapshot_without_document_exits_two(self, tmp_path: Path) -> None:
        """A claim file with no snapshot and no --document is a usage error."""
        path = tmp_path / "c.yaml"
        path.write_text(
            "version: 1\ndocument: {id: d, title: T}\nclaims:\n"
            "  - {id: c, text: A claim., kind: event, anchor: {exact: q}}\n"
        )
        result = _run(path)
        assert result.exit_code == 2
        assert "--document" in result.output


class TestFill:
    """--fill adds offsets and context, rewriting only those lines."""

    def test_fill_adds_offsets_only(self, project: Path) -> None:
        """Removed offsets come back exactly, and nothing else in the file changes."""
        path = project / "claims.yaml"
        full = path.read_text()
        lines = full.splitlines(keepends=True)
        stripped = "".join(
            line for line in lines if not line.lstrip().startswith(("start:", "end:"))
        )
        path.write_text(stripped)
        result = _run(path, "--fill")
        assert result.exit_code == 0, result.output
        assert path.read_text() == full

    def test_dry_run_prints_a_diff_and_writes_nothing(self, project: Path) -> None:
        """--dry-run shows the unified diff and leaves the file as it was."""
        path = project / "claims.yaml"
        stripped = path.read_text().replace("      start: 2934\n", "")
        path.write_text(stripped)
        result = _run(path, "--fill", "--dry-run")
        assert result.exit_code == 0, result.output
        assert "+      start: 2934" in result.output
        assert path.read_text() == stripped

    def test_fill_and_rebase_together_is_a_usage_error(self, project: Path) -> None:
        """--fill with --rebase exits 2."""
        result = _run(project / "claims.yaml", "--fill", "--rebase", project / "article.txt")
        assert result.exit_code == 2


class TestRebase:
    """--rebase moves anchors to the edited article and reports orphans."""

    def test_edited_article(self, project: Path) -> None:
        """A corrected name, a reworded sentence, a moved and a removed paragraph give
        5 moved, 3 unchanged and 2 orphaned anchors; the hash waits for the orphans."""
        path = project / "claims.yaml"
        before = path.read_text()
        result = _run(path, "--rebase", project / "article-edited.txt")
        assert result.exit_code == 1, result.output
        assert "10 anchors: 5 moved, 2 orphaned, 3 unchanged" in result.output
        assert "claim 'russia-incensed' orphaned" in result.output
        assert "claim 'deir-al-zor-bases' orphaned" in result.output
        assert '"Israeli strikes in Damascus killed Sayyed Razi Mousavi"' in result.output
        edited = (project / "article-edited.txt").read_bytes()
        assert (project / "article.txt").read_bytes() == edited
        after = path.read_text()
        assert after != before
        assert hashlib.sha256(edited).hexdigest() not in after
        check = CliRunner().invoke(cli, ["check", "--fail-level", "error", str(path)])
        assert check.exit_code == 1
        assert check.output.count("E220") == 2
        assert "E212" in check.output

    def test_accepting_orphans_records_the_hash(self, project: Path) -> None:
        """With --accept-orphans the new hash is recorded; only the orphans remain."""
        path = project / "claims.yaml"
        result = _run(path, "--rebase", project / "article-edited.txt", "--accept-orphans")
        assert result.exit_code == 1, result.output
        digest = hashlib.sha256((project / "article-edited.txt").read_bytes()).hexdigest()
        assert f"sha256: {digest}" in path.read_text()
        check = CliRunner().invoke(cli, ["check", "--fail-level", "error", str(path)])
        assert "E212" not in check.output
        assert check.output.count("E220") == 2

    def test_missing_new_text_is_named_without_an_errno(self, project: Path) -> None:
        """A --rebase file that is not there exits 2 naming it, with no raw errno text."""
        result = _run(project / "claims.yaml", "--rebase", project / "gone.txt")
        assert result.exit_code == 2, result.output
        assert "gone.txt: no such file" in result.output
        assert "Errno" not in result.output

    def test_rebase_onto_the_same_text_changes_nothing(self, project: Path) -> None:
        """Rebasing onto an identical copy leaves the claim file byte-identical."""
        path = project / "claims.yaml"
        before = path.read_bytes()
        shutil.copyfile(project / "article.txt", project / "copy.txt")
        result = _run(path, "--rebase", project / "copy.txt")
        assert result.exit_code == 0, result.output
        assert path.read_bytes() == before

    def test_snapshot_replaced_in_place_is_rebased_from_the_anchors(self, project: Path) -> None:
        """When the snapshot file was overwritten already, the anchors alone are used, and
        once every anchor is placed the hash is recorded."""
        path = project / "claims.yaml"
        text = (project / "article.txt").read_text()
        (project / "article.txt").write_text("Preface.\n" + text.replace("Seyed", "Sayyed"))
        result = _run(path, "--rebase", project / "article.txt")
        assert result.exit_code == 0, result.output
        check = CliRunner().invoke(cli, ["check", "--fail-level", "error", str(path)])
        assert check.exit_code == 0, check.output


class TestOtherInputs:
    """JSON claim files, invalid files and texts given with --document."""

    def test_fill_json_file_in_place(self, project: Path) -> None:
        """Offsets are added to a JSON claim file without re-dumping it."""
        path = project / "claims.json"
        text = (
            '{"version": 1,\n "document": {"id": "d", "title": "T"},\n "claims": [\n'
            '  {"id": "c", "text": "A claim.", "kind": "event",\n'
            '   "anchor": {"exact": "more than 2,000 casualties"}}\n ]\n}\n'
        )
        path.write_text(text)
        result = _run(path, "--fill", "--document", project / "article.txt")
        assert result.exit_code == 0, result.output
        assert path.read_text() == text.replace(
            '"more than 2,000 casualties"}',
            '"more than 2,000 casualties", "start": 2934, "end": 2960}',
        )

    def test_schema_invalid_file_exits_one(self, project: Path) -> None:
        """A claim file that is not schema-valid is reported and left alone."""
        path = project / "bad.yaml"
        path.write_text("version: 1\ndocument: {id: d}\nclaims: []\n")
        result = _run(path)
        assert result.exit_code == 1, result.output
        assert "E110" in result.output

    def test_rebase_with_document_and_no_snapshot(self, project: Path) -> None:
        """With --document as the old text, a file without a snapshot is rebased too."""
        path = project / "c.yaml"
        path.write_text(
            "version: 1\ndocument: {id: d, title: T}\nclaims:\n"
            "  - id: c\n    text: A claim.\n    kind: event\n"
            "    anchor: {exact: Seyed Razi Mousavi, start: 4371, end: 4389}\n"
        )
        result = _run(
            path, "--document", project / "article.txt", "--rebase", project / "article-edited.txt"
        )
        assert result.exit_code == 0, result.output
        assert "{exact: Sayyed Razi Mousavi, start: 4371, end: 4390}" in path.read_text()

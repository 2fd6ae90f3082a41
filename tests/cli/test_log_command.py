"""``claimtrack log``: a claim's history through real commits, renames and merges."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli.main import cli
from tests.gitrepo import SMALL, GitRepo


def _log(repo: GitRepo | Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.chdir(repo.root if isinstance(repo, GitRepo) else repo)
    return CliRunner().invoke(cli, ["log", *args])


@pytest.fixture
def history(tmp_path: Path) -> GitRepo:
    """A claim added, disputed by a second author on a branch merged back, its file moved,
    its id renamed, then an unrelated edit."""
    repo = GitRepo(tmp_path / "repo")
    repo.write("claims/small.yaml", SMALL)
    repo.commit("Add the record")
    repo.git("checkout", "-q", "-b", "review")
    repo.edit(
        "claims/small.yaml",
        "    status: supported\n  - id: rationing",
        "    status: disputed\n  - id: rationing",
    )
    repo.commit("Dispute the level", author="Bo Reviewer")
    repo.git("checkout", "-q", "main")
    repo.edit("claims/small.yaml", "title: Level survey", "title: Survey")
    repo.commit("Retitle the survey")
    repo.git("merge", "-q", "--no-ff", "--no-edit", "review")
    repo.git("mv", "claims/small.yaml", "claims/reservoir.yaml")
    repo.commit("Move the record")
    repo.edit("claims/reservoir.yaml", "  - id: level\n", "  - id: reservoir-level\n")
    repo.commit("Rename the claim")
    repo.edit("claims/reservoir.yaml", "title: Annual water report", "title: Water report")
    repo.commit("Retitle the report")
    return repo


class TestLog:
    def test_history_follows_renames_and_merges(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The history lists, newest first, the id rename, the merge that brought the
        dispute in (with its flag) and the commit that added the claim, and no commit that
        left the claim alone."""
        result = _log(history, "reservoir-level", "-f", "json", monkeypatch=monkeypatch)
        assert result.exit_code == 0, result.output
        commits = json.loads(result.stdout)["commits"]
        subjects = [c["subject"] for c in commits]
        assert subjects == ["Rename the claim", "Merge branch 'review'", "Add the record"]
        rename, merge, added = commits
        assert (rename["change"]["change"], rename["change"]["old_id"]) == ("renamed", "level")
        assert rename["flags"] == {"introduced": [], "fixed": []}
        assert rename["path"] == "claims/reservoir.yaml"
        assert merge["change"]["fields"] == [
            {"field": "status", "before": "supported", "after": "disputed"}
        ]
        assert [f["code"] for f in merge["flags"]["introduced"]] == ["F107"]
        assert (added["change"]["change"], added["path"]) == ("added", "claims/small.yaml")

    def test_text_names_commit_author_and_change(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Text output gives each commit's short hash, date, author and subject, then the
        change in diff's terms; the claim's file is found under the current folder."""
        result = _log(history, "reservoir-level", monkeypatch=monkeypatch)
        assert result.exit_code == 0, result.output
        lines = result.stdout.splitlines()
        assert lines[0] == "History of claim reservoir-level: 3 commits"
        assert lines[2].endswith("Ada Editor: Rename the claim")
        assert (
            '  claim level renamed to reservoir-level: "The reservoir stood at 40 percent."'
            in lines
        )
        assert '    status: "supported" → "disputed"' in lines

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["nope"], "no claim file holds a claim with id 'nope'"),
            (["level", "claims/missing.yaml"], "claims/missing.yaml: no such file"),
            (["rationing", "claims/reservoir.yaml", "-f", "yaml"], "Invalid value"),
        ],
    )
    def test_bad_input_exits_2(
        self, history: GitRepo, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An unknown claim, a missing file or a bad option exits 2 with a clear message."""
        result = _log(history, *args, monkeypatch=monkeypatch)
        assert result.exit_code == 2, result.output
        assert message in result.stderr
        assert "Traceback" not in result.output

    def test_outside_a_repository(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A claim file outside any repository has no history: exit 2 saying so."""
        (tmp_path / "a.yaml").write_text(SMALL, encoding="utf-8")
        result = _log(tmp_path, "level", "a.yaml", monkeypatch=monkeypatch)
        assert result.exit_code == 2
        assert "not inside a git repository" in result.stderr


class TestUnusableFiles:
    def test_the_configured_limit_applies(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A version of the file over the configured max-file-size is E104 at the commit it
        was in, as check names it; the history of the others is still shown; exit 2."""
        repo = GitRepo(tmp_path / "repo")
        repo.write("claimtrack.toml", "max-file-size = 3000\n")
        repo.write("claims/small.yaml", SMALL)
        repo.commit("Add the record")
        repo.edit("claims/small.yaml", "version: 1\n", "version: 1\n# " + "x" * 3000 + "\n")
        big = repo.commit("Pad the record")
        result = _log(repo, "level", "claims/small.yaml", monkeypatch=monkeypatch)
        assert result.exit_code == 2, result.output
        assert "claims/small.yaml:1:1: E104 " in result.stderr, result.stderr
        assert "over the limit of 3,000" in result.stderr
        assert big[:12] in result.stderr
        assert "Add the record" in result.stdout
        assert "Traceback" not in result.output

    def test_a_version_that_does_not_parse(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A commit at which the file is not valid YAML is named with its place, exit 2."""
        repo = GitRepo(tmp_path / "repo")
        repo.write("claims/small.yaml", SMALL)
        repo.commit("Add the record")
        repo.edit("claims/small.yaml", "  - id: rationing\n", "  - id: [rationing\n")
        repo.commit("Break the record")
        result = _log(repo, "level", "claims/small.yaml", monkeypatch=monkeypatch)
        assert result.exit_code == 2, result.output
        assert "claims/small.yaml:" in result.stderr
        assert " E102 " in result.stderr, result.stderr
        assert "Add the record" in result.stdout

    def test_a_file_in_the_folder_that_does_not_parse(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Looking for the claim's file in a folder, a claim file naming the claim that
        does not parse is named with its place (it might hold it), exit 2."""
        history.write("claims/other.yaml", "claims:\n  - id: reservoir-level\n    text: [x\n")
        result = _log(history, "reservoir-level", "claims", monkeypatch=monkeypatch)
        assert result.exit_code == 2, result.output
        assert "claims/other.yaml:4:1: E102 " in result.stderr, result.stderr
        assert result.stdout == ""


class TestConfiguration:
    def test_the_configured_selection_and_library_apply(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """log judges each commit as check and diff do: a flag the project ignores is never
        introduced, and a source of the shared library is known."""
        repo = GitRepo(tmp_path / "repo")
        repo.write("claimtrack.toml", 'ignore = ["F107"]\nsources = ["sources/*.yaml"]\n')
        survey = (
            "  - id: survey\n    type: dataset\n    title: Level survey\n"
            '    issued: "2024-06"\n    url: https://example.org/survey\n'
        )
        repo.write("sources/shared.yaml", "version: 1\nsources:\n" + survey)
        repo.write("claims/small.yaml", SMALL.replace(survey, ""))
        repo.commit("Add the record")
        repo.edit(
            "claims/small.yaml",
            "    status: supported\n  - id: rationing",
            "    status: disputed\n  - id: rationing",
        )
        repo.commit("Dispute the level")
        result = _log(repo, "level", "claims/small.yaml", "-f", "json", monkeypatch=monkeypatch)
        assert result.exit_code == 0, result.output
        disputed, added = json.loads(result.stdout)["commits"]
        assert disputed["flags"]["introduced"] == []
        assert added["flags"]["introduced"] == []

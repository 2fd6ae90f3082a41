"""``claimtrack diff`` on real repositories: formats, golden files, and every bad input
giving one clear line and exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from jsonschema import Draft202012Validator

from claimtrack._version import __version__
from claimtrack.cli.main import cli
from claimtrack.schema import load_schema
from tests.gitrepo import ROOT, SMALL, GitRepo

GOLDEN = ROOT / "tests" / "golden" / "diff"


def _run(repo: GitRepo | Path, *args: str, monkeypatch: pytest.MonkeyPatch) -> Result:
    monkeypatch.chdir(repo.root if isinstance(repo, GitRepo) else repo)
    return CliRunner().invoke(cli, ["diff", *args])


@pytest.fixture
def history(tmp_path: Path) -> GitRepo:
    """A small record, then a commit that renames a claim, flips a verdict, edits a quote,
    removes a source (and its citation) and adds a claim."""
    repo = GitRepo(tmp_path / "repo")
    repo.write("claims/small.yaml", SMALL)
    repo.commit("A small record")
    name = "claims/small.yaml"
    repo.edit(name, "  - id: rationing\n", "  - id: city-rationing\n")
    repo.edit(name, "    status: supported\n  - id: city", "    status: disputed\n  - id: city")
    repo.edit(name, '"The level was 40 percent."', '"The level was about 40 percent."')
    repo.edit(
        name,
        "  - id: survey\n    type: dataset\n    title: Level survey\n"
        '    issued: "2024-06"\n    url: https://example.org/survey\n',
        "",
    )
    repo.edit(name, "      - {source: survey}\n", "")
    repo.write(
        name,
        repo.read(name) + "  - id: dams\n    text: Two dams were closed.\n    kind: event\n"
        '    anchor: {exact: "closed two dams"}\n',
    )
    repo.commit("Review the record", author="Bo Reviewer")
    return repo


def _normalise(text: str, repo: GitRepo) -> str:
    for sha, name in (
        (repo.git("rev-parse", "HEAD~1").strip(), "{BASE}"),
        (repo.git("rev-parse", "HEAD").strip(), "{HEAD}"),
    ):
        text = text.replace(sha, name)
    return text.replace(__version__, "{VERSION}")


class TestGolden:
    @pytest.mark.parametrize(
        ("name", "options"),
        [
            ("history.text", []),
            (
                "history.md",
                ["--format", "markdown", "--links", "https://github.com/owner/repo/blob"],
            ),
            ("history.json", ["--format", "json"]),
        ],
    )
    def test_output_matches_golden_file(
        self, history: GitRepo, name: str, options: list[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Each format's output for a reviewed commit equals its reviewed golden file."""
        result = _run(history, "HEAD~1", "HEAD", *options, monkeypatch=monkeypatch)
        assert result.exit_code == 0, result.output
        actual = _normalise(result.stdout, history)
        golden = GOLDEN / name
        if os.environ.get("CLAIMTRACK_UPDATE_GOLDEN") == "1":
            golden.write_text(actual, encoding="utf-8")
        assert actual == golden.read_text(encoding="utf-8")

    def test_json_follows_its_schema(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """--format json output validates against schemas/diff-output.schema.json."""
        result = _run(history, "HEAD~1", "HEAD", "-f", "json", monkeypatch=monkeypatch)
        validator = Draft202012Validator(load_schema("diff-output.schema.json"))
        assert list(validator.iter_errors(json.loads(result.stdout))) == []

    def test_schema_command_prints_it(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """``claimtrack schema --which diff-output`` prints the published diff schema."""
        result = CliRunner().invoke(cli, ["schema", "--which", "diff-output"])
        assert result.exit_code == 0, result.output
        published = (ROOT / "schemas" / "diff-output.schema.json").read_text(encoding="utf-8")
        assert result.stdout == published

    def test_published_schema_is_packaged_byte_for_byte(self) -> None:
        """The packaged diff schema is byte-identical to schemas/diff-output.schema.json and
        passes its metaschema."""
        published = (ROOT / "schemas" / "diff-output.schema.json").read_bytes()
        packaged = ROOT / "src" / "claimtrack" / "schemas" / "diff-output.schema.json"
        assert packaged.read_bytes() == published
        Draft202012Validator.check_schema(json.loads(published))


class TestArguments:
    def test_defaults_compare_head_with_the_work_tree(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With no revision the diff is from HEAD to the work tree, uncommitted edits only."""
        history.edit("claims/small.yaml", "title: The reservoir report", "title: The reservoir")
        result = _run(history, monkeypatch=monkeypatch)
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines()[1:] == [
            "1 claim file changed: 1 document field changed.",
            "",
            "claims/small.yaml (modified)",
            '  document title: "The reservoir report" → "The reservoir"',
        ]
        assert "dams" not in result.stdout

    def test_two_files_are_compared_directly(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Two claim files and no revision compare the files, outside any repository."""
        (tmp_path / "a.yaml").write_text(SMALL, encoding="utf-8")
        (tmp_path / "b.yaml").write_text(
            SMALL.replace(
                "status: supported\n  - id: rationing", "status: refuted\n  - id: rationing"
            ),
            encoding="utf-8",
        )
        result = _run(tmp_path, "a.yaml", "b.yaml", monkeypatch=monkeypatch)
        assert result.exit_code == 0, result.output
        assert 'status: "supported" → "refuted"' in result.stdout

    def test_a_file_present_on_one_side_only_is_added(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A claim file named on the command line that exists only in the work tree is
        reported as added, not as an error."""
        history.write("claims/new.yaml", SMALL.replace("id: reservoir", "id: new"))
        result = _run(history, "HEAD", "claims/new.yaml", monkeypatch=monkeypatch)
        assert result.exit_code == 0, result.output
        assert "claims/new.yaml (added)" in result.stdout


class TestHostileText:
    def test_markdown_cannot_be_broken_out_of(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Markup, links and table pipes in a claim's text are escaped in the Markdown, so
        nothing in a claim file can close the section, run a script or make a link."""
        hostile = "</details><script>alert(1)</script> [click](javascript:alert(1)) | `x`"
        (tmp_path / "a.yaml").write_text(SMALL, encoding="utf-8")
        (tmp_path / "b.yaml").write_text(
            SMALL.replace(
                "text: The city introduced water rationing.", f"text: {json.dumps(hostile)}"
            ),
            encoding="utf-8",
        )
        result = _run(tmp_path, "a.yaml", "b.yaml", "-f", "markdown", monkeypatch=monkeypatch)
        assert result.exit_code == 0, result.output
        assert "<script>" not in result.stdout
        assert "</details><" not in result.stdout
        assert "](javascript:" not in result.stdout
        assert result.stdout.count("</details>") == 1
        assert "&lt;script&gt;" in result.stdout


class TestBadInput:
    def _fails(self, result: Result, *words: str) -> None:
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        assert result.stderr.startswith("claimtrack: ")
        for word in words:
            assert word in result.stderr

    def test_a_revision_that_does_not_exist(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An unknown revision names it and says what to give instead."""
        self._fails(
            _run(history, "no-such-branch", monkeypatch=monkeypatch),
            "'no-such-branch' does not exist",
        )

    def test_a_shallow_clone(
        self, history: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Asking a depth-1 clone for its parent commit says the clone is shallow and how to
        fetch the history."""
        clone = tmp_path / "clone"
        history.git("clone", "-q", "--depth", "1", f"file://{history.root}", str(clone))
        self._fails(_run(clone, "HEAD~1", monkeypatch=monkeypatch), "shallow", "fetch-depth: 0")

    def test_a_missing_file_in_two_file_mode(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Comparing a file with one that does not exist names the missing one."""
        (tmp_path / "a.yaml").write_text(SMALL, encoding="utf-8")
        self._fails(
            _run(tmp_path, "a.yaml", "gone.yaml", monkeypatch=monkeypatch),
            "gone.yaml: no such file",
        )

    def test_a_side_that_does_not_parse(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A head side that is not YAML is named with file:line:col, its records are not
        compared, the other side's flags are still reported, and the exit is 2."""
        history.edit("claims/small.yaml", "  - id: dams\n", "  - id: dams\n   broken: [\n")
        result = _run(history, "-f", "json", monkeypatch=monkeypatch)
        self._fails(result, "claims/small.yaml:", "the head side does not load")
        (document,) = json.loads(result.stdout)["documents"]
        assert [f["code"] for f in document["problems"]["head"]] == ["E102"]
        assert document["claims"] == []
        assert [f["code"] for f in document["flags"]["introduced"]] == ["E102"]
        assert "F107" in [f["code"] for f in document["flags"]["fixed"]]
        validator = Draft202012Validator(load_schema("diff-output.schema.json"))
        assert list(validator.iter_errors(json.loads(result.stdout))) == []

    def test_the_configured_limit_applies_to_both_sides(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A version over the configured max-file-size is E104, on the commit's side and the
        work tree's, as check names it; exit 2."""
        history.write("claimtrack.toml", "max-file-size = 600\n")
        history.edit("claims/small.yaml", "version: 1\n", "version: 1\n# an edit\n")
        for sides in (("HEAD~1", "HEAD"), ()):  # two commits; then HEAD and the work tree
            result = _run(history, *sides, "-f", "json", monkeypatch=monkeypatch)
            assert result.exit_code == 2, result.output
            (document,) = json.loads(result.stdout)["documents"]
            assert [f["code"] for f in document["problems"]["head"]] == ["E104"]
            assert [f["code"] for f in document["problems"]["base"]] == ["E104"]

    def test_links_to_nowhere_in_the_work_tree(
        self, history: GitRepo, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An untracked loop of links and a dangling link named like claim files are each a
        head side that does not load (E100, named), never an internal error or a document
        without a name; the exit is 2."""
        os.symlink("loop-b.yaml", history.root / "claims" / "loop-a.yaml")
        os.symlink("loop-a.yaml", history.root / "claims" / "loop-b.yaml")
        os.symlink("nowhere.yaml", history.root / "claims" / "dangling.yaml")
        result = _run(history, "-f", "json", monkeypatch=monkeypatch)
        self._fails(result, "claims/loop-a.yaml:1:1:", "claims/dangling.yaml:1:1:")
        assert "internal error" not in result.output
        documents = json.loads(result.stdout)["documents"]
        assert [d["path"] for d in documents] == [
            "claims/dangling.yaml",
            "claims/loop-a.yaml",
            "claims/loop-b.yaml",
        ]
        assert all([f["code"] for f in d["problems"]["head"]] == ["E100"] for d in documents)

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
    def test_a_fifo_in_two_file_mode(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Comparing a claim file with a FIFO says the FIFO's side does not load (exit 2),
        instead of diffing the work tree."""
        (tmp_path / "a.yaml").write_text(SMALL, encoding="utf-8")
        os.mkfifo(tmp_path / "pipe.yaml")
        self._fails(
            _run(tmp_path, "a.yaml", "pipe.yaml", monkeypatch=monkeypatch),
            "pipe.yaml:1:1: the head side does not load",
            "FIFO",
        )

    def test_a_path_outside_the_repository(
        self, history: GitRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A path that leaves the repository is refused, naming the repository."""
        (tmp_path / "outside.yaml").write_text(SMALL, encoding="utf-8")
        self._fails(
            _run(history, "HEAD", str(tmp_path / "outside.yaml"), monkeypatch=monkeypatch),
            "outside the repository",
        )

    def test_links_must_be_http(self, history: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
        """--links with anything but an http(s) address is refused."""
        result = _run(history, "--links", "javascript:alert(1)", monkeypatch=monkeypatch)
        self._fails(result, "is not an http(s) address")

    def test_outside_any_repository(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Revisions outside a repository say there is none and offer the two-file form."""
        self._fails(_run(tmp_path, "HEAD", monkeypatch=monkeypatch), "not inside a git repository")

    def test_the_installed_command_exits_2_without_a_traceback(self, history: GitRepo) -> None:
        """The real program, run as a process, exits 2 with one line for an unknown revision."""
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", "diff", "v9.9"],
            cwd=history.root,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 2
        assert done.stdout == ""
        assert done.stderr.count("\n") == 1
        assert "'v9.9' does not exist" in done.stderr

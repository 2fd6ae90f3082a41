"""``claimtrack extract``: drafts that pass ``claimtrack check``, and safe file handling."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import claimtrack
from claimtrack.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
ARTICLE = ROOT / "tests" / "fixtures" / "articles" / "reservoir-drought.txt"
SHARED_ARTICLE = ROOT.parent / "shared" / "source-article.txt"


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def _published(draft: claimtrack.ClaimFile) -> str | None:
    return draft.document.published.date if draft.document.published else None


def _error_codes(path: Path) -> list[str]:
    result = claimtrack.check([str(path)])
    return [f.code for file in result.files for f in file.findings if f.code.startswith("E")]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    shutil.copy(ARTICLE, tmp_path / "drought.txt")
    return tmp_path


class TestExtractCommand:
    def test_draft_passes_check(self, project: Path) -> None:
        """The draft and its snapshot check with no errors."""
        out = project / "claims" / "drought.yaml"
        result = _run("extract", str(project / "drought.txt"), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert (project / "claims" / "drought.txt").read_text("utf-8") == ARTICLE.read_text("utf-8")
        assert _error_codes(out) == []
        check = _run("check", "--format", "json", str(out))
        assert '"code": "E' not in check.output

    def test_draft_records_how_it_was_made(self, project: Path) -> None:
        """The document names the tool, its version, the snapshot hash and the id given."""
        out = project / "draft.yaml"
        result = _run(
            "extract",
            str(project / "drought.txt"),
            "--id",
            "valley-drought",
            "-o",
            str(out),
            "--published",
            "2023-09-30",
            "--title",
            "Valley drought",
        )
        assert result.exit_code == 0, result.output
        text = out.read_text("utf-8")
        assert text.startswith("# Draft by claimtrack extract")
        draft = claimtrack.load(out)
        document = draft.document
        assert (document.id, document.title) == ("valley-drought", "Valley drought")
        assert document.published is not None
        assert document.published.date == "2023-09-30"
        assert document.snapshot is not None
        assert document.snapshot.path == "draft.txt"
        assert document.provenance is not None
        assert (document.provenance.tool, document.provenance.tool_version) == (
            "claimtrack extract",
            claimtrack.__version__,
        )
        assert all(not claim.citations for claim in draft.claims)

    def test_snapshot_elsewhere(self, project: Path) -> None:
        """--snapshot puts the text where asked; the draft refers to it relative to itself."""
        out = project / "claims" / "new" / "drought.yaml"
        snapshot = project / "snapshots" / "drought.txt"
        result = _run(
            "extract", str(project / "drought.txt"), "-o", str(out), "--snapshot", str(snapshot)
        )
        assert result.exit_code == 0, result.output
        recorded = claimtrack.load(out).document.snapshot
        assert recorded is not None
        assert recorded.path == "../../snapshots/drought.txt"
        assert _error_codes(out) == []

    def test_json_output(self, project: Path) -> None:
        """A .json output file gets JSON that checks clean."""
        out = project / "draft.json"
        assert _run("extract", str(project / "drought.txt"), "-o", str(out)).exit_code == 0
        assert out.read_text("utf-8").startswith("{")
        assert _error_codes(out) == []

    def test_refuses_to_overwrite(self, project: Path) -> None:
        """An existing draft is kept unless --force is given."""
        out = project / "draft.yaml"
        out.write_text("hand edits\n", encoding="utf-8")
        result = _run("extract", str(project / "drought.txt"), "-o", str(out))
        assert result.exit_code == 2
        assert "--force" in result.output
        assert out.read_text("utf-8") == "hand edits\n"
        assert (
            _run("extract", str(project / "drought.txt"), "-o", str(out), "--force").exit_code == 0
        )

    def test_stdout_uses_the_article_as_snapshot(self, project: Path) -> None:
        """Without -o the draft goes to stdout and refers to the article itself."""
        result = subprocess.run(
            [sys.executable, "-m", "claimtrack", "extract", "drought.txt"],
            cwd=project,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        (project / "draft.yaml").write_text(result.stdout, encoding="utf-8")
        assert claimtrack.load(project / "draft.yaml").document.snapshot.path == "drought.txt"  # type: ignore[union-attr]
        assert _error_codes(project / "draft.yaml") == []
        assert "claims" in result.stderr

    def test_html_input(self, project: Path) -> None:
        """HTML has its text extracted; the text is the snapshot and the draft checks clean."""
        page = project / "page.html"
        page.write_text(
            "<html><head><title>T</title></head><body><h1>Flood</h1><p>Officials said more than"
            " 300 homes flooded on May 3, 2021.</p><p>The river rose by 2 metres.</p>"
            "</body></html>",
            encoding="utf-8",
        )
        out = project / "page.yaml"
        result = _run("extract", str(page), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert (project / "page.txt").read_text("utf-8").startswith("Flood\n")
        draft = claimtrack.load(out)
        assert draft.document.title == "Flood"
        assert [claim.quantities[0].lower_bound for claim in draft.claims[:1]] == [300]
        assert _error_codes(out) == []

    def test_the_page_s_own_date_is_recorded(self, project: Path) -> None:
        """A page that states its publication date dates the draft; --published overrides it."""
        page = project / "dated.html"
        page.write_text(
            '<html><head><meta property="article:published_time" content="2024-09-12T08:00Z">'
            "</head><body><p>The dam failed on Monday, officials said.</p></body></html>",
            encoding="utf-8",
        )
        out, given = project / "dated.yaml", project / "given.yaml"
        assert _run("extract", str(page), "-o", str(out)).exit_code == 0
        draft = claimtrack.load(out)
        assert _published(draft) == "2024-09-12"
        assert [when.date for when in draft.claims[0].dates] == ["2024-09-09"]
        given_date = ("--published", "2024-09-20")
        assert _run("extract", str(page), "-o", str(given), *given_date).exit_code == 0
        assert _published(claimtrack.load(given)) == "2024-09-20"

    def test_markdown_input(self, project: Path) -> None:
        """Markdown is its own snapshot; anchors quote it with its markup, and check passes."""
        source = project / "post.md"
        source.write_text(
            "# Budget night\n\nThe council **approved** a budget of [$40 million](https://x.example)"
            " on March 2, 2022.\n\n- Officials said 12 schools would close.\n",
            encoding="utf-8",
        )
        out = project / "post.yaml"
        assert _run("extract", str(source), "-o", str(out)).exit_code == 0
        draft = claimtrack.load(out)
        assert draft.document.title == "Budget night"
        first = draft.claims[0]
        assert "**approved**" in first.anchor.exact
        assert first.text.startswith("The council approved a budget of $40 million")
        assert _error_codes(out) == []

    def test_unreadable_article(self, tmp_path: Path) -> None:
        """A file that is not UTF-8 is a one-line error and exit code 2."""
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"caf\xe9 au lait")
        result = _run("extract", str(bad), "-o", str(tmp_path / "bad.yaml"))
        assert result.exit_code == 2
        assert "not UTF-8" in result.output
        assert "Traceback" not in result.output

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
    def test_endless_device_is_refused(self, tmp_path: Path) -> None:
        """``extract /dev/zero`` stops at once with exit code 2 instead of reading forever."""
        result = _run("extract", "/dev/zero", "-o", str(tmp_path / "zero.yaml"))
        assert result.exit_code == 2
        assert "not a regular file" in result.output
        assert not (tmp_path / "zero.yaml").exists()

    def test_bad_id(self, project: Path) -> None:
        """An id that is not a slug is refused before anything is written."""
        result = _run("extract", str(project / "drought.txt"), "--id", "Not A Slug", "-o", "x.yaml")
        assert result.exit_code == 2
        assert "slug" in result.output


class TestScoreScript:
    def test_scores_a_draft_against_the_hand_made_record(self, project: Path) -> None:
        """The scoring script compares a fresh draft with the fixture's hand-made record and
        reaches the recall the extractor aims for."""
        reference = project / "reference.yaml"
        shutil.copy(ARTICLE.with_name("reservoir-drought.claims.yaml"), reference)
        shutil.copy(ARTICLE, project / "reservoir-drought.txt")
        draft = project / "draft.yaml"
        assert _run("extract", str(project / "drought.txt"), "-o", str(draft)).exit_code == 0
        scored = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "score_extract.py"), str(draft), str(reference)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert scored.returncode == 0, scored.stderr
        lines = dict(line.split(": ", 1) for line in scored.stdout.splitlines() if ": " in line)
        recall = float(lines["recall (check-worthy reference claims found)"].split()[0])
        assert recall >= 0.9
        for field in ("kind", "attribution", "quantity", "date"):
            assert f"  {field}" in scored.stdout
        with_text = subprocess.run(
            [
                sys.executable,
                str(ROOT / "bench" / "score_extract.py"),
                str(draft),
                str(reference),
                "--text",
                str(ARTICLE),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert with_text.stdout == scored.stdout

    def test_refuses_different_documents(self, project: Path) -> None:
        """Files anchored in different texts are a one-line error, exit code 2."""
        other = project / "other.txt"
        other.write_text("Officials said 12 schools closed in 2020.\n", encoding="utf-8")
        first, second = project / "a.yaml", project / "b.yaml"
        assert _run("extract", str(project / "drought.txt"), "-o", str(first)).exit_code == 0
        assert _run("extract", str(other), "-o", str(second)).exit_code == 0
        scored = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "score_extract.py"), str(first), str(second)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert scored.returncode == 2
        assert "different texts" in scored.stderr


class TestOnTheModelledArticle:
    @pytest.mark.skipif(
        not SHARED_ARTICLE.exists(), reason="the shared article is not beside the clone"
    )
    def test_extract_then_check(self, tmp_path: Path) -> None:
        """The modelled article drafts to a file with no errors, and scores perfectly on itself."""
        (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
        out = tmp_path / "claims" / "article.yaml"
        result = _run("extract", str(SHARED_ARTICLE), "-o", str(out))
        assert result.exit_code == 0, result.output
        assert _error_codes(out) == []
        scored = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "score_extract.py"), str(out), str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert scored.returncode == 0, scored.stderr
        assert "recall (check-worthy reference claims found): 1.00" in scored.stdout

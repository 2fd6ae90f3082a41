"""The ``report`` and ``export`` commands, and the progress line they show on a terminal."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli.main import cli
from claimtrack.cli.progress import Progress


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(cli, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


class TestReportCommand:
    @pytest.mark.parametrize(
        ("fmt", "start"),
        [
            ("md", "# Citation report"),
            ("html", "<!DOCTYPE html>"),
            ("json", "{"),
            ("csv", "document,"),
        ],
    )
    def test_formats(self, fixtures_dir: Path, fmt: str, start: str) -> None:
        """Each format is written to stdout and the command exits 0."""
        code, out, err = _run("report", str(fixtures_dir / "article"), "--format", fmt)
        assert code == 0, err
        assert out.startswith(start)

    def test_writes_a_file(self, fixtures_dir: Path, tmp_path: Path) -> None:
        """-o writes the report to a file and nothing to stdout."""
        target = tmp_path / "report.html"
        code, out, err = _run(
            "report", str(fixtures_dir / "article" / "claims.yaml"), "-f", "html", "-o", str(target)
        )
        assert code == 0, err
        assert out == ""
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    @pytest.mark.parametrize("fmt", ["md", "html"])
    def test_docs_url_links_flags_to_rule_pages(
        self, fixtures_dir: Path, fmt: str, tmp_path: Path
    ) -> None:
        """With docs-url configured, the report links flags to their rule pages there;
        without it, no rule link is made."""
        empty = tmp_path / "empty.toml"
        empty.write_text("", encoding="utf-8")
        article = str(fixtures_dir / "article")
        code, out, err = _run("report", article, "-f", fmt, "--config", str(empty))
        assert code == 0, err
        assert "generated/rules/" not in out
        config = tmp_path / "claimtrack.toml"
        config.write_text('docs-url = "https://docs.example.org/ct"\n', encoding="utf-8")
        code, out, err = _run("report", article, "-f", fmt, "--config", str(config))
        assert code == 0, err
        assert "https://docs.example.org/ct/generated/rules/F101.html" in out

    def test_findings_do_not_fail_the_report(self, fixtures_dir: Path) -> None:
        """A file with error findings still gives a report, with exit 0."""
        code, out, err = _run("report", str(fixtures_dir / "small" / "claims.yaml"))
        assert code == 0, err
        assert "E220" in out

    def test_missing_path_exits_2(self, fixtures_dir: Path) -> None:
        """A path that matches nothing is reported on stderr, and the exit code is 2."""
        code, _, err = _run("report", str(fixtures_dir / "nowhere.yaml"))
        assert code == 2
        assert "no such file" in err

    def test_reads_stdin(self, fixtures_dir: Path) -> None:
        """'-' reads a claim file from standard input; its name's folder anchors the snapshot."""
        claims = (fixtures_dir / "small" / "claims.yaml").read_text(encoding="utf-8")
        code, out, err = _run(
            "report",
            "-",
            "-f",
            "json",
            "--stdin-filename",
            str(fixtures_dir / "small" / "piped.yaml"),
            stdin=claims,
        )
        assert code == 0, err
        data = json.loads(out)
        assert data["documents"][0]["document"]["id"] == "bridge-note"
        assert data["documents"][0]["text_available"] is True

    def test_no_progress_when_not_a_terminal(self, fixtures_dir: Path) -> None:
        """When stderr is not a terminal the command writes nothing extra to it."""
        code, _, err = _run("report", str(fixtures_dir), "-f", "csv")
        assert code == 0
        assert err == ""


class TestSchemaCommand:
    def test_prints_the_report_schema(self) -> None:
        """`schema --which report` prints the packaged report schema."""
        from claimtrack.schema import schema_text

        code, out, err = _run("schema", "--which", "report")
        assert code == 0, err
        assert out == schema_text("report.schema.json")


class TestExportCommand:
    @pytest.mark.parametrize(
        ("target", "key"),
        [
            ("claimreview", "@graph"),
            ("csl-json", None),
            ("web-annotation", "first"),
            ("prov-json", "prefix"),
        ],
    )
    def test_targets(self, fixtures_dir: Path, target: str, key: str | None) -> None:
        """Each export target gives JSON on stdout, with exit 0."""
        code, out, err = _run("export", str(fixtures_dir / "article"), "--to", target)
        assert code == 0, err
        data = json.loads(out)
        assert isinstance(data, list) if key is None else key in data

    def test_review_options(self, fixtures_dir: Path) -> None:
        """--review-url and --reviewer fill the reviews' url and author."""
        code, out, err = _run(
            "export",
            str(fixtures_dir / "article"),
            "--to",
            "claimreview",
            "--review-url",
            "https://checks.example.org/a",
            "--reviewer",
            "Desk",
        )
        assert code == 0, err
        review = next(i for i in json.loads(out)["@graph"] if i["@type"] == "ClaimReview")
        assert review["url"].startswith("https://checks.example.org/a#")
        assert review["author"]["name"] == "Desk"

    def test_rejects_unsafe_review_url(self, fixtures_dir: Path) -> None:
        """A review URL that is not http(s) is a usage error."""
        code, _, err = _run(
            "export",
            str(fixtures_dir / "article"),
            "--to",
            "claimreview",
            "--review-url",
            "javascript:alert(1)",
        )
        assert code == 2
        assert "--review-url" in err

    def test_target_is_required(self, fixtures_dir: Path) -> None:
        """Without --to the command is a usage error."""
        code, _, _ = _run("export", str(fixtures_dir / "article"))
        assert code == 2

    def test_sqlite_into_the_claim_folder_twice(
        self, fixtures_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A database written into the claim folder: its Datasette metadata is not read
        back as a claim file when the export runs again, and the user is told that
        ``check`` would read it, unless the configuration excludes it."""
        claims = tmp_path / "claims"
        claims.mkdir()
        for name in (fixtures_dir / "article").iterdir():
            (claims / name.name).write_bytes(name.read_bytes())
        monkeypatch.chdir(tmp_path)
        command = ("export", "claims", "--to", "sqlite", "-o", "claims/claims.db")
        first = _run(*command)
        assert first[0] == 0, first[2]
        again = _run(*command)
        assert again[0] == 0, again[2]
        assert "claims.metadata.yml is where claims finds claim files" in again[2]
        (tmp_path / "claimtrack.toml").write_text('exclude = ["claims/*.metadata.yml"]\n')
        excluded = _run(*command)
        assert excluded[0] == 0, excluded[2]
        assert "note:" not in excluded[2]

    def test_sqlite_metadata_place_taken_by_a_folder(
        self, fixtures_dir: Path, tmp_path: Path
    ) -> None:
        """A folder where the Datasette metadata goes is named before anything is written,
        and no database is left behind without its metadata."""
        database = tmp_path / "out.db"
        (tmp_path / "out.metadata.yml").mkdir()
        code, _, err = _run(
            "export", str(fixtures_dir / "article"), "--to", "sqlite", "-o", str(database)
        )
        assert code == 2
        assert f"{(tmp_path / 'out.metadata.yml').as_posix()}, where the Datasette" in err
        assert "is not a regular file; move it aside" in err
        assert ".tmp" not in err
        assert not database.exists()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class TestProgress:
    def test_silent_before_the_delay(self) -> None:
        """Nothing is written while the run is still short."""
        stream = _Terminal()
        progress = Progress(3, stream, clock=lambda: 0.0)
        progress.advance()
        progress.close()
        assert stream.getvalue() == ""

    def test_counts_after_the_delay_and_clears(self) -> None:
        """After the delay, a terminal sees the count on one line, cleared at the end."""
        ticks = iter([0.0, 1.0, 2.0])
        stream = _Terminal()
        progress = Progress(2, stream, clock=lambda: next(ticks))
        progress.advance()
        progress.advance()
        progress.close()
        assert stream.getvalue() == (
            "\rclaimtrack: checked 1/2 files\rclaimtrack: checked 2/2 files\r\x1b[K"
        )

    def test_silent_when_not_a_terminal(self) -> None:
        """A pipe or file never gets a progress line, however long the run."""
        ticks = iter([0.0, 5.0])
        stream = io.StringIO()
        progress = Progress(2, stream, clock=lambda: next(ticks))
        progress.advance()
        progress.close()
        assert stream.getvalue() == ""


class TestStartUp:
    def test_renderers_load_only_when_used(self) -> None:
        """Importing the command line loads no report renderer or exporter."""
        code = (
            "import sys, claimtrack.cli.main; "
            "print(sorted(m for m in sys.modules if m.startswith(('claimtrack.render.report', "
            "'claimtrack.export'))))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert out.strip() == "[]"

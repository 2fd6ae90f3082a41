"""The shared source library on the command line: check, the cache, report, export and
sources fetch, and exit 2 for every library that cannot be used."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pytest_httpserver import HTTPServer

from claimtrack.cli.main import cli
from tests.conftest import FIXTURES

LIBRARY = FIXTURES / "library"
RECORD = "  - {{id: {id}, type: webpage, title: T {id}, issued: 2024-01-02, url: {url}}}\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture project, as the working folder."""
    target = tmp_path / "project"
    shutil.copytree(LIBRARY, target)
    monkeypatch.chdir(target)
    return target


def _lines(result: Result) -> list[str]:
    return [line for line in result.output.splitlines() if not line.startswith("    help:")]


class TestCheck:
    def test_whole_corpus_flags_shared_records_at_the_library(self, project: Path) -> None:
        """check . judges shared records once, at their library file, unused ones included."""
        result = run("check", ".", "--no-cache")
        assert result.exit_code == 1, result.output
        assert _lines(result) == [
            "sources/background.yaml:3:9: F201 [warning] source 'background-page' lacks a date"
            " ('issued')",
            "sources/background.yaml:3:9: F202 [warning] shared source 'background-page' is not"
            " cited by any claim of the checked files",
            "Found 2 warnings in 1 of 4 files.",
        ]

    def test_one_claim_file_is_clean(self, project: Path) -> None:
        """A run over one claim file neither judges the library nor calls sources unused."""
        result = run("check", "claims/fall.yaml", "--no-cache")
        assert result.exit_code == 0, result.output
        assert result.output == "No problems found in 1 file.\n"

    def test_naming_a_library_file_judges_its_records(self, project: Path) -> None:
        """A run naming a library file (as a pre-commit hook does) gets its F201, not F202."""
        result = run("check", "sources/background.yaml", "--no-cache")
        assert result.exit_code == 1, result.output
        codes = [line.split()[1] for line in _lines(result)[:-1]]
        assert codes == ["F201"]

    def test_config_option_names_the_library(self, project: Path, tmp_path: Path) -> None:
        """--config picks the configuration, and with it the library, as for other keys."""
        other = tmp_path / "plain.toml"
        other.write_text('fail-level = "error"\n', encoding="utf-8")
        without = run("check", "claims", "--no-cache", "--config", str(other))
        assert without.exit_code == 1
        assert "E203" in without.output
        with_library = run(
            "check", "claims", "--no-cache", "--config", str(project / "pyproject.toml")
        )
        assert with_library.exit_code == 1, with_library.output
        assert "E203" not in with_library.output
        assert "sources/background.yaml:3:9: F201" in with_library.output

    def test_workers_see_the_library(self, project: Path) -> None:
        """Files checked in worker processes resolve shared ids and count as citing them."""
        text = (project / "claims" / "count.json").read_text(encoding="utf-8")
        for number in range(20):
            (project / "claims" / f"copy-{number}.json").write_text(text, encoding="utf-8")
        result = run("check", ".", "--no-cache", "--jobs", "2", "-q")
        assert result.exit_code == 1, result.output
        assert [line.split()[1] for line in result.output.splitlines()] == ["F201", "F202"]


def _usage_error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    return result.output


class TestBadLibraryExitsTwo:
    def test_pattern_matching_nothing(self, project: Path) -> None:
        """A pattern matching no file is named at its place in the configuration."""
        (project / "pyproject.toml").write_text(
            '[tool.claimtrack]\nsources = ["sources/*.yaml", "shared/*.json"]\n', "utf-8"
        )
        output = _usage_error(run("check", "claims", "--no-cache"))
        assert output.startswith(
            "pyproject.toml:2:30: E100 [error] the source library pattern 'shared/*.json'"
            " matches no file"
        )
        assert "fix it first (nothing else was done)" in output

    def test_unparsable_library_file(self, project: Path) -> None:
        """A library file that does not parse stops the run with its position."""
        (project / "sources" / "broken.yaml").write_text("version: 1\nsources: [\n", "utf-8")
        output = _usage_error(run("check", "claims", "--no-cache"))
        assert output.startswith("sources/broken.yaml:3:1: E102 [error] invalid YAML")

    def test_unreadable_library_file(self, project: Path) -> None:
        """A library file that cannot be read stops the run naming it."""
        (project / "sources" / "dir.yaml").mkdir()
        (project / "pyproject.toml").write_text(
            '[tool.claimtrack]\nsources = ["sources/wires.yaml", "sources/fifo.yaml"]\n', "utf-8"
        )
        os.mkfifo(project / "sources" / "fifo.yaml")
        output = _usage_error(run("check", "claims", "--no-cache"))
        assert output.startswith("sources/fifo.yaml:1:1: E100 [error]")

    def test_schema_invalid_library_file(self, project: Path) -> None:
        """Schema errors of a library file are findings at its file:line:col."""
        (project / "sources" / "bad.yaml").write_text(
            "version: 1\nsources:\n  - id: x\n    type: webpage\n    titel: T\n", "utf-8"
        )
        output = _usage_error(run("check", "claims", "--no-cache"))
        assert "sources/bad.yaml:5:5: E111 [error] source 'x' has an unknown field 'titel'" in (
            output
        )

    def test_same_id_in_two_library_files(self, project: Path) -> None:
        """The same id in two library files names both places."""
        (project / "sources" / "more.yaml").write_text(
            "version: 1\nsources:\n" + RECORD.format(id="wire-report", url="https://example.org/w"),
            "utf-8",
        )
        output = _usage_error(run("check", "claims", "--no-cache"))
        assert output.startswith(
            "sources/wires.yaml:4:9: E201 [error] source id 'wire-report' is already defined in"
            " the shared source library at sources/more.yaml:3:10"
        )

    def test_local_record_reusing_a_shared_id(self, project: Path) -> None:
        """A claim file's own record with a shared id is E201 and exits 2."""
        path = project / "claims" / "fall.yaml"
        path.write_text(
            path.read_text(encoding="utf-8").replace("local-transcript", "monitor-count"),
            encoding="utf-8",
        )
        output = _usage_error(run("check", "claims/fall.yaml", "--no-cache"))
        assert output.startswith(
            "claims/fall.yaml:4:9: E201 [error] source 'monitor-count' is defined here and in the"
            " shared source library at sources/wires.yaml:10:9"
        )

    @pytest.mark.parametrize("command", [["report"], ["export", "--to", "csl-json"]])
    def test_report_and_export_refuse_a_bad_library(
        self, project: Path, command: list[str]
    ) -> None:
        """report and export stop too when the library cannot be used."""
        (project / "sources" / "broken.yaml").write_text("sources: [\n", "utf-8")
        output = _usage_error(run(*command, "claims"))
        assert "sources/broken.yaml" in output


class TestCache:
    def test_changing_a_shared_source_is_seen_on_the_next_run(self, project: Path) -> None:
        """A cached run re-checks when a library record changes, and gives the new finding."""
        cache = ["--cache-dir", str(project.parent / "cache"), "--fail-level", "error"]
        first = run("check", "claims", *cache)
        assert first.exit_code == 0, first.output
        wires = project / "sources" / "wires.yaml"
        text = wires.read_text(encoding="utf-8")
        wires.write_text(text.replace("  - id: monitor-count", "  - id: monitor-tally"), "utf-8")
        second = run("check", "claims", *cache)
        assert second.exit_code == 1, second.output
        assert "claims/count.json:11:32: E203 [error] claim 'casualties' cites the source" in (
            second.output
        )
        assert "sources/wires.yaml:10:9: F202 [warning] shared source 'monitor-tally'" in (
            second.output
        )

    def test_unused_shared_sources_from_cached_results(self, project: Path) -> None:
        """A fully cached run still knows which shared sources the files cite."""
        cache = ["--cache-dir", str(project.parent / "cache")]
        first = run("check", ".", *cache, "-q")
        second = run("check", ".", *cache, "-q")
        assert first.exit_code == second.exit_code == 1
        assert second.output == first.output
        assert [line.split()[1] for line in second.output.splitlines()] == ["F201", "F202"]


class TestReportAndExport:
    def test_report_lists_the_shared_sources_a_file_cites(self, project: Path) -> None:
        """A file's report shows the shared records it cites in its bibliography."""
        result = run("report", "claims/count.json", "--format", "json")
        assert result.exit_code == 0, result.output
        (document,) = json.loads(result.output)["documents"]
        titles = [entry["title"] for entry in document["bibliography"]]
        assert titles == ["Casualty count", "Government falls as the president flees"]

    def test_csl_gives_each_shared_source_once(self, project: Path) -> None:
        """CSL-JSON of many files gives one item per shared source, under its own id."""
        result = run("export", "--to", "csl-json", "claims")
        assert result.exit_code == 0, result.output
        ids = [item["id"] for item in json.loads(result.output)]
        assert sorted(ids) == ["local-transcript", "monitor-count", "wire-report"]


class TestFetch:
    @pytest.mark.usefixtures("no_proxies")
    def test_fetch_records_the_snapshot_in_the_library_file(
        self, project: Path, httpserver: HTTPServer
    ) -> None:
        """sources fetch rewrites a library file losslessly, the path relative to it."""
        page = (FIXTURES / "fetch" / "wire.html").read_bytes()
        httpserver.expect_request("/fall").respond_with_data(page, content_type="text/html")
        wires = project / "sources" / "wires.yaml"
        text = wires.read_text(encoding="utf-8").replace(
            "https://wire.example.org/fall", httpserver.url_for("/fall")
        )
        wires.write_text(text, encoding="utf-8")
        wires.chmod(0o640)
        result = run("sources", "fetch", "sources/wires.yaml", "--source", "wire-report")
        assert result.exit_code == 0, result.output
        after = wires.read_text(encoding="utf-8")
        assert after.startswith("# Shared records, cited by id from the claim files")
        assert stat.S_IMODE(wires.stat().st_mode) == 0o640
        assert "    snapshot: {path: snapshots/sources/wire-report.txt, sha256: " in after
        assert (project / "sources" / "snapshots" / "sources" / "wire-report.txt").is_file()
        check = run("check", "claims", "--no-cache", "--fail-level", "error")
        assert check.exit_code == 0, check.output

    @pytest.mark.usefixtures("no_proxies")
    def test_link_check_reads_a_library_file(self, project: Path, httpserver: HTTPServer) -> None:
        """sources check --online checks a library file's links, at their lines there."""
        httpserver.expect_request("/gone").respond_with_data("no", status=410)
        page = "<html><head><title>Casualty count</title></head><body>" + "Text. " * 200
        httpserver.expect_request("/count").respond_with_data(page, content_type="text/html")
        wires = project / "sources" / "wires.yaml"
        text = wires.read_text(encoding="utf-8")
        text = text.replace("https://wire.example.org/fall", httpserver.url_for("/gone"))
        text = text.replace("https://monitor.example.org/count", httpserver.url_for("/count"))
        wires.write_text(text, encoding="utf-8")
        state = project.parent / "state.json"
        result = run(
            "sources",
            "check",
            "--online",
            "--strict",
            "--state",
            str(state),
            "-f",
            "json",
            "--timeout",
            "2",
            "sources/wires.yaml",
        )
        assert result.exit_code == 1, result.output
        found = {(f["code"], f["line"]) for f in json.loads(result.output)["findings"]}
        assert ("F210", 9) in found


class TestCommandsThatReadClaimsOnly:
    def test_match_leaves_the_library_files_out(self, project: Path) -> None:
        """match over the project reads the claim files, not the library's (no E110 for them)."""
        result = run("match", ".")
        assert result.exit_code == 0, result.output
        assert "sources/" not in result.output
        assert result.output.endswith("0 matches in 2 files, 0 already recorded.\n")

    def test_anchor_leaves_the_library_files_out(self, project: Path) -> None:
        """anchor over the project speaks of the claim files only, never of a library file."""
        result = run("anchor", ".", "--dry-run")
        assert "claims/fall.yaml" in result.output
        assert "sources/" not in result.output
        assert "E110" not in result.output

    @pytest.mark.parametrize("command", ["anchor", "match"])
    def test_naming_only_library_files_is_a_usage_error(self, project: Path, command: str) -> None:
        """anchor or match given only library files says so and exits 2, not 0 on nothing."""
        result = run(command, "sources")
        assert result.exit_code == 2
        assert "the files named are the shared source library's" in result.output

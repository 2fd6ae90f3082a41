"""The result cache never serves a stale result, and parallel checking changes nothing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack import _check
from claimtrack.cli.main import cli
from claimtrack.io.cache import ResultCache
from tests.conftest import FIXTURES

SNAPSHOT = FIXTURES / "claims" / "snapshot.txt"
CLAIM_FILE = FIXTURES / "claims" / "valid" / "full.yaml"
MARK = "planted by the test"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with one valid claim file and its snapshot."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    claims = tmp_path / "claims"
    claims.mkdir()
    shutil.copy(SNAPSHOT, tmp_path / "snapshot.txt")
    shutil.copy(CLAIM_FILE, claims / "full.yaml")
    return tmp_path


def _settings(project: Path, **kwargs: object) -> claimtrack.CheckSettings:
    settings = claimtrack.CheckSettings(**kwargs)  # type: ignore[arg-type]
    cache = ResultCache(project / ".cache", settings.fingerprint())
    return claimtrack.CheckSettings(cache=cache, **kwargs)  # type: ignore[arg-type]


def _plant(project: Path) -> None:
    """Replace every cached finding list by one recognisable finding, so that a run which
    shows it was served from the cache."""
    index_path = project / ".cache" / "check-v2.json"
    index = json.loads(index_path.read_text(encoding="utf-8"))
    for entry in index["entries"].values():
        entry["findings"] = [
            ["F101", "citation-needed", "warning", MARK, None, "x", 1, 1, None, None, "", None]
        ]
    index_path.write_text(json.dumps(index), encoding="utf-8")


def _messages(project: Path, settings: claimtrack.CheckSettings) -> list[str]:
    result = claimtrack.check([project / "claims" / "full.yaml"], settings)
    return [finding.message for finding in result.findings]


class TestCacheHits:
    """What is reused."""

    def test_unchanged_file_is_served_from_the_cache(self, project: Path) -> None:
        """A second run over an unchanged file reuses the stored result."""
        assert _messages(project, _settings(project)) == []
        _plant(project)
        assert _messages(project, _settings(project)) == [MARK]

    def test_damaged_index_is_ignored(self, project: Path) -> None:
        """A cache index that is not JSON is treated as empty, not as an error."""
        _messages(project, _settings(project))
        (project / ".cache" / "check-v2.json").write_text("{not json", encoding="utf-8")
        assert _messages(project, _settings(project)) == []


class TestInvalidation:
    """Every input a result depends on invalidates it."""

    def test_changed_file(self, project: Path) -> None:
        """Editing the claim file gives fresh findings."""
        _messages(project, _settings(project))
        _plant(project)
        target = project / "claims" / "full.yaml"
        target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        assert _messages(project, _settings(project)) == []

    def test_changed_snapshot(self, project: Path) -> None:
        """Editing the document snapshot gives fresh findings (its hash no longer matches)."""
        _messages(project, _settings(project))
        _plant(project)
        with (project / "snapshot.txt").open("a", encoding="utf-8") as handle:
            handle.write("An added sentence.\n")
        messages = _messages(project, _settings(project))
        assert MARK not in messages
        assert any("SHA-256" in message for message in messages)

    def test_changed_schema(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A different schema changes the fingerprint and drops the cached results."""
        _messages(project, _settings(project))
        _plant(project)
        original = _check.schema_text
        monkeypatch.setattr(_check, "schema_text", lambda: original() + " ")
        assert _messages(project, _settings(project)) == []

    def test_changed_version(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Another claimtrack version drops the cached results."""
        _messages(project, _settings(project))
        _plant(project)
        monkeypatch.setattr(_check, "__version__", "0.0.0-other")
        assert _messages(project, _settings(project)) == []

    def test_changed_configuration(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Changing [tool.claimtrack] invalidates the cache used by the command line."""
        monkeypatch.chdir(project)
        runner = CliRunner()
        first = runner.invoke(cli, ["check", "claims"], catch_exceptions=False)
        assert first.exit_code == 0, first.output
        _plant_cli(project)
        planted = runner.invoke(cli, ["check", "claims"], catch_exceptions=False)
        assert MARK in planted.output
        with (project / "pyproject.toml").open("a", encoding="utf-8") as handle:
            handle.write("\n[tool.claimtrack]\nignore = ['F111']\n")
        fresh = runner.invoke(cli, ["check", "claims"], catch_exceptions=False)
        assert MARK not in fresh.output
        assert fresh.exit_code == 0, fresh.output

    def test_no_cache_writes_nothing(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """--no-cache neither reads nor writes a cache folder."""
        monkeypatch.chdir(project)
        result = CliRunner().invoke(cli, ["check", "--no-cache", "claims"])
        assert result.exit_code == 0, result.output
        assert not (project / ".claimtrack-cache").exists()


def _plant_cli(project: Path) -> None:
    shutil.copytree(project / ".claimtrack-cache", project / ".cache")
    _plant(project)
    shutil.rmtree(project / ".claimtrack-cache")
    shutil.copytree(project / ".cache", project / ".claimtrack-cache")


class TestParallel:
    """--jobs gives the same output as a serial run."""

    def test_parallel_output_is_identical(self, tmp_path: Path) -> None:
        """Checking many files in worker processes prints exactly what one process prints."""
        folder = tmp_path / "many"
        folder.mkdir()
        (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
        shutil.copy(SNAPSHOT, tmp_path / "snapshot.txt")
        sources = sorted((FIXTURES / "claims" / "invalid").glob("*.yaml"))
        for number, source in enumerate(sources * 2):
            shutil.copy(source, folder / f"{number:03d}-{source.name}")
        runner = CliRunner()
        args = ["check", "--no-cache", "-f", "json", str(folder)]
        serial = runner.invoke(cli, [*args, "--jobs", "1"])
        parallel = runner.invoke(cli, [*args, "--jobs", "2"])
        assert serial.exit_code == parallel.exit_code == 1
        assert parallel.stdout == serial.stdout
        assert json.loads(serial.stdout)["summary"]["files"] == len(sources) * 2

    def test_parallel_results_keep_records_as_a_serial_run_does(self, tmp_path: Path) -> None:
        """Through the library, results from worker processes keep each file's records (a
        report can be built from them) and name the same record ids, unless told not to."""
        shutil.copy(SNAPSHOT, tmp_path / "snapshot.txt")
        (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
        valid = sorted((FIXTURES / "claims" / "valid").glob("*.yaml"))
        paths: list[str | Path] = []
        for number, source in enumerate(valid * 2):
            paths.append(tmp_path / f"{number:03d}-{source.name}")
            shutil.copy(source, paths[-1])
        paths.append(tmp_path / "missing.yaml")
        settings = _check.CheckSettings(project_root=tmp_path)
        serial = _check.check(paths, settings).files
        parallel = _check.check(paths, attrs.evolve(settings, jobs=2)).files
        assert [r.claim_file for r in parallel] == [r.claim_file for r in serial]
        assert all(r.claim_file is not None for r in parallel[:-1])
        assert [r.record_data for r in parallel] == [r.record_data for r in serial]
        assert parallel[-1].record_data is None
        slim = _check.check(paths, attrs.evolve(settings, jobs=2, keep_records=False)).files
        assert all(r.claim_file is None for r in slim)
        assert [r.findings for r in slim] == [r.findings for r in serial]

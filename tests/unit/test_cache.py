"""The result cache never serves a stale result, and parallel checking changes nothing."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack import batch as _check
from claimtrack import settings as _settings_module
from claimtrack.cli.main import cli
from claimtrack.findings import Severity
from claimtrack.io import cache as cache_module
from claimtrack.io.cache import ResultCache
from claimtrack.io.cache_rows import is_sealed_index, seal_index, sealed
from tests.conftest import FIXTURES

SNAPSHOT = FIXTURES / "claims" / "snapshot.txt"
CLAIM_FILE = FIXTURES / "claims" / "valid" / "full.yaml"
MARK = "planted by the test"
INDEX = "check-v3.json"


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


def _plant(project: Path, *, whole: bool = False) -> None:
    """Replace every cached finding list by one recognisable finding, so that a run which
    shows it was served from the cache. The entries are sealed again, as the cache itself
    would seal them (an entry changed without its seal is a miss); with ``whole`` the index
    is sealed as a whole too, as the cache writes it."""
    index_path = project / ".cache" / INDEX
    index = json.loads(index_path.read_text(encoding="utf-8"))
    fingerprint = index["fingerprint"]
    results = (project / ".cache" / index["results"]).read_bytes()
    parts: list[bytes] = []
    offset = 0
    for entry in index["entries"].values():
        start, length = entry["at"]
        data = json.loads(results[start : start + length])
        data["findings"] = [
            ["F101", "citation-needed", "warning", MARK, None, "x", 1, 1, None, None, "", None]
        ]
        chunk = json.dumps(data).encode("utf-8")
        entry["at"] = [offset, len(chunk)]
        entry["severest"] = "warning"
        entry["digest"] = hashlib.sha256(chunk).hexdigest()
        parts.append(chunk)
        offset += len(chunk)
    index["entries"] = {key: sealed(e, fingerprint) for key, e in index["entries"].items()}
    (project / ".cache" / index["results"]).write_bytes(b"".join(parts))
    if whole:
        del index["index_seal"]
        index_path.write_bytes(seal_index(index, fingerprint))
    else:
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
        (project / ".cache" / INDEX).write_text("{not json", encoding="utf-8")
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
        original = _settings_module.schema_text
        monkeypatch.setattr(_settings_module, "schema_text", lambda: original() + " ")
        assert _messages(project, _settings(project)) == []

    def test_changed_version(self, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Another claimtrack version drops the cached results."""
        _messages(project, _settings(project))
        _plant(project)
        monkeypatch.setattr(_settings_module, "__version__", "0.0.0-other")
        assert _messages(project, _settings(project)) == []

    def test_changed_severity_override(self, project: Path) -> None:
        """Re-grading a rule's severity drops the results cached under the old grades."""
        from claimtrack.findings import Severity
        from claimtrack.lint.selection import RuleSelection

        _messages(project, _settings(project))
        _plant(project)
        regraded = RuleSelection(severities={"F101": Severity.ERROR})
        assert _messages(project, _settings(project, rules=regraded)) == []

    def test_other_name_for_the_same_file(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Findings served from the cache carry the name the file was given this time."""
        target = project / "claims" / "full.yaml"
        target.write_text(
            target.read_text(encoding="utf-8").replace("version: 1", "version: 1\nstray: x", 1),
            encoding="utf-8",
        )
        first = claimtrack.check([target], _settings(project)).findings
        assert first
        assert {f.location.path for f in first} == {target.as_posix()}
        monkeypatch.chdir(project)
        again = claimtrack.check(["claims/full.yaml"], _settings(project)).findings
        assert {f.location.path for f in again} == {"claims/full.yaml"}

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
        settings = _settings_module.CheckSettings(project_root=tmp_path)
        serial = _check.check(paths, settings).files
        parallel = _check.check(paths, attrs.evolve(settings, jobs=2)).files
        assert [r.claim_file for r in parallel] == [r.claim_file for r in serial]
        assert all(r.claim_file is not None for r in parallel[:-1])
        assert [r.record_data for r in parallel] == [r.record_data for r in serial]
        assert parallel[-1].record_data is None
        slim = _check.check(paths, attrs.evolve(settings, jobs=2, keep_records=False)).files
        assert all(r.claim_file is None for r in slim)
        assert [r.findings for r in slim] == [r.findings for r in serial]


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as written long enough ago for their stat signatures to be kept."""
    real = cache_module.time.time_ns
    monkeypatch.setattr(cache_module.time, "time_ns", lambda: real() + 60 * 10**9)


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    real = cache_module.read_signed

    def counting(path: str | os.PathLike[str], max_bytes: int) -> tuple[bytes, list[int] | None]:
        read.append(Path(path).name)
        return real(path, max_bytes)

    monkeypatch.setattr(cache_module, "read_signed", counting)
    return read


class TestStatSignatures:
    """A file known unchanged by its stat signature is not read again; any write is seen."""

    @pytest.mark.usefixtures("settled")
    def test_settled_unchanged_files_are_not_read(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Once stored with a signature, an unchanged file and its snapshot are served from
        the cache without reading either."""
        _messages(project, _settings(project))
        _plant(project)
        read = _count_reads(monkeypatch)
        assert _messages(project, _settings(project)) == [MARK]
        assert read == []

    @pytest.mark.usefixtures("settled")
    def test_a_warm_run_looks_at_each_file_once(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An unchanged file and its snapshot, served from the cache, are looked at with
        one call each: a ``stat`` of the file, an ``lstat`` of the snapshot."""
        _messages(project, _settings(project))
        _plant(project, whole=True)
        calls: list[tuple[str, str]] = []
        for name in ("stat", "lstat"):
            real = getattr(os, name)

            def counting(
                path: Any, *args: Any, real: Any = real, name: str = name, **kw: Any
            ) -> Any:
                calls.append((name, os.path.basename(os.fspath(path))))
                return real(path, *args, **kw)

            monkeypatch.setattr(os, name, counting)
        assert _messages(project, _settings(project)) == [MARK]
        ours = [call for call in calls if call[1] in ("full.yaml", "snapshot.txt")]
        assert sorted(ours) == [("lstat", "snapshot.txt"), ("stat", "full.yaml")]

    def test_unsettled_files_are_hashed(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file written just before it was read keeps no signature, so the next run reads
        and hashes it (a write in the same clock tick cannot go unseen)."""
        _messages(project, _settings(project))
        index = json.loads((project / ".cache" / INDEX).read_text(encoding="utf-8"))
        (entry,) = index["entries"].values()
        assert entry["stat"] is None
        _plant(project)
        read = _count_reads(monkeypatch)
        assert _messages(project, _settings(project)) == [MARK]
        assert "full.yaml" in read

    @pytest.mark.usefixtures("settled")
    def test_same_size_edit_with_old_mtime_is_seen(self, project: Path) -> None:
        """An edit that keeps the size and puts the modification time back is still seen:
        the change time moves on every write."""
        _messages(project, _settings(project))
        _plant(project)
        target = project / "claims" / "full.yaml"
        before = target.stat()
        time.sleep(0.05)  # past any coarse clock tick of the file system
        text = target.read_text(encoding="utf-8")
        assert text.startswith("# A complete")
        target.write_text("# a complete" + text[len("# A complete") :], "utf-8")
        os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert target.stat().st_size == before.st_size
        assert target.stat().st_ctime_ns != before.st_ctime_ns
        assert _messages(project, _settings(project)) == []

    @pytest.mark.usefixtures("settled")
    def test_same_size_edit_of_the_snapshot_is_seen(self, project: Path) -> None:
        """A snapshot rewritten to other bytes of the same size invalidates the result."""
        _messages(project, _settings(project))
        _plant(project)
        snapshot = project / "snapshot.txt"
        time.sleep(0.05)
        data = snapshot.read_bytes()
        snapshot.write_bytes(data[:-2] + (b"X" if data[-2:-1] != b"X" else b"Y") + data[-1:])
        messages = _messages(project, _settings(project))
        assert MARK not in messages
        assert any("SHA-256" in message for message in messages)

    def test_touched_but_unchanged_file_is_still_a_hit(self, project: Path) -> None:
        """A file whose times changed but whose bytes did not is hashed and served."""
        _messages(project, _settings(project))
        _plant(project)
        target = project / "claims" / "full.yaml"
        target.write_bytes(target.read_bytes())
        assert _messages(project, _settings(project)) == [MARK]


class TestWholeIndexSeal:
    """An index whose bytes match its whole seal is used as it is; any other is checked
    entry by entry, and only the entries that fail are lost."""

    def test_sealed_index_is_used_without_checking_each_entry(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """While the index's bytes match its seal, its entries serve their results without
        any entry's own seal being checked."""
        _messages(project, _settings(project))
        _plant(project, whole=True)
        checked: list[object] = []

        def refusing(entry: object, fingerprint: str) -> bool:
            checked.append(entry)
            return False

        monkeypatch.setattr(cache_module, "is_valid_entry", refusing)
        assert _messages(project, _settings(project)) == [MARK]
        assert checked == []

    def test_entry_changed_by_hand_loses_only_itself(self, project: Path) -> None:
        """An entry edited without its seal breaks the whole seal: that file is checked
        again, the other keeps its cached result, and the index is written sealed again."""
        first = project / "claims" / "full.yaml"
        second = project / "claims" / "second.yaml"
        text = first.read_text(encoding="utf-8")
        second.write_text(text.replace("version: 1", "version: 1\nstray: x", 1), "utf-8")
        paths = [first, second]
        assert [r.severest for r in claimtrack.check(paths, _settings(project)).files] == [
            None,
            Severity.ERROR,
        ]
        _plant(project, whole=True)
        index_path = project / ".cache" / INDEX
        index = json.loads(index_path.read_text(encoding="utf-8"))
        (changed,) = [key for key in index["entries"] if key.split("\n")[0].endswith("second.yaml")]
        index["entries"][changed]["severest"] = None  # "no findings", without its seal
        index_path.write_text(json.dumps(index), encoding="utf-8")
        quiet = _settings(project, keep_findings=False)
        # The first file's planted warning comes from the cache; the second is checked again.
        assert [r.severest for r in claimtrack.check(paths, quiet).files] == [
            Severity.WARNING,
            Severity.ERROR,
        ]
        assert is_sealed_index(index_path.read_bytes(), index["fingerprint"])

    @pytest.mark.usefixtures("settled")
    def test_signature_taken_in_a_run_of_hits_is_kept(
        self, project: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A run whose every file hits, but which had to hash them to know it, saves the
        signatures it took, so the run after it reads no file."""
        index_path = project / ".cache" / INDEX
        _messages(project, _settings(project))
        index = json.loads(index_path.read_text(encoding="utf-8"))
        for entry in index["entries"].values():
            entry["stat"] = None  # as if the file had been written just before it was read
            for snapshot in entry["snapshots"]:
                snapshot["stat"] = None
        del index["index_seal"]
        index["entries"] = {k: sealed(e, index["fingerprint"]) for k, e in index["entries"].items()}
        index_path.write_bytes(seal_index(index, index["fingerprint"]))
        read = _count_reads(monkeypatch)
        assert _messages(project, _settings(project)) == []
        assert "full.yaml" in read
        read.clear()
        assert _messages(project, _settings(project)) == []
        assert read == []


_SMALL_INDEX: dict[str, Any] = {
    "fingerprint": "f",
    "results": "results-0.json",
    "entries": {"a\nb": {"x": 1}},
}


class TestIndexSealBytes:
    """The whole index's seal holds for the bytes written and for nothing else."""

    def test_written_bytes_hold(self) -> None:
        """The bytes seal_index writes are one JSON object, and their seal holds."""
        data = seal_index(_SMALL_INDEX, "f")
        assert json.loads(data)["entries"] == _SMALL_INDEX["entries"]
        assert is_sealed_index(data, "f")

    @pytest.mark.parametrize(
        "change",
        [
            lambda data: data.replace(b'"x": 1', b'"x": 2'),
            lambda data: data.replace(b'"x": 1', b'"x":  1'),
            lambda data: data[:-3] + data[-2:],
            lambda data: data[:20],
            lambda data: json.dumps(json.loads(data)).encode("ascii") + b" ",
            lambda data: b"",
        ],
    )
    def test_changed_bytes_do_not_hold(self, change: Callable[[bytes], bytes]) -> None:
        """An index with any byte changed, cut short or written again no longer holds."""
        changed = change(seal_index(_SMALL_INDEX, "f"))
        assert not is_sealed_index(changed, "f")

    def test_other_fingerprint_does_not_hold(self) -> None:
        """An index sealed under another fingerprint (another version, other settings)
        does not hold."""
        assert not is_sealed_index(seal_index(_SMALL_INDEX, "f"), "g")

    def test_name_with_a_lone_surrogate(self) -> None:
        """A file name no UTF-8 can hold (an undecodable byte) is written escaped, and the
        seal still holds."""
        index = {**_SMALL_INDEX, "entries": {"caf\udce9.yaml": {"x": 1}}}
        data = seal_index(index, "f")
        assert json.loads(data)["entries"] == index["entries"]
        assert is_sealed_index(data, "f")


class TestResultsFile:
    """Findings live in a results file beside the index, read only when needed."""

    def test_missing_results_file_means_checking_again(self, project: Path) -> None:
        """With the results file gone, the files are checked again, not reported broken."""
        _messages(project, _settings(project))
        _plant(project)
        for path in (project / ".cache").glob("results-*.json"):
            path.unlink()
        assert _messages(project, _settings(project)) == []

    def test_truncated_results_file_means_checking_again(self, project: Path) -> None:
        """A results file shorter than the index says is a miss for the entries it lacks."""
        _messages(project, _settings(project))
        _plant(project)
        (results,) = (project / ".cache").glob("results-*.json")
        results.write_bytes(results.read_bytes()[:5])
        assert _messages(project, _settings(project)) == []

    def test_results_of_unchanged_files_survive_a_partial_run(self, project: Path) -> None:
        """When one file changes, the others keep their stored results, and the replaced
        results file is removed."""
        second = project / "claims" / "second.yaml"
        shutil.copy(project / "claims" / "full.yaml", second)
        paths = [project / "claims" / "full.yaml", second]
        claimtrack.check(paths, _settings(project))
        _plant(project)
        second.write_text(second.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        result = claimtrack.check(paths, _settings(project))
        assert [[f.message for f in r.findings] for r in result.files] == [[MARK], []]
        assert len(list((project / ".cache").glob("results-*.json"))) == 1
        again = claimtrack.check(paths, _settings(project))
        assert [[f.message for f in r.findings] for r in again.files] == [[MARK], []]

    def test_foreign_results_name_is_not_followed(self, project: Path) -> None:
        """An index naming a results file outside the cache folder is ignored."""
        _messages(project, _settings(project))
        index_path = project / ".cache" / INDEX
        index = json.loads(index_path.read_text(encoding="utf-8"))
        index["results"] = "../pyproject.toml"
        index_path.write_text(json.dumps(index), encoding="utf-8")
        assert _messages(project, _settings(project)) == []


class TestExitStatusOnly:
    """With keep_findings off, cached results carry their severity and no findings."""

    def test_cached_result_keeps_only_the_severity(self, tmp_path: Path) -> None:
        """A cached result leaves its findings out and reports the same severest finding
        the full result has."""
        shutil.copy(SNAPSHOT, tmp_path / "snapshot.txt")
        (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
        paths: list[str | Path] = []
        for source in sorted((FIXTURES / "claims" / "invalid").glob("*.yaml"))[:12]:
            paths.append(tmp_path / source.name)
            shutil.copy(source, paths[-1])
        full = claimtrack.check(paths, _settings(tmp_path))
        slim = claimtrack.check(paths, _settings(tmp_path, keep_findings=False))
        assert [r.severest for r in slim.files] == [r.severest for r in full.files]
        assert slim.severest == full.severest
        cached = [r for r in slim.files if r.findings_omitted]
        assert cached
        assert all(r.findings == () for r in cached)

    def test_baseline_still_reads_findings(self, project: Path) -> None:
        """With a baseline, cached findings are read even when only a status is wanted."""
        _messages(project, _settings(project))
        _plant(project)
        baseline = claimtrack.Baseline(entries=(), base=project)
        result = claimtrack.check(
            [project / "claims" / "full.yaml"],
            _settings(project, keep_findings=False, baseline=baseline),
        )
        assert [f.message for f in result.findings] == [MARK]

    @pytest.mark.parametrize("fail_level", ["error", "warning", "info"])
    def test_quiet_exit_codes_match_a_cold_run(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fail_level: str
    ) -> None:
        """-qq over a cached folder exits as a run without the cache does."""
        folder = tmp_path / "claims"
        folder.mkdir()
        (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
        shutil.copy(SNAPSHOT, tmp_path / "snapshot.txt")
        for source in sorted((FIXTURES / "claims" / "invalid").glob("F1*.yaml"))[:4]:
            shutil.copy(source, folder / source.name)
        monkeypatch.chdir(tmp_path)
        runner = CliRunner()
        args = ["check", "-qq", "--fail-level", fail_level, "claims"]
        cold = runner.invoke(cli, [*args, "--no-cache"])
        runner.invoke(cli, args)
        warm = runner.invoke(cli, args)
        assert warm.exit_code == cold.exit_code
        assert warm.output == cold.output == ""


def test_fully_cached_run_loads_no_parser_model_or_checks(tmp_path: Path) -> None:
    """A check whose every file comes from the cache imports neither the parsers, the
    model, cattrs, the checks nor importlib.resources (and the archive modules it brings):
    that is what keeps a warm run short."""
    folder = tmp_path / "claims"
    folder.mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.claimtrack]\nignore = ['F111']\n", "utf-8")
    shutil.copy(SNAPSHOT, tmp_path / "snapshot.txt")
    shutil.copy(CLAIM_FILE, folder / "full.yaml")
    shutil.copy(FIXTURES / "claims" / "invalid" / "F101-citation-needed.yaml", folder)
    script = (
        "import sys\n"
        "from claimtrack.cli import main\n"
        "try:\n"
        "    main(['check', '-qq', 'claims'])\n"
        "except SystemExit as exit:\n"
        "    code = exit.code\n"
        "heavy = ['yaml', 'cattrs', 'jsonschema', 'claimtrack.io.load', 'claimtrack.model',\n"
        "         'claimtrack.lint.run', 'claimtrack.pipeline', 'claimtrack.lint.sourcing',\n"
        "         'claimtrack.lint.evidence', 'claimtrack.lint.quotes',\n"
        "         'importlib.resources', 'tempfile']\n"
        "print(code, [name for name in heavy if name in sys.modules])\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        for _ in range(2)
    ]
    assert runs[0].startswith("1 ")
    assert "claimtrack.model" in runs[0]
    assert runs[1] == "1 []"

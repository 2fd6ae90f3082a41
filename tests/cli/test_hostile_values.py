"""One hostile file cannot sink the run: every value-level surprise, strange name and
unreadable path is a finding with a location on that file, and the other files are still
checked, in every output format."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import claimtrack
from claimtrack.cli.main import cli
from tests.conftest import FIXTURES
from tests.gitrepo import SMALL, GitRepo

GOOD = FIXTURES / "claims" / "invalid" / "F101-citation-needed.yaml"
HEAD = "version: 1\ndocument: {id: d, title: t}\nsources: []\n"
SNAPSHOT_HEAD = "version: 1\ndocument:\n  id: d\n  title: t\n  snapshot: {path: %s, sha256: '%s'}\n"


def _claim(value: str) -> str:
    return (
        HEAD + "claims:\n  - id: a\n    text: x\n    kind: quantity\n    anchor: {exact: x}\n"
        f"    quantities: [{{value: {value}}}]\n"
    )


def _json_claim(value: str) -> str:
    return (
        '{"version": 1, "document": {"id": "d", "title": "t"}, "sources": [], "claims": '
        '[{"id": "a", "text": "x", "kind": "quantity", "anchor": {"exact": "x"}, '
        f'"quantities": [{{"value": {value}}}]}}]}}'
    )


# name -> (file text, code expected, line expected)
CASES = {
    "huge-int.yaml": (_claim("9" * 5000), "E105", 9),
    "huge-hex.yaml": (_claim("0x" + "f" * 4000), "E105", 9),
    "huge-int.json": (_json_claim("9" * 5000), "E105", 1),
    "infinity.yaml": (_claim("1e400"), "E105", 9),
    "infinity.json": (_json_claim("-1e400"), "E105", 1),
    "long-float.json": (_json_claim("1" + "0" * 400 + ".5"), "E105", 1),
    "surrogate.json": (_json_claim('"\\ud800"'), "E105", 1),
    "surrogate-key.json": ('{"version": 1, "\\udfff": 2}', "E105", 1),
    "duplicate-then-junk.json": ('{"a": 1, "a": 2}]', "E102", 1),
    "nul-in-snapshot.yaml": (SNAPSHOT_HEAD % ('"a\\0b"', "0" * 64), "E210", 5),
    "loop-snapshot.yaml": (SNAPSHOT_HEAD % ("loop", "0" * 64), "E210", 5),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project with one good claim file and every hostile case beside it."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    claims = tmp_path / "claims"
    claims.mkdir()
    shutil.copy(GOOD, claims / "good.yaml")
    for name, (text, _code, _line) in CASES.items():
        (claims / name).write_text(text, encoding="utf-8")
    (claims / "loop").symlink_to("loop")
    return tmp_path


def _json_findings(*args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(cli, ["check", "--no-cache", "-f", "json", *args])
    return result.exit_code, json.loads(result.stdout)["findings"]


class TestValueSurprises:
    """Values no output can hold are refused where they stand."""

    def test_each_case_is_a_finding_on_its_file(self, project: Path) -> None:
        """Each hostile file gets its code at its line, and the good file its own flag."""
        code, findings = _json_findings(str(project / "claims"))
        assert code == 1
        by_file: dict[str, list[tuple[object, object]]] = {}
        for finding in findings:
            by_file.setdefault(str(finding["path"]), []).append((finding["code"], finding["line"]))
        for name, (_text, expected, line) in CASES.items():
            assert (expected, line) in by_file[f"{project}/claims/{name}"], name
        assert by_file[f"{project}/claims/good.yaml"]

    @pytest.mark.parametrize("name", sorted(CASES))
    def test_library_raises_only_load_error(self, project: Path, name: str) -> None:
        """``load`` and ``loads`` raise LoadError for a value-level surprise, never anything
        else; ``check`` returns a result."""
        path = project / "claims" / name
        result = claimtrack.check([path])
        assert result.findings
        for call in (
            lambda: claimtrack.load(path),
            lambda: claimtrack.loads(path.read_bytes(), path.suffix[1:], name=name),
        ):
            with contextlib.suppress(claimtrack.LoadError):
                call()


@pytest.mark.skipif(os.name != "posix", reason="file names as bytes are POSIX")
class TestNamesThatAreNotUtf8:
    """A file name that is not UTF-8 is shown with its bytes escaped, in every format."""

    @pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
    def test_check_output_is_valid_utf8(self, tmp_path: Path, fmt: str) -> None:
        """The output decodes as UTF-8 and names the file as ``caf\\xe9.yaml``."""
        folder = os.fsencode(tmp_path)
        with open(os.path.join(folder, b"caf\xe9.yaml"), "wb") as stream:
            stream.write(GOOD.read_bytes())
        result = CliRunner().invoke(cli, ["check", "--no-cache", "-f", fmt, str(tmp_path)])
        assert result.exit_code == 1, result.output
        text = result.stdout_bytes.decode("utf-8")
        assert "caf\\" in text or "caf%5C" in text  # SARIF writes URIs percent-encoded
        assert "F101" in text
        if fmt in ("json", "sarif"):
            json.loads(text)

    @pytest.mark.parametrize("fmt", ["html", "md", "json", "csv"])
    def test_report_output_is_valid_utf8(self, tmp_path: Path, fmt: str) -> None:
        """Reports of such a file are written and decode as UTF-8."""
        folder = os.fsencode(tmp_path)
        with open(os.path.join(folder, b"caf\xe9.yaml"), "wb") as stream:
            stream.write(GOOD.read_bytes())
        result = CliRunner().invoke(cli, ["report", "-f", fmt, str(tmp_path)])
        assert result.exit_code in (0, 1), result.output
        assert result.stdout_bytes.decode("utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
class TestOnlyRegularFiles:
    """A FIFO is refused with a finding instead of blocking the run."""

    def test_fifo_claim_file_in_a_folder(self, tmp_path: Path) -> None:
        """A FIFO named like a claim file is an E100 finding; the run goes on."""
        shutil.copy(GOOD, tmp_path / "good.yaml")
        os.mkfifo(tmp_path / "pipe.yaml")
        code, findings = _json_findings(str(tmp_path))
        assert code == 2  # a file that cannot be read is an I/O error
        pipe = [f for f in findings if str(f["path"]).endswith("pipe.yaml")]
        assert [f["code"] for f in pipe] == ["E100"]
        assert "FIFO" in str(pipe[0]["message"])
        assert any(str(f["path"]).endswith("good.yaml") for f in findings)

    @staticmethod
    def _in_process(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
        """The command line in a process of its own, so that a hang fails the test."""
        return subprocess.run(
            [sys.executable, "-m", "claimtrack", *args],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )

    def test_fifo_given_to_match(self, tmp_path: Path) -> None:
        """`match` names a FIFO among its files as unreadable (exit 2) instead of blocking."""
        shutil.copy(GOOD, tmp_path / "good.yaml")
        os.mkfifo(tmp_path / "pipe.yaml")
        done = self._in_process(tmp_path, "match", "good.yaml", "pipe.yaml")
        assert done.returncode == 2, done.stderr
        assert "pipe.yaml:1:1: E100" in done.stderr
        assert "FIFO" in done.stderr
        assert "Traceback" not in done.stderr

    def test_fifo_beside_the_claim_review_sign_names_it(self, tmp_path: Path) -> None:
        """`review sign --in FOLDER` names a FIFO in the folder as E100 without waiting on
        it (it might hold the claim), exits 2, and signs nothing."""
        shutil.copy(GOOD, tmp_path / "good.yaml")
        before = (tmp_path / "good.yaml").read_bytes()
        os.mkfifo(tmp_path / "pipe.yaml")
        done = self._in_process(
            tmp_path, "review", "sign", "casualties", "--by", "Ada", "--in", "."
        )
        assert done.returncode == 2, done.stderr
        assert "pipe.yaml:1:1: E100" in done.stderr
        assert (tmp_path / "good.yaml").read_bytes() == before

    def test_fifo_beside_the_claim_log_names_it(self, tmp_path: Path) -> None:
        """`log CLAIM FOLDER` names a FIFO in the folder as E100 without waiting on it (it
        might hold the claim) and exits 2; given the claim's file, it shows the history."""
        repo = GitRepo(tmp_path / "repo")
        repo.write("claims/small.yaml", SMALL)
        repo.commit("Add the record")
        os.mkfifo(repo.root / "claims" / "pipe.yaml")
        done = self._in_process(repo.root, "log", "level", "claims")
        assert done.returncode == 2, done.stderr
        assert "claims/pipe.yaml:1:1: E100" in done.stderr
        done = self._in_process(repo.root, "log", "level", "claims/small.yaml")
        assert done.returncode == 0, done.stderr
        assert "Add the record" in done.stdout

    def test_fifo_snapshot(self, tmp_path: Path) -> None:
        """A FIFO as the snapshot is an E210 finding saying what it is."""
        (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
        os.mkfifo(tmp_path / "snapshot.txt")
        claim = tmp_path / "c.yaml"
        claim.write_text(SNAPSHOT_HEAD % ("snapshot.txt", "0" * 64), encoding="utf-8")
        code, findings = _json_findings(str(claim))
        assert code == 1
        assert [f["code"] for f in findings] == ["E210"]
        assert "FIFO" in str(findings[0]["message"])

    def test_snapshot_over_the_limit_is_not_read_whole(self, tmp_path: Path) -> None:
        """A snapshot larger than the input limit is refused (E210), not loaded."""
        (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
        with open(tmp_path / "snapshot.txt", "wb") as stream:
            stream.truncate(4096)
        claim = tmp_path / "c.yaml"
        claim.write_text(SNAPSHOT_HEAD % ("snapshot.txt", "0" * 64), encoding="utf-8")
        limits = claimtrack.Limits(max_bytes=1024)
        result = claimtrack.check([claim], claimtrack.CheckSettings(limits=limits))
        assert [f.code for f in result.findings] == ["E210"]
        assert "over the limit" in result.findings[0].message

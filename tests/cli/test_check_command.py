"""`claimtrack check`: exit codes, inputs, formats and output options."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from claimtrack.cli.main import cli
from claimtrack.schema import validator
from tests.conftest import FIXTURES, ROOT

VALID = FIXTURES / "claims" / "valid"
INVALID = FIXTURES / "claims" / "invalid"
GOOD = "version: 1\ndocument: {id: doc, title: T}\n"
BAD = "version: 1\ndocument: {id: doc}\n"


def run(*args: str, input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def _folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return tmp_path


class TestExitCodes:
    """0 clean, 1 findings, 2 usage or I/O."""

    def test_clean_files_exit_0(self) -> None:
        """A folder of valid files exits 0 and says so."""
        result = run("check", str(VALID))
        assert result.exit_code == 0, result.output
        assert "No problems found in " in result.output

    def test_findings_exit_1(self) -> None:
        """An invalid file exits 1 and prints path:line:col: CODE [severity] message."""
        path = INVALID / "E203-unknown-source.yaml"
        result = run("check", str(path))
        assert result.exit_code == 1, result.output
        assert f"{path.as_posix()}:12:17: E203 [error] " in result.output
        assert "help: Did you mean 'nyt-report'?" in result.output

    def test_missing_path_exits_2(self, tmp_path: Path) -> None:
        """A path that does not exist is a usage error, reported on stderr."""
        result = run("check", str(tmp_path / "nope.yaml"))
        assert result.exit_code == 2
        assert "no such file" in result.stderr

    def test_no_path_exits_2(self) -> None:
        """Calling check with no path is a usage error."""
        assert run("check").exit_code == 2

    def test_bad_option_exits_2(self) -> None:
        """An unknown format is a usage error."""
        assert run("check", "--format", "xml", str(VALID)).exit_code == 2

    @pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
    def test_unreadable_file_exits_2(self) -> None:
        """A file that exists but cannot be read (an I/O error even for root) is E100 and
        exit 2."""
        result = run("check", "/proc/self/mem")
        assert result.exit_code == 2
        assert "/proc/self/mem:1:1: E100 [error] cannot read the file" in result.output

    def test_fail_level_error_ignores_lesser_findings(self, tmp_path: Path) -> None:
        """With --fail-level error, a file with only errors still fails."""
        folder = _folder(tmp_path, {"bad.yaml": BAD})
        assert run("check", "--fail-level", "error", str(folder)).exit_code == 1


class TestInputs:
    """Files, folders, globs and standard input."""

    def test_one_broken_file_does_not_stop_the_others(self, tmp_path: Path) -> None:
        """In a folder with good files and one broken one, all are checked."""
        folder = _folder(
            tmp_path,
            {
                "a.yaml": GOOD,
                "b/broken.yaml": "version: 1\ndocument: [unclosed\n",
                "b/c.json": json.dumps({"version": 1, "document": {"id": "c", "title": "T"}}),
                "b/d.yml": BAD,
                "notes.txt": "not a claim file",
                ".hidden/e.yaml": BAD,
            },
        )
        result = run("check", "-f", "json", str(folder))
        assert result.exit_code == 1
        report = json.loads(result.output)
        assert report["summary"]["files"] == 4
        assert sorted({f["path"].rsplit("/", 1)[-1] for f in report["findings"]}) == [
            "broken.yaml",
            "d.yml",
        ]

    def test_glob(self, tmp_path: Path) -> None:
        """A glob expands to the files it matches."""
        folder = _folder(tmp_path, {"x1.yaml": GOOD, "x2.yaml": BAD, "y.yaml": BAD})
        result = run("check", str(folder / "x*.yaml"))
        assert result.exit_code == 1
        assert "x2.yaml" in result.output
        assert "y.yaml" not in result.output

    def test_stdin_with_filename(self) -> None:
        """'-' reads standard input, named by --stdin-filename, format from its suffix."""
        result = run(
            "check", "-", "--stdin-filename", "claims/x.json", input='{"version": 1, "document": 3}'
        )
        assert result.exit_code == 1
        assert result.output.startswith("claims/x.json:1:")

    def test_stdin_parse_error_is_a_finding(self) -> None:
        """Broken standard input is a finding named <stdin>."""
        result = run("check", "-", input=b"\xff\xfe")
        assert result.exit_code == 1
        assert result.output.startswith("<stdin>:1:1: E101")

    def test_each_file_is_checked_once(self, tmp_path: Path) -> None:
        """A file named twice (directly and through its folder) is checked once."""
        folder = _folder(tmp_path, {"a.yaml": BAD})
        result = run("check", "-f", "json", str(folder), str(folder / "a.yaml"))
        assert json.loads(result.output)["summary"]["files"] == 1


class TestOutput:
    """Formats, files, verbosity and colour."""

    def test_json_output_follows_its_schema(self) -> None:
        """--format json output validates against schemas/check-output.schema.json."""
        result = run("check", "-f", "json", str(INVALID))
        data = json.loads(result.output)
        assert list(validator("check-output.schema.json").iter_errors(data)) == []
        errors = [f for f in data["findings"] if f["severity"] == "error"]
        assert data["summary"]["errors"] == len(errors) > 20

    def test_output_file_is_written(self, tmp_path: Path) -> None:
        """-o writes the results to a file and nothing to stdout."""
        target = tmp_path / "out.txt"
        result = run("check", "-o", str(target), str(INVALID / "E201-duplicate-id.yaml"))
        assert result.exit_code == 1
        assert result.stdout == ""
        assert "E201" in target.read_text(encoding="utf-8")

    def test_quiet_levels(self) -> None:
        """-q drops the summary and hints; -qq prints nothing but keeps the exit code."""
        path = str(INVALID / "E201-duplicate-id.yaml")
        quiet = run("check", "-q", "--select", "E", path)
        assert quiet.output.count("\n") == 1
        silent = run("check", "-qq", path)
        assert (silent.output, silent.exit_code) == ("", 1)

    def test_colour_always_and_no_color(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """--color always colours text; NO_COLOR wins over it."""
        path = str(INVALID / "E201-duplicate-id.yaml")
        assert "\x1b[" in run("check", "--color", "always", path).output
        monkeypatch.setenv("NO_COLOR", "1")
        assert "\x1b[" not in run("check", "--color", "always", path).output

    def test_help_lists_exit_codes(self) -> None:
        """--help explains the exit codes."""
        assert "Exit codes: 0" in run("check", "--help").output


class TestSchemaCommand:
    """`claimtrack schema`."""

    def test_prints_the_published_schema(self) -> None:
        """The printed schema is the file in schemas/, byte for byte."""
        expected = (ROOT / "schemas" / "claim-file.schema.json").read_text(encoding="utf-8")
        assert run("schema").output == expected

    def test_writes_the_output_schema(self, tmp_path: Path) -> None:
        """--which check-output -o FILE writes that schema."""
        target = tmp_path / "s.json"
        assert run("schema", "--which", "check-output", "-o", str(target)).exit_code == 0
        assert json.loads(target.read_text(encoding="utf-8"))["title"].startswith("claimtrack")


class TestProcess:
    """Real processes: the module entry point, stdin, exit codes, imports."""

    def test_python_m_with_real_stdin(self) -> None:
        """python -m claimtrack check - reads real standard input and exits 1 on findings."""
        completed = subprocess.run(
            [sys.executable, "-m", "claimtrack", "check", "-", "--stdin-filename", "x.yaml"],
            input=BAD.encode(),
            capture_output=True,
            check=False,
        )
        assert completed.returncode == 1
        assert completed.stdout.decode().startswith("x.yaml:2:11: E110")

    def test_a_whole_process_flushes_everything_before_it_ends(self, tmp_path: Path) -> None:
        """The command line ends its process without Python's teardown: what it wrote
        through a pipe arrives whole, and the exit status is kept."""
        for number in range(300):
            (tmp_path / f"bad-{number}.yaml").write_text(BAD, encoding="utf-8")
        command = [sys.executable, "-m", "claimtrack", "check", "--no-cache", "-f", "json"]
        completed = subprocess.run([*command, str(tmp_path)], capture_output=True, check=False)
        assert completed.returncode == 1
        report = json.loads(completed.stdout)  # far more than a pipe's buffer, all of it
        assert len(completed.stdout) > 65536
        assert report["summary"]["files"] == 300
        missing = subprocess.run(
            [sys.executable, "-m", "claimtrack", "check", "no-such-file.yaml"],
            capture_output=True,
            check=False,
        )
        assert missing.returncode == 2
        assert b"no-such-file.yaml: no such file" in missing.stderr

    def test_version(self) -> None:
        """claimtrack --version prints the version and exits 0."""
        from claimtrack import __version__

        executable = shutil.which("claimtrack")
        command = [executable] if executable else [sys.executable, "-m", "claimtrack"]
        completed = subprocess.run([*command, "--version"], capture_output=True, check=False)
        assert completed.returncode == 0
        assert completed.stdout.decode().strip() == f"claimtrack {__version__}"

    def test_library_import_leaves_click_out(self) -> None:
        """import claimtrack in a fresh interpreter does not import click or jsonschema."""
        code = "import sys, claimtrack; print('click' in sys.modules, 'jsonschema' in sys.modules)"
        completed = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, check=True, text=True
        )
        assert completed.stdout.split() == ["False", "False"]


class TestLargeInput:
    """A large file is checked or refused with a message, never a crash."""

    def test_fifty_megabyte_file(self, tmp_path: Path) -> None:
        """A 50 MB claim file gives findings that name the file, and exit 1."""
        target = tmp_path / "big.yaml"
        with target.open("w", encoding="utf-8") as handle:
            handle.write("version: 1\nnotes: '")
            handle.write("x" * (50 * 1024 * 1024))
            handle.write("'\n")
        result = run("check", "--no-cache", str(target))
        assert result.exit_code == 1, result.output[:500]
        assert f"{target.as_posix()}:2:1: E111" in result.output
        assert f"{target.as_posix()}:1:1: E110" in result.output

"""Baseline and configuration files are read as claim files are: a FIFO or a file over the
size limit is a one-line error and exit code 2, never a hang or a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.process import run_claimtrack

GOOD = FIXTURES / "claims" / "invalid" / "F101-citation-needed.yaml"
pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")


_run = run_claimtrack


def _usage_error(result: subprocess.CompletedProcess[str], name: str, words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert name in result.stderr, result.stderr
    assert words in result.stderr, result.stderr


def _huge(path: Path) -> None:
    """A sparse file just over the default 256 MiB limit (no disk space used)."""
    with open(path, "wb") as stream:
        stream.truncate(256 * 1024 * 1024 + 1)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding one claim file."""
    shutil.copy(GOOD, tmp_path / "c.yaml")
    return tmp_path


def _fifo(path: Path) -> str:
    os.mkfifo(path)
    return "FIFO"


def _huge_file(path: Path) -> str:
    _huge(path)
    return "over the limit"


@pytest.mark.parametrize("option", ["--baseline", "--config"])
@pytest.mark.parametrize("make", [_fifo, _huge_file], ids=["fifo", "huge"])
def test_settings_file_option(project: Path, option: str, make: Callable[[Path], str]) -> None:
    """A FIFO or a file over the size limit given as --baseline or --config is refused at
    once, named, with exit code 2."""
    words = make(project / "settings.file")
    result = _run(project, "check", option, "settings.file", "c.yaml")
    _usage_error(result, "settings.file", words)


def test_baseline_over_a_configured_limit(project: Path) -> None:
    """The configured max-file-size bounds the baseline as it bounds claim files."""
    (project / "claimtrack.toml").write_text("max-file-size = 1024\n", encoding="utf-8")
    (project / "base.json").write_text(" " * 2048, encoding="utf-8")
    result = _run(project, "check", "--baseline", "base.json", "c.yaml")
    _usage_error(result, "base.json", "over the limit of 1,024")


def test_fifo_write_baseline_target(project: Path) -> None:
    """A FIFO given as --write-baseline is not read (it would block) nor replaced."""
    os.mkfifo(project / "base.json")
    result = _run(project, "check", "--write-baseline", "base.json", "c.yaml")
    _usage_error(result, "base.json", "not overwritten")
    assert (project / "base.json").is_fifo()


class TestFoundConfiguration:
    """The configuration found above the folder is read only if it is a regular file."""

    @pytest.mark.parametrize("name", ["claimtrack.toml", "pyproject.toml"])
    def test_fifo_found_config(self, project: Path, name: str) -> None:
        """A FIFO found as the project's configuration file is an error, not a hang."""
        os.mkfifo(project / name)
        result = _run(project, "check", "c.yaml")
        _usage_error(result, name, "FIFO")

    @pytest.mark.parametrize("name", ["claimtrack.toml", "pyproject.toml"])
    def test_huge_found_config(self, project: Path, name: str) -> None:
        """A huge file found as the project's configuration file is refused, not read."""
        _huge(project / name)
        result = _run(project, "check", "c.yaml")
        _usage_error(result, name, "over the limit")

    def test_fifo_config_for_report(self, project: Path) -> None:
        """Every command that reads the configuration refuses a FIFO the same way."""
        os.mkfifo(project / "claimtrack.toml")
        result = _run(project, "report", "c.yaml")
        _usage_error(result, "claimtrack.toml", "FIFO")


@pytest.mark.parametrize(
    "command",
    [
        ["match", "c.yaml"],
        ["review", "sign", "background", "--by", "Desk", "--in", "c.yaml"],
    ],
)
def test_claim_files_read_within_the_configured_limit(project: Path, command: list[str]) -> None:
    """match and review sign read claim files within the configured max-file-size, as check
    does: a file over it is refused (exit 2) and left as it was."""
    (project / "claimtrack.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    words = " ".join(["The board met on Monday."] * 50)
    claims = "version: 1\ndocument:\n  id: d\n  title: T\nclaims:\n  - id: background\n"
    claims += f"    text: {words}\n    kind: assessment\n    anchor:\n      exact: board\n"
    (project / "c.yaml").write_text(claims, encoding="utf-8")
    before = (project / "c.yaml").read_bytes()
    assert len(before) > 1000
    checked = _run(project, "check", "--no-cache", "c.yaml")
    assert checked.returncode == 1  # check: an E104 finding on the file
    assert "E104" in checked.stdout
    result = _run(project, *command)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "E104" in result.stderr, result.stderr
    assert "over the limit of 1,000" in result.stderr, result.stderr
    assert (project / "c.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("command", "code"),
    [(["sources", "fetch", "c.yaml"], 2), (["sources", "check", "--online", "c.yaml"], 1)],
)
def test_sources_read_claim_files_within_the_configured_limit(
    project: Path, command: list[str], code: int
) -> None:
    """sources fetch and sources check read claim files within the configured max-file-size,
    as check does: a file over it is refused before anything is fetched, and left as it was
    (fetch exits 2, as for a file it cannot read; check reports E104, as check does)."""
    (project / "claimtrack.toml").write_text("max-file-size = 1000\n", encoding="utf-8")
    url = "https://news.example.org/" + "a" * 1000
    claims = "version: 1\ndocument:\n  id: d\n  title: T\nsources:\n  - id: wire\n"
    claims += f"    type: webpage\n    title: Wire\n    url: {url}\nclaims: []\n"
    (project / "c.yaml").write_text(claims, encoding="utf-8")
    before = (project / "c.yaml").read_bytes()
    assert len(before) > 1000
    result = _run(project, *command)
    assert result.returncode == code, result.stdout + result.stderr
    assert "over the limit of 1,000" in result.stdout + result.stderr
    assert (project / "c.yaml").read_bytes() == before

"""The README's examples run as written: each python block in a fresh interpreter from the
repository's root, and the command table names every command there is."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import claimtrack
from claimtrack.cli.main import cli

ROOT = Path(__file__).resolve().parents[3]
README = (ROOT / "README.md").read_text(encoding="utf-8")
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(language: str) -> list[str]:
    return [code for lang, code in _BLOCK.findall(README) if lang == language]


@pytest.mark.parametrize("code", _blocks("python"))
def test_python_block_runs_and_prints_findings(code: str) -> None:
    """A python block of README.md runs in a fresh interpreter from the root and prints."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the example printed nothing"
    if "claimtrack.check(" in code:
        assert re.search(r"^claims/\S+ \d+ [EF]\d{3} ", done.stdout, re.MULTILINE)


def test_readme_has_a_python_example() -> None:
    """The README keeps a library example (so the test above guards something)."""
    assert _blocks("python")


def test_command_table_lists_every_command() -> None:
    """Every command of the click app has a row in the README's command table."""
    listed = set(re.findall(r"^\| `claimtrack (\w+)", README, re.MULTILINE))
    assert listed == set(cli.list_commands(None))  # type: ignore[arg-type]


def test_reference_link_points_at_a_page() -> None:
    """Each relative link of the README leads to a file in the repository."""
    for target in re.findall(r"\]\((?!https?://|#)([^)#]+)", README):
        assert (ROOT / target).is_file(), target


def _console_blocks() -> list[tuple[str, str]]:
    """Each console block's command (after "$ ") and the output shown under it."""
    found = []
    for code in _blocks("console"):
        first, _, output = code.partition("\n")
        assert first.startswith("$ claimtrack "), first
        found.append((first[2:], output))
    return found


@pytest.mark.parametrize(("command", "shown"), _console_blocks())
def test_console_block_shows_the_real_output(command: str, shown: str) -> None:
    """A console block's output is what the command prints when run from the root."""
    done = subprocess.run(
        [sys.executable, "-m", "claimtrack", *command.split()[1:], "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout == shown, done.stderr


def test_claim_record_example_is_schema_valid() -> None:
    """The README's shortened claim record is a valid claim file as far as the schema goes."""
    (record,) = (code for code in _blocks("yaml") if code.startswith("version: 1"))
    assert claimtrack.loads(record).claims

"""A folder naming no claim file is a usage error for every command that takes PATH...,
worded and exited as ``check`` does (a job pointed at the wrong folder must not pass)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from claimtrack.cli.main import cli


@pytest.mark.parametrize(
    "command",
    [["check"], ["match"], ["sources", "fetch"], ["sources", "check", "--online"]],
)
def test_empty_folder_exits_2_as_check_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    """An empty folder exits 2 with check's message naming it, and nothing on stdout."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, [*command, "empty"])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(
        "claimtrack: empty: the folder names no claim files (*.yaml, *.yml, *.json); check the path"
    ), result.stderr


@pytest.mark.parametrize(
    ("command", "offered"),
    [(["check"], True), (["match"], False), (["report"], False), (["sources", "fetch"], False)],
)
def test_only_check_offers_allow_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], offered: bool
) -> None:
    """The message offers --allow-empty only where the command has that option."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, [*command, "empty"])
    assert result.exit_code == 2, result.output
    assert ("--allow-empty" in result.stderr) is offered, result.stderr


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: path.symlink_to(path.name), "it is a loop of symbolic links"),
        (
            lambda path: path.symlink_to("nowhere.yaml"),
            "it is a symbolic link to 'nowhere.yaml', which does not exist",
        ),
    ],
    ids=["loop", "dangling"],
)
@pytest.mark.parametrize("command", [["check", "--no-cache"], ["match"], ["anchor"]])
def test_a_broken_link_named_is_said_to_be_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], make: object, reason: str
) -> None:
    """A link that leads nowhere, named on the command line, is an E100 at its place saying
    what is wrong with it; it was "no such file, folder or match" though it is right there."""
    monkeypatch.chdir(tmp_path)
    make(tmp_path / "claims.yaml")  # type: ignore[operator]
    result = CliRunner().invoke(cli, [*command, "claims.yaml"])
    assert result.exit_code == 2, result.output
    assert "claims.yaml:1:1: E100" in result.output
    assert f"cannot read the file: {reason}" in result.output
    assert "no such file" not in result.output

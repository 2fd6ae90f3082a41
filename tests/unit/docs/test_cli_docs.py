"""docs/cli.md cannot drift from the click app: every command has a section, and every
option (with its choices) is written in its command's section."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from claimtrack.cli.main import cli

DOC = (Path(__file__).resolve().parents[3] / "docs" / "cli.md").read_text(encoding="utf-8")
_CONTEXT = click.Context(cli)
COMMANDS = cli.list_commands(_CONTEXT)


def _section(name: str) -> str:
    match = re.search(rf"^## `claimtrack {name}\b.*?(?=^## |\Z)", DOC, re.MULTILINE | re.DOTALL)
    assert match, f"docs/cli.md has no section for `claimtrack {name}`"
    return match.group(0)


def _tokens(section: str) -> list[str]:
    """The words of the section's code spans, split at spaces, commas and slashes."""
    spans = re.findall(r"`([^`]+)`", section)
    return [word for span in spans for word in re.split(r"[\s,/]+", span) if word]


def _options(name: str) -> list[click.Option]:
    command = cli.get_command(_CONTEXT, name)
    assert command is not None
    return [p for p in command.params if isinstance(p, click.Option)]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_documented(name: str) -> None:
    """Each option of the command (short, long and --no- forms) stands in its section."""
    tokens = set(_tokens(_section(name)))
    for option in _options(name):
        for flag in (*option.opts, *option.secondary_opts):
            assert flag in tokens, f"`claimtrack {name}` {flag} is not in docs/cli.md"


@pytest.mark.parametrize("name", COMMANDS)
def test_choices_are_the_real_ones(name: str) -> None:
    """An option's documented choices (A|B|C after it) are exactly its click choices."""
    tokens = _tokens(_section(name))
    for option in _options(name):
        if not isinstance(option.type, click.Choice):
            continue
        written = [
            set(tokens[i + 1].split("|"))
            for i, token in enumerate(tokens[:-1])
            if token in option.opts and "|" in tokens[i + 1]
        ]
        assert written, f"`claimtrack {name}` {option.opts[-1]} lists no choices in docs/cli.md"
        assert all(choices == set(option.type.choices) for choices in written), option.opts


def test_no_section_for_a_command_that_does_not_exist() -> None:
    """Every command section of docs/cli.md names a real command."""
    documented = re.findall(r"^## `claimtrack (\w+)", DOC, re.MULTILINE)
    assert sorted(documented) == sorted(COMMANDS)


def test_quiet_means_what_help_says() -> None:
    """`check -q` is described in the docs with the words --help uses."""
    (quiet,) = (o for o in _options("check") if "-q" in o.opts)
    assert quiet.help is not None
    assert quiet.help in _section("check")

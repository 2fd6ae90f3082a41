"""Where output goes: stdout or an atomically written file; colour only on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import click

from claimtrack.cli import exit_codes
from claimtrack.errors import ClaimtrackError

__all__ = [
    "emit",
    "inert",
    "refuse_overwriting_inputs",
    "use_colour",
    "verbosity",
    "write_output",
]


def use_colour(choice: str, stream: object = None) -> bool:
    """Colour for ``auto|always|never``: NO_COLOR wins; auto means a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if choice == "always":
        return True
    if choice == "never":
        return False
    target = stream if stream is not None else sys.stdout
    isatty = getattr(target, "isatty", None)
    return bool(isatty and isatty())


def verbosity(verbose: int, quiet: int) -> int:
    """1 + count(-v) - count(-q): 0 drops the summary, below 0 prints nothing."""
    return 1 + verbose - quiet


def write_output(output: str | os.PathLike[str], data: str | bytes) -> None:
    """Write an output file (``-o``, ``--write-baseline``) atomically, creating the folders
    it names that do not exist yet; exit 2 with one line naming what could not be made.

    Every command treats ``-o`` the same way: ``-o reports/check.sarif`` in a fresh CI
    checkout works without a ``mkdir`` step first.
    """
    from claimtrack.io.atomic import write_atomic
    from claimtrack.io.reasons import read_failure

    target = Path(output)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        _fail(f"cannot create the folder {target.parent.as_posix()}: {read_failure(error)}")
    try:
        write_atomic(target, data)
    except ClaimtrackError as error:
        _fail(f"cannot write {target.as_posix()}: {error}")
    except OSError as error:
        _fail(f"cannot write {target.as_posix()}: {read_failure(error)}")


def _fail(message: str) -> NoReturn:
    click.echo(inert(f"claimtrack: {message}"), err=True)
    sys.exit(exit_codes.USAGE)


def emit(
    text: str, output: str | None, *, colour: bool = False, inputs: Sequence[str] = ()
) -> None:
    """Write results to ``output`` atomically, or to stdout (keeping ANSI colour only when
    ``colour`` says the text was coloured on purpose). An output that is one of the
    ``inputs``, or that cannot be written, is an error: exit 2 with a message."""
    if output is None or output == "-":
        if text:
            click.echo(text, nl=False, color=colour)
        return
    refuse_overwriting_inputs(output, inputs, "--output")
    write_output(output, text)


def refuse_overwriting_inputs(
    target: str | os.PathLike[str], inputs: Sequence[str], option: str
) -> None:
    """Exit 2 with a message if ``target`` is the same file as one of ``inputs``."""
    for name in inputs:
        if name == "-":
            continue
        try:
            same = os.path.samefile(target, name)
        except (OSError, ValueError):
            continue
        if same:
            click.echo(
                inert(
                    f"claimtrack: {option} {os.fspath(target)} is the input {name}; not overwritten"
                ),
                err=True,
            )
            sys.exit(exit_codes.USAGE)


def inert(text: str) -> str:
    """``text`` (one or more lines, from values anyone may have written) made inert for a
    terminal or a CI log: controls escaped visibly, and no line beginning ``::`` (which a
    GitHub Actions log would run as a workflow command)."""
    from claimtrack._inert import visible_lines

    return "\n".join(
        "./" + line if line.startswith("::") else line for line in visible_lines(text).split("\n")
    )

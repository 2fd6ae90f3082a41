"""Where output goes: stdout or an atomically written file; colour only on a terminal."""

from __future__ import annotations

import os
import sys

import click

__all__ = ["emit", "inert", "use_colour", "verbosity"]


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


def emit(text: str, output: str | None, *, colour: bool = False) -> None:
    """Write results to ``output`` atomically, or to stdout (keeping ANSI colour only when
    ``colour`` says the text was coloured on purpose)."""
    if output is None or output == "-":
        if text:
            click.echo(text, nl=False, color=colour)
        return
    from claimtrack.io.atomic import write_atomic

    try:
        write_atomic(output, text)
    except OSError as error:
        raise click.FileError(output, hint=error.strerror or str(error)) from None


def inert(text: str) -> str:
    """``text`` (one or more lines, from values anyone may have written) made inert for a
    terminal or a CI log: controls escaped visibly, and no line beginning ``::`` (which a
    GitHub Actions log would run as a workflow command)."""
    from claimtrack._inert import visible_lines

    return "\n".join(
        "./" + line if line.startswith("::") else line for line in visible_lines(text).split("\n")
    )

"""The shared source library on the command line: loaded once per run from the
configuration; a library with problems stops the run (exit 2) with each problem's place."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import inert

if TYPE_CHECKING:
    from claimtrack.config import Config
    from claimtrack.validate.library import SourceLibrary

__all__ = ["shared_library"]


def shared_library(config: Config) -> SourceLibrary | None:
    """The library ``config`` names (None when it names none); when it cannot be used, its
    problems on stderr, then exit 2."""
    if not config.sources:
        return None
    from claimtrack.render.findings.text import TextStyle, render_finding
    from claimtrack.shared_sources import load_source_library

    library = load_source_library(config)
    if library is None or not library.problems:
        return library
    for finding in library.problems:
        click.echo(render_finding(finding, TextStyle(colour=False)), err=True)
    count = len(library.problems)
    click.echo(
        inert(
            f"claimtrack: the shared source library has {count} problem{'s' * (count != 1)};"
            " fix it first (nothing else was done)"
        ),
        err=True,
    )
    sys.exit(exit_codes.USAGE)

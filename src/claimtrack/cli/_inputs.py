"""Turning PATH arguments into checked results for ``report`` and ``export``: files, folders,
globs and "-" (standard input), with a progress line on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import click

from claimtrack.batch import check
from claimtrack.cli._unmatched import report_unmatched
from claimtrack.cli.progress import Progress
from claimtrack.errors import LoadError
from claimtrack.io.discover import STDIN, discover
from claimtrack.io.limits import Limits
from claimtrack.io.load import LoadedDocument, load_bytes
from claimtrack.results import FileResult
from claimtrack.rules import UNREADABLE
from claimtrack.settings import CheckSettings

if TYPE_CHECKING:
    from claimtrack.validate.library import SourceLibrary

__all__ = ["Gathered", "gather", "read_stdin"]


@attrs.frozen
class Gathered:
    """The results, in argument order, and whether any argument or file could not be read."""

    results: tuple[FileResult, ...]
    failed: bool


def read_stdin(stdin_filename: str, settings: CheckSettings) -> LoadedDocument | FileResult:
    """Standard input as a loaded document named ``stdin_filename`` (whose folder is where a
    relative snapshot path starts), or the result of a file that could not be loaded."""
    stdin_path = Path(stdin_filename) if stdin_filename != "<stdin>" else None
    try:
        return load_bytes(
            sys.stdin.buffer.read(), stdin_filename, limits=settings.limits, file_path=stdin_path
        )
    except LoadError as error:
        return FileResult(path=stdin_filename, findings=error.findings)


def stdin_settings(settings: CheckSettings) -> CheckSettings:
    """The settings standard input is checked with: its snapshot may not leave the working
    folder (or --project-root), whatever --stdin-filename says; a name such as
    ``/etc/x.yaml`` must not make ``/etc`` the project."""
    return attrs.evolve(settings, project_root=settings.project_root or Path.cwd())


def _stdin(stdin_filename: str, settings: CheckSettings) -> FileResult:
    loaded = read_stdin(stdin_filename, settings)
    if isinstance(loaded, FileResult):
        return loaded
    return check(loaded, stdin_settings(settings)).files[0]


def gather(
    paths: Sequence[str],
    stdin_filename: str,
    project_root: Path | None,
    limits: Limits | None = None,
    library: SourceLibrary | None = None,
) -> Gathered:
    """Check every claim file named by ``paths``; missing arguments are reported on stderr.
    ``limits`` are the configured input limits (default: the nearest configuration's);
    ``library`` the shared source library the files may cite (its files are left out)."""
    found = discover(paths)
    if library is not None:
        own = library.paths
        found = attrs.evolve(
            found, files=tuple(f for f in found.files if os.path.abspath(f) not in own)
        )
    unmatched = report_unmatched(found)
    if limits is None:
        from claimtrack.cli import exit_codes
        from claimtrack.config import load_config
        from claimtrack.errors import ConfigError

        try:
            limits = load_config().limits
        except ConfigError as error:
            click.echo(f"claimtrack: {error}", err=True)
            sys.exit(exit_codes.USAGE)
    settings = CheckSettings(project_root=project_root, limits=limits, library=library)
    progress = Progress(len(found.files), sys.stderr)
    results: list[FileResult] = []
    try:
        for name in found.files:
            if name == STDIN:
                results.append(_stdin(stdin_filename, settings))
            else:
                results.extend(check(name, settings).files)
            progress.advance()
    finally:
        progress.close()
    unreadable = any(f.code == UNREADABLE.code for r in results for f in r.findings)
    return Gathered(tuple(results), unmatched or unreadable or not found.files)

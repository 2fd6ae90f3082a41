"""Turning PATH arguments into checked results for ``report`` and ``export``: files, folders,
globs and "-" (standard input), with a progress line on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import attrs
import click

from claimtrack.batch import check
from claimtrack.cli.progress import Progress
from claimtrack.errors import LoadError
from claimtrack.io.discover import STDIN, discover
from claimtrack.io.load import LoadedDocument, load_bytes
from claimtrack.results import FileResult
from claimtrack.rules import UNREADABLE
from claimtrack.settings import CheckSettings

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


def _stdin(stdin_filename: str, settings: CheckSettings) -> FileResult:
    loaded = read_stdin(stdin_filename, settings)
    return loaded if isinstance(loaded, FileResult) else check(loaded, settings).files[0]


def gather(paths: Sequence[str], stdin_filename: str, project_root: Path | None) -> Gathered:
    """Check every claim file named by ``paths``; missing arguments are reported on stderr."""
    found = discover(paths)
    for missing in found.missing:
        click.echo(f"claimtrack: {missing}: no such file, folder or match", err=True)
    settings = CheckSettings(project_root=project_root)
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
    return Gathered(tuple(results), bool(found.missing) or unreadable or not found.files)

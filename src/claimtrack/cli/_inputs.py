"""Turning PATH arguments into checked results for ``report`` and ``export``: files, folders,
globs and "-" (standard input), with a progress line on a terminal."""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import click

from claimtrack.batch import check
from claimtrack.cli import exit_codes
from claimtrack.cli._unmatched import report_unmatched
from claimtrack.cli.progress import Progress
from claimtrack.errors import LoadError
from claimtrack.io.discover import STDIN, Discovery, discover
from claimtrack.io.load import LoadedDocument, load_bytes
from claimtrack.results import FileResult
from claimtrack.rules import UNREADABLE
from claimtrack.settings import CheckSettings

if TYPE_CHECKING:
    from claimtrack.config import Config
    from claimtrack.validate.library import SourceLibrary

__all__ = [
    "Gathered",
    "Stream",
    "discover_claim_files",
    "discover_without_library",
    "gather",
    "nearest_config",
    "read_stdin",
    "stream",
]


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


class Stream:
    """The results of the claim files PATH arguments name, one at a time in argument
    order, each checked when it is asked for (so a caller that keeps only what it needs of
    each one holds one file at a time). ``failed`` is whether any argument or file could
    not be read, known once every result has been given."""

    def __init__(
        self, names: Sequence[str], unmatched: bool, settings: CheckSettings, stdin_filename: str
    ) -> None:
        self.names = names
        self.failed = unmatched or not names
        self._settings = settings
        self._stdin_filename = stdin_filename

    def __iter__(self) -> Iterator[FileResult]:
        progress = Progress(len(self.names), sys.stderr)
        try:
            for name in self.names:
                if name == STDIN:
                    results = [_stdin(self._stdin_filename, self._settings)]
                else:
                    results = list(check(name, self._settings).files)
                while results:  # handed over one by one, none kept here once given
                    result = results.pop(0)
                    if any(f.code == UNREADABLE.code for f in result.findings):
                        self.failed = True
                    yield result
                    del result
                progress.advance()
        finally:
            progress.close()


def nearest_config() -> Config:
    """The nearest configuration; one that cannot be read stops the run (exit 2)."""
    from claimtrack.config import load_config
    from claimtrack.errors import ConfigError

    try:
        return load_config()
    except ConfigError as error:
        click.echo(f"claimtrack: {error}", err=True)
        sys.exit(exit_codes.USAGE)


def _leave_out(found: Discovery, own: Collection[str]) -> Discovery:
    """``found`` less the files in ``own`` (absolute paths); standard input is kept."""
    files = tuple(f for f in found.files if f == STDIN or os.path.abspath(f) not in own)
    return attrs.evolve(found, files=files)


def discover_claim_files(
    paths: Sequence[str], library: SourceLibrary | None, config: Config | None = None
) -> Discovery:
    """The files ``paths`` name, found as ``check`` finds them, less the shared source
    library's own files and those the configuration's ``exclude`` patterns name."""
    found = _less_excluded(discover(paths), config)
    return found if library is None else _leave_out(found, library.paths)


def _less_excluded(found: Discovery, config: Config | None) -> Discovery:
    """``found`` less the files ``config``'s ``exclude`` patterns name, as ``check`` leaves
    them out (named on the command line or found in a folder alike)."""
    if config is None or not config.exclude:
        return found
    return attrs.evolve(found, files=tuple(f for f in found.files if not config.is_excluded(f)))


def discover_without_library(paths: Sequence[str], config: Config | None = None) -> Discovery:
    """The files ``paths`` name, less the files of the shared source library the nearest
    configuration names and those its ``exclude`` patterns name: for commands that read
    claims but not the library (``anchor``, ``match``), so the library is found by its
    patterns and never loaded. A configuration that cannot be read stops the run (exit 2)."""
    from claimtrack.io.library import library_paths

    if config is None:
        config = nearest_config()
    found = _less_excluded(discover(paths), config)
    if not config.sources:
        return found
    patterns = [item.pattern for item in config.sources]
    own = {path for matched in library_paths(patterns, config.folder) for path in matched}
    claims = _leave_out(found, own)
    if found.files and not claims.files:
        click.echo(
            "claimtrack: the files named are the shared source library's, which hold no"
            " claims; name the claim files (`claimtrack check` checks the library)",
            err=True,
        )
        sys.exit(exit_codes.USAGE)
    return claims


def stream(
    paths: Sequence[str],
    stdin_filename: str,
    project_root: Path | None,
    config: Config | None = None,
    library: SourceLibrary | None = None,
    *,
    leave_out: Collection[str] = (),
) -> Stream:
    """The claim files named by ``paths``, to be checked one at a time as they are read
    from the stream; missing arguments are reported on stderr at once. ``config`` gives
    the input limits and the files left out (``exclude``); default: the nearest
    configuration. ``library`` is the shared source library the files may cite (its files
    are left out); ``leave_out`` more files to leave out (absolute paths: the command's own
    outputs)."""
    if config is None:
        config = nearest_config()
    found = _leave_out(discover_claim_files(paths, library, config), leave_out)
    unmatched = report_unmatched(found)
    settings = CheckSettings(project_root=project_root, limits=config.limits, library=library)
    return Stream(found.files, unmatched, settings, stdin_filename)


def gather(
    paths: Sequence[str],
    stdin_filename: str,
    project_root: Path | None,
    config: Config | None = None,
    library: SourceLibrary | None = None,
) -> Gathered:
    """Check every claim file named by ``paths``; missing arguments are reported on stderr.
    ``config`` and ``library`` as for :func:`stream`."""
    results = stream(paths, stdin_filename, project_root, config, library)
    return Gathered(tuple(results), results.failed)

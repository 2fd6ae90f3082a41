"""``claimtrack report --format html -o FOLDER/``: when a report becomes a corpus site, and
writing one."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import inert

if TYPE_CHECKING:
    from claimtrack.config import Config
    from claimtrack.render.site.write import Pages
    from claimtrack.validate.library import SourceLibrary

__all__ = ["count_files", "is_site_output", "make_site", "processors"]

_PAGE_SUFFIXES = (".html", ".htm")


def is_site_output(output: str, files: int, *, force: bool = False) -> bool:
    """Whether an HTML report to ``output`` of ``files`` claim files is a site (a folder)
    rather than one page: when ``force``d, when ``output`` ends with a slash or is an
    existing folder, or when there are several files and ``output`` does not end in .html or
    .htm. One file to ``report.html`` stays the one page it always was, and ``-`` is
    standard output."""
    if output == "-":
        return False
    if force or output.endswith(("/", os.sep)) or Path(output).is_dir():
        return True
    return files > 1 and not output.lower().endswith(_PAGE_SUFFIXES)


def count_files(paths: Sequence[str]) -> int:
    """How many claim files ``paths`` name (``-`` counts as one)."""
    from claimtrack.io.discover import discover

    return len(discover(paths).files)


def processors() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def make_site(
    paths: Sequence[str],
    stdin_filename: str,
    project_root: Path | None,
    config: Config,
    jobs: int,
    docs_url: str | None,
    library: SourceLibrary | None,
    output: str,
    *,
    match: bool,
    threshold: float | None,
) -> bool:
    """Write the site of every claim file ``paths`` name to the folder ``output``, each
    file checked and its page made in one of ``jobs`` worker processes (standard input in
    this one) and written as it comes; whether any argument or file could not be read.
    ``config`` gives the input limits and the files left out (``exclude``); ``library`` is
    the shared source library the files may cite (its files are left out). Exits 2 with
    one line saying why when there is nothing to report or the site cannot be written."""
    import functools

    from claimtrack.cli._inputs import discover_claim_files, gather
    from claimtrack.cli._unmatched import report_unmatched
    from claimtrack.io.discover import STDIN
    from claimtrack.render.report.model import build_report
    from claimtrack.render.site.documents import iter_documents
    from claimtrack.render.site.html import document_template
    from claimtrack.settings import CheckSettings

    found = discover_claim_files(paths, library, config)
    documents: Pages | Callable[[str], Pages]
    if STDIN in found.files:
        gathered = gather(paths, stdin_filename, project_root, config, library)
        if not gathered.results:
            sys.exit(exit_codes.USAGE)
        failed = gathered.failed
        report = build_report(gathered.results)
        names = [d.path for d in report.documents]
        documents = ((d, document_template(d, docs_url)) for d in report.documents)
    else:
        failed = report_unmatched(found)
        if not found.files:
            sys.exit(exit_codes.USAGE)
        settings = CheckSettings(project_root=project_root, limits=config.limits, library=library)
        names = list(found.files)
        documents = functools.partial(iter_documents, names, settings, jobs, docs_url)
    written = _write(output, documents, names, match=match, threshold=threshold, library=library)
    return failed or written


def _write(
    output: str,
    documents: Pages | Callable[[str], Pages],
    names: Sequence[str],
    *,
    match: bool,
    threshold: float | None,
    library: SourceLibrary | None,
) -> bool:
    """Write the site of ``documents`` (of the files ``names``) to the folder ``output``;
    whether a file could not be read. Exits 2 with one line saying why when it cannot be
    written."""
    from claimtrack._version import __version__
    from claimtrack.corpus.match import DEFAULT_THRESHOLD
    from claimtrack.errors import ClaimtrackError
    from claimtrack.io.reasons import read_failure
    from claimtrack.render.site import last_changes
    from claimtrack.render.site.write import write_site

    marker = (
        f"Made by claimtrack {__version__} (claimtrack report --format html);"
        " replaced whole on each run.\n"
    )
    try:
        written = write_site(
            output,
            documents,
            marker,
            threshold=(DEFAULT_THRESHOLD if threshold is None else threshold) if match else None,
            last_changes=last_changes(name for name in names if not name.startswith("<")),
            library_ids=library.ids if library is not None else (),
        )
    except ClaimtrackError as error:
        click.echo(inert(f"claimtrack: {error}"), err=True)
        sys.exit(exit_codes.USAGE)
    except OSError as error:
        message = f"claimtrack: cannot write the site {output}: {read_failure(error)}"
        click.echo(inert(message), err=True)
        sys.exit(exit_codes.USAGE)
    folder = output.rstrip("/" + os.sep) or output
    message = f"claimtrack: wrote {written.pages} pages to {folder}/ (start at {folder}/index.html)"
    click.echo(inert(message), err=True)
    return written.unreadable

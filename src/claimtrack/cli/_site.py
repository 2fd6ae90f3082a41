"""``claimtrack report --format html -o FOLDER/``: when a report becomes a corpus site, and
writing one."""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import inert

if TYPE_CHECKING:
    from claimtrack.io.limits import Limits
    from claimtrack.render.report.model import Report
    from claimtrack.validate.library import SourceLibrary

__all__ = ["count_files", "is_site_output", "processors", "site_report", "write_site"]

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


def site_report(
    paths: Sequence[str],
    stdin_filename: str,
    project_root: Path | None,
    limits: Limits,
    jobs: int,
    docs_url: str | None,
    library: SourceLibrary | None = None,
) -> tuple[Report, tuple[str, ...] | None, bool]:
    """The report of every claim file ``paths`` name, each checked and reported in one of
    ``jobs`` worker processes (standard input in this one), the documents' pages made there
    (None when they were not), and whether any argument or file could not be read.
    ``library`` is the shared source library the files may cite (its files are left out)."""
    from claimtrack.cli._inputs import discover_claim_files, gather
    from claimtrack.cli._unmatched import report_unmatched
    from claimtrack.io.discover import STDIN
    from claimtrack.render.report.model import build_report
    from claimtrack.render.site.documents import report_files
    from claimtrack.rules import UNREADABLE
    from claimtrack.settings import CheckSettings

    found = discover_claim_files(paths, library)
    if STDIN in found.files:
        gathered = gather(paths, stdin_filename, project_root, limits, library)
        if not gathered.results:
            sys.exit(exit_codes.USAGE)
        return build_report(gathered.results), None, gathered.failed
    unmatched = report_unmatched(found)
    if not found.files:
        sys.exit(exit_codes.USAGE)
    settings = CheckSettings(project_root=project_root, limits=limits, library=library)
    reported = report_files(found.files, settings, jobs, docs_url)
    documents = reported.report.documents
    unreadable = any(f.code == UNREADABLE.code for d in documents for f in d.findings)
    return reported.report, reported.templates, unmatched or unreadable


def write_site(
    report: Report,
    templates: tuple[str, ...] | None,
    output: str,
    docs_url: str | None,
    *,
    match: bool,
    threshold: float | None,
    library_ids: Collection[str] = (),
) -> None:
    """Build the site of ``report`` and replace the folder ``output`` with it; exit 2 with
    one line saying why when it cannot be written."""
    from claimtrack._version import __version__
    from claimtrack.corpus.match import DEFAULT_THRESHOLD
    from claimtrack.errors import ClaimtrackError
    from claimtrack.io.folder import write_folder
    from claimtrack.io.reasons import read_failure
    from claimtrack.render.site import build_site, last_changes, render_site, repeat_links

    files = [(d.path, d.claim_file) for d in report.documents if d.claim_file is not None]
    links = repeat_links(
        files, threshold=(DEFAULT_THRESHOLD if threshold is None else threshold) if match else None
    )
    changes = last_changes(d.path for d in report.documents if not d.path.startswith("<"))
    site = build_site(report, links, changes, library_ids)
    marker = (
        f"Made by claimtrack {__version__} (claimtrack report --format html);"
        " replaced whole on each run.\n"
    )
    try:
        count = write_folder(output, render_site(site, docs_url, templates), marker)
    except ClaimtrackError as error:
        click.echo(inert(f"claimtrack: {error}"), err=True)
        sys.exit(exit_codes.USAGE)
    except OSError as error:
        message = f"claimtrack: cannot write the site {output}: {read_failure(error)}"
        click.echo(inert(message), err=True)
        sys.exit(exit_codes.USAGE)
    folder = output.rstrip("/" + os.sep) or output
    message = f"claimtrack: wrote {count} pages to {folder}/ (start at {folder}/index.html)"
    click.echo(inert(message), err=True)

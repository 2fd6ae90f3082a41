"""``claimtrack report --format html -o FOLDER/``: when a report becomes a corpus site, and
writing one."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import inert
from claimtrack.render.report.model import Report
from claimtrack.results import FileResult

__all__ = ["is_site_output", "write_site"]

_PAGE_SUFFIXES = (".html", ".htm")


def is_site_output(output: str, files: int, *, force: bool = False) -> bool:
    """Whether an HTML report to ``output`` of ``files`` claim files is a site (a folder)
    rather than one page: when ``force``d, when ``output`` ends with a slash or is an
    existing folder, or when there are several files and ``output`` does not end in .html or
    .htm. One file to ``report.html`` stays the one page it always was."""
    if force or output.endswith(("/", os.sep)) or Path(output).is_dir():
        return True
    return files > 1 and not output.lower().endswith(_PAGE_SUFFIXES)


def write_site(
    report: Report,
    results: Sequence[FileResult],
    output: str,
    docs_url: str | None,
    *,
    match: bool,
    threshold: float | None,
) -> None:
    """Build the site of ``report`` and replace the folder ``output`` with it; exit 2 with
    one line saying why when it cannot be written."""
    from claimtrack._version import __version__
    from claimtrack.corpus.match import DEFAULT_THRESHOLD
    from claimtrack.errors import ClaimtrackError
    from claimtrack.io.folder import write_folder
    from claimtrack.io.reasons import read_failure
    from claimtrack.render.site import build_site, last_changes, render_site, repeat_links

    files = [(r.path, r.claim_file) for r in results if r.claim_file is not None]
    links = repeat_links(
        files, threshold=(DEFAULT_THRESHOLD if threshold is None else threshold) if match else None
    )
    changes = last_changes(r.path for r in results if not r.path.startswith("<"))
    site = build_site(report, links, changes)
    marker = (
        f"Made by claimtrack {__version__} (claimtrack report --format html);"
        " replaced whole on each run.\n"
    )
    try:
        count = write_folder(output, render_site(site, docs_url), marker)
    except ClaimtrackError as error:
        click.echo(inert(f"claimtrack: {error}"), err=True)
        sys.exit(exit_codes.USAGE)
    except OSError as error:
        click.echo(
            inert(f"claimtrack: cannot write the site {output}: {read_failure(error)}"), err=True
        )
        sys.exit(exit_codes.USAGE)
    folder = output.rstrip("/" + os.sep) or output
    click.echo(
        inert(f"claimtrack: wrote {count} pages to {folder}/ (start at {folder}/index.html)"),
        err=True,
    )

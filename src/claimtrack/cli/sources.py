"""``claimtrack sources``: fetch source snapshots (``fetch``) and check links (``check``).
These are the only commands that use the network, and only when run."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimtrack.cli import exit_codes

if TYPE_CHECKING:
    from claimtrack.fetch import FetchResult

_FETCH_HELP = (
    "Exit codes: 0 every selected source fetched or skipped; 1 a source could not be fetched;"
    " 2 usage or I/O error, a claim file that cannot be read or rewritten, or the fetch extra"
    " missing."
)


@click.group("sources")
def sources_group() -> None:
    """Fetch snapshots of the sources claim files cite, and check their links."""


def _targets(paths: tuple[str, ...]) -> tuple[list[str], bool]:
    from claimtrack.io.discover import STDIN, discover

    found = discover(paths)
    for missing in found.missing:
        click.echo(f"claimtrack: {missing}: no such file, folder or match", err=True)
    if STDIN in found.files:
        raise click.UsageError("claimtrack sources rewrites files: '-' cannot be used.")
    return list(found.files), bool(found.missing)


@sources_group.command("fetch", epilog=_FETCH_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--source", "source_ids", multiple=True, metavar="ID", help="Fetch only this source (repeat)."
)
@click.option("--refresh", is_flag=True, help="Replace snapshots the sources already have.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=20.0,
    show_default=True,
    help="Seconds one URL may take, redirects and body included.",
)
@click.option(
    "--project-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder nothing may be written outside of (default: the nearest folder above the"
    " claim file holding .git, pyproject.toml or claimtrack.toml).",
)
@click.option("-q", "--quiet", count=True, help="Print only problems.")
def fetch_command(
    paths: tuple[str, ...],
    source_ids: tuple[str, ...],
    refresh: bool,
    timeout: float,
    project_root: Path | None,
    quiet: int,
) -> None:
    """Fetch each source's URL, keep its readable text and its raw response (a WARC file)
    under snapshots/sources/ beside the claim file, and record the snapshot in the claim
    file, keeping its comments and formatting."""
    from claimtrack.cli.progress import Progress
    from claimtrack.fetch import FetchSettings, HttpSettings, MissingExtra, fetch_claim_file

    files, usage_problem = _targets(paths)
    settings = FetchSettings(
        http=HttpSettings(timeout=timeout),
        sources=frozenset(source_ids) if source_ids else None,
        refresh=refresh,
        project_root=project_root,
    )
    failed = False
    progress = Progress(len(files), sys.stderr, label="fetching from", unit="files")
    try:
        for name in files:
            try:
                result = fetch_claim_file(name, settings)
            except MissingExtra as error:
                progress.close()
                click.echo(f"claimtrack: {error}", err=True)
                sys.exit(exit_codes.USAGE)
            progress.advance()
            failed |= _show_fetch(result, quiet)
            usage_problem |= result.error is not None
    finally:
        progress.close()
    if usage_problem:
        sys.exit(exit_codes.USAGE)
    sys.exit(exit_codes.FINDINGS if failed else exit_codes.OK)


def _show_fetch(result: FetchResult, quiet: int) -> bool:
    """Print what happened to one claim file; whether a source failed."""
    from claimtrack.fetch import FetchStatus

    failed = False
    counts: dict[str, int] = {}
    for outcome in result.outcomes:
        counts[str(outcome.status)] = counts.get(str(outcome.status), 0) + 1
        loc = outcome.location
        where = f"{loc.path}:{loc.line}:{loc.column}"
        if outcome.status is FetchStatus.FAILED:
            failed = True
            click.echo(f"{where}: source {outcome.source_id!r} not fetched: {outcome.message}")
        elif not quiet:
            click.echo(f"{where}: source {outcome.source_id!r} {outcome.status}: {outcome.message}")
    if result.error is not None:
        click.echo(f"claimtrack: {result.path}: {result.error}", err=True)
    if not quiet:
        summary = ", ".join(f"{n} {what}" for what, n in sorted(counts.items())) or "no sources"
        written = "; claim file updated" if result.rewritten else ""
        click.echo(f"{result.path}: {summary}{written}")
    return failed

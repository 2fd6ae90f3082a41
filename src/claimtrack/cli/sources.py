"""``claimtrack sources``: fetch source snapshots (``fetch``) and check links (``check``).
These are the only commands that use the network, and only when run."""

from __future__ import annotations

import sys
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import inert

if TYPE_CHECKING:
    from claimtrack.fetch import FetchResult

_FETCH_HELP = (
    "Exit codes: 0 every selected source fetched or skipped; 1 a source could not be fetched"
    " or archived; 2 usage or I/O error, a claim file that cannot be read or rewritten, or the"
    " fetch extra missing."
)


@click.group("sources")
def sources_group() -> None:
    """Fetch snapshots of the sources claim files cite, and check their links."""


def _targets(paths: tuple[str, ...]) -> tuple[list[str], bool]:
    from claimtrack.cli._unmatched import report_unmatched
    from claimtrack.io.discover import STDIN, discover

    found = discover(paths)
    # As check: a path that does not exist, or a folder or glob naming no claim file, is
    # reported and exits 2 (the other paths are still read).
    unmatched = report_unmatched(found)
    if STDIN in found.files:
        raise click.UsageError("claimtrack sources rewrites files: '-' cannot be used.")
    return list(found.files), unmatched


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
@click.option(
    "--archive",
    is_flag=True,
    help="Also ask the Internet Archive's Save Page Now to capture each URL without an"
    " archive_url, and record the capture's address as archive_url.",
)
@click.option(
    "--archive-endpoint",
    metavar="URL",
    default="https://web.archive.org/save",
    show_default=True,
    help="The Save Page Now endpoint --archive asks.",
)
@click.option(
    "--archive-keys",
    envvar="CLAIMTRACK_ARCHIVE_KEYS",
    metavar="ACCESS:SECRET",
    help="archive.org S3 keys for Save Page Now (or the CLAIMTRACK_ARCHIVE_KEYS variable).",
)
@click.option("-q", "--quiet", count=True, help="Print only problems.")
def fetch_command(
    paths: tuple[str, ...],
    source_ids: tuple[str, ...],
    refresh: bool,
    timeout: float,
    project_root: Path | None,
    archive: bool,
    archive_endpoint: str,
    archive_keys: str | None,
    quiet: int,
) -> None:
    """Fetch each source's URL, keep its readable text and its raw response (a WARC file)
    under snapshots/sources/ beside the claim file, and record the snapshot in the claim
    file, keeping its comments and formatting."""
    from claimtrack.cli.progress import Progress
    from claimtrack.fetch import (
        ArchiveSettings,
        FetchSettings,
        HttpSettings,
        MissingExtra,
        fetch_claim_file,
    )

    _quiet_pdf_warnings()
    if urllib.parse.urlsplit(archive_endpoint).scheme not in ("http", "https"):
        raise click.BadParameter("an http or https URL is needed", param_hint="--archive-endpoint")
    from claimtrack.cli._inputs import nearest_config

    files, usage_problem = _targets(paths)
    archiving = ArchiveSettings(endpoint=archive_endpoint.rstrip("/"), keys=archive_keys or None)
    settings = FetchSettings(
        archive=archiving if archive else None,
        http=HttpSettings(timeout=timeout),
        sources=frozenset(source_ids) if source_ids else None,
        refresh=refresh,
        project_root=project_root,
        limits=nearest_config().limits,  # claim files read within the configured limits
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


def _quiet_pdf_warnings() -> None:
    """pypdf logs a warning for each flaw of a damaged PDF it reads; the outcome line says
    what matters, so the warnings are kept off the terminal."""
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)


def _show_fetch(result: FetchResult, quiet: int) -> bool:
    """Print what happened to one claim file; whether a source failed."""
    from claimtrack.fetch import FetchStatus

    failed = False
    counts: dict[str, int] = {}
    for outcome in result.outcomes:
        counts[str(outcome.status)] = counts.get(str(outcome.status), 0) + 1
        loc = outcome.location
        where = f"{loc.path}:{loc.line}:{loc.column}"
        if outcome.status in (FetchStatus.FAILED, FetchStatus.NOT_ARCHIVED):
            failed = True
            what = "not fetched" if outcome.status is FetchStatus.FAILED else "not archived"
            click.echo(f"{where}: source {outcome.source_id!r} {what}: {outcome.message}")
        elif not quiet:
            click.echo(f"{where}: source {outcome.source_id!r} {outcome.status}: {outcome.message}")
    if result.error is not None:
        click.echo(f"claimtrack: {result.path}: {result.error}", err=True)
    if not quiet:
        summary = ", ".join(f"{n} {what}" for what, n in sorted(counts.items())) or "no sources"
        written = "; claim file updated" if result.rewritten else ""
        click.echo(f"{result.path}: {summary}{written}")
    return failed


_CHECK_HELP = (
    "Exit codes: 0 nothing at or above the fail level; 1 findings at or above it (dead links,"
    " changed sources); 2 usage or I/O error, or a claim file that cannot be read."
)


@sources_group.command("check", epilog=_CHECK_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--online", is_flag=True, help="Use the network (required: nothing else is done).")
@click.option("--strict", is_flag=True, help="Call a link dead at its first failure.")
@click.option(
    "--state",
    "state_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file remembering failures between runs (default: .claimtrack/link-state.json"
    " in the project folder).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "sarif"]),
    default="text",
    show_default=True,
    help="Output format (the same as check's).",
)
@click.option(
    "--fail-level",
    type=click.Choice(["error", "warning", "info"]),
    default="warning",
    show_default=True,
    help="The least severity that makes the exit code 1.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=20.0,
    show_default=True,
    help="Seconds one URL may take.",
)
def check_command(
    paths: tuple[str, ...],
    online: bool,
    strict: bool,
    state_path: Path | None,
    fmt: str,
    fail_level: str,
    timeout: float,
) -> None:
    """Report dead links (repeated failures days apart, or at once with --strict), soft
    404s, and sources whose text changed since their full snapshot."""
    from claimtrack._convert import structure
    from claimtrack.errors import LoadError
    from claimtrack.fetch import HttpSettings, MissingExtra
    from claimtrack.fetch.links import LinkSettings, LinkState, LinkStateError, check_links
    from claimtrack.findings import Severity
    from claimtrack.io.load import load_path
    from claimtrack.io.snapshot import find_project_root
    from claimtrack.results import FileResult
    from claimtrack.schema import CLAIM_FILE_SCHEMA as CLAIM_FILE
    from claimtrack.schema import SOURCE_LIBRARY_SCHEMA
    from claimtrack.validate import schema_findings
    from claimtrack.validate.library import is_library_data, library_records

    _quiet_pdf_warnings()
    if not online:
        raise click.UsageError(
            "sources check uses the network only when asked: pass --online (offline, 'claimtrack"
            " check' verifies quotes against the snapshots)."
        )
    files, usage_problem = _targets(paths)
    if not files:
        sys.exit(exit_codes.USAGE)
    state_file = state_path or (
        find_project_root(Path(files[0]).parent) / ".claimtrack" / "link-state.json"
    )
    try:
        state = LinkState.load(state_file)
    except LinkStateError as error:  # left as it is: its history is not written over
        click.echo(inert(f"claimtrack: {error}"), err=True)
        sys.exit(exit_codes.USAGE)
    from claimtrack.cli._inputs import nearest_config

    settings = LinkSettings(http=HttpSettings(timeout=timeout), strict=strict)
    limits = nearest_config().limits  # claim files read within the configured limits
    results: list[FileResult] = []
    for name in files:
        try:
            document = load_path(name, limits=limits)
        except LoadError as error:
            results.append(FileResult(path=name, findings=error.findings))
            continue
        library = is_library_data(document.data)  # a shared source library file
        problems = schema_findings(document, SOURCE_LIBRARY_SCHEMA if library else CLAIM_FILE)
        records = library_records(document) if library and not problems else ()
        if isinstance(records, list):
            problems = records
        if problems:
            results.append(FileResult(path=name, findings=tuple(problems)))
            continue
        assert isinstance(records, tuple)  # noqa: S101 (a list was handled above)
        sources = list(records if library else structure(document.data).sources)
        try:
            found = check_links(document, sources, state, settings)
        except MissingExtra as error:
            click.echo(f"claimtrack: {error}", err=True)
            sys.exit(exit_codes.USAGE)
        ordered = tuple(sorted(found, key=lambda f: f.sort_key))
        results.append(FileResult(path=document.path, findings=ordered))
    try:
        state.save(state_file)
    except OSError as error:
        click.echo(f"claimtrack: cannot write {state_file}: {error.strerror}", err=True)
        usage_problem = True
    from claimtrack.cli.check import _render  # the same output formats as check

    click.echo(_render(results, fmt, False, 1, False), nl=False)
    if usage_problem:
        sys.exit(exit_codes.USAGE)
    least = Severity(fail_level)
    worst = [f for r in results for f in r.findings if f.severity.rank >= least.rank]
    sys.exit(exit_codes.FINDINGS if worst else exit_codes.OK)

"""``claimtrack export``: ClaimReview, CSL-JSON, Web Annotation, Hypothesis or PROV-JSON."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.options import config_option
from claimtrack.cli.output import emit, inert

if TYPE_CHECKING:
    from claimtrack.cli._inputs import Stream
    from claimtrack.config import Config
    from claimtrack.results import FileResult

_EXIT_HELP = (
    "Exit codes: 0 written (findings in the files are part of the output, not a failure; "
    "warnings about what consumers will miss go to standard error); 1 some file is not a "
    "valid claim file, so it was left out (its errors are printed), or with --strict a "
    "ClaimReview lacks its url or author (nothing is written); 2 usage, configuration or I/O "
    "problem (a path that matches nothing, a file that cannot be read)."
)

_TARGETS = ("claimreview", "csl-json", "web-annotation", "hypothesis", "prov-json", "sqlite")


@click.command("export", epilog=_EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-t",
    "--to",
    "target",
    type=click.Choice(_TARGETS),
    required=True,
    help="claimreview: schema.org ClaimReview JSON-LD; csl-json: the sources as CSL-JSON;"
    " web-annotation: W3C Web Annotation JSON-LD of the anchors; hypothesis: a file the"
    " Hypothesis client imports; prov-json: W3C PROV-JSON of the provenance; sqlite: one"
    " SQLite database for Datasette and SQL (needs -o), with Datasette metadata beside it"
    " (FILE's name with .metadata.yml).",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically).")
@click.option(
    "--review-url",
    metavar="URL",
    help="claimreview: the page publishing the reviews; each review's url is URL#claim-id"
    " (default: review-url in the configuration).",
)
@click.option(
    "--reviewer",
    metavar="NAME",
    help="claimreview: who publishes the reviews (default: reviewer in the configuration).",
)
@click.option(
    "--reviewer-url",
    metavar="URL",
    help="claimreview: the reviewer's home page (default: reviewer-url in the configuration).",
)
@click.option(
    "--reviewer-type",
    type=click.Choice(["Organization", "Person"]),
    help="claimreview: the reviewer's schema.org type  [default: reviewer-type in the"
    " configuration, else Organization]",
)
@click.option(
    "--strict",
    is_flag=True,
    help="claimreview: exit 1, writing nothing, when a review would lack its url or author.",
)
@click.option(
    "--hypothesis-user",
    metavar="ACCOUNT",
    help="hypothesis: the account the annotations name, as acct:NAME@AUTHORITY.",
)
@config_option
@click.option("--stdin-filename", default="<stdin>", show_default=True, help="Name for '-' input.")
@click.option(
    "--project-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that snapshot paths may not leave.",
)
def export_command(
    paths: tuple[str, ...],
    target: str,
    output: str | None,
    review_url: str | None,
    reviewer: str | None,
    reviewer_url: str | None,
    reviewer_type: str | None,
    strict: bool,
    hypothesis_user: str | None,
    config_file: Path | None,
    stdin_filename: str,
    project_root: Path | None,
) -> None:
    """Export claim files to other tools' formats. PATH may be a file, a folder, a glob or
    '-'."""
    from claimtrack.cli._inputs import gather, stream
    from claimtrack.config import load_config
    from claimtrack.errors import ConfigError
    from claimtrack.render.links import safe_url
    from claimtrack.render.report.model import build_report

    for option, value in (("--review-url", review_url), ("--reviewer-url", reviewer_url)):
        if value is not None and safe_url(value) is None:
            raise click.BadParameter("give an absolute http(s) URL", param_hint=option)
    if hypothesis_user is not None:
        from claimtrack.export.hypothesis import ACCOUNT_PATTERN

        if not ACCOUNT_PATTERN.match(hypothesis_user):
            raise click.BadParameter(
                "give a Hypothesis account such as acct:name@hypothes.is",
                param_hint="--hypothesis-user",
            )
    try:
        config = load_config(config_file)
    except ConfigError as error:
        click.echo(f"claimtrack: {error}", err=True)
        sys.exit(exit_codes.USAGE)
    from claimtrack.cli._library import shared_library

    library = shared_library(config)
    if target == "sqlite":
        if output in (None, "-"):
            raise click.UsageError("--to sqlite writes a database file: give -o FILE.")
        metadata = _metadata_path(Path(output))
        # The export's own metadata file is never one of its inputs (a re-run over the folder
        # it was written into would read it as a claim file).
        own = (os.path.abspath(metadata),)
        results = stream(paths, stdin_filename, project_root, config, library, leave_out=own)
        if not results.names:
            _nothing_to_export()
        refused_any = _export_sqlite(results, Path(output))
        _warn_if_found_as_claim_file(metadata, paths, config)
        if results.failed:
            sys.exit(exit_codes.USAGE)
        sys.exit(exit_codes.FINDINGS if refused_any else exit_codes.OK)
    gathered = gather(paths, stdin_filename, project_root, config, library)
    if not gathered.results:
        _nothing_to_export()
    refused = _refused(gathered.results)
    report = build_report(gathered.results)
    if target == "claimreview":
        from claimtrack.export.claimreview import ClaimReviewSettings, render_claimreview
        from claimtrack.export.claimreview_gaps import claimreview_gaps

        settings = ClaimReviewSettings(
            review_url=review_url or config.review_url,
            reviewer=reviewer or config.reviewer,
            reviewer_url=reviewer_url or config.reviewer_url,
            reviewer_type=reviewer_type or config.reviewer_type or "Organization",
        )
        gaps = claimreview_gaps(report, settings)
        for gap in gaps:
            click.echo(f"claimtrack: warning: {gap}", err=True)
        if strict and any(gap.fails_strict for gap in gaps):
            click.echo("claimtrack: --strict: nothing written", err=True)
            sys.exit(exit_codes.FINDINGS)
        text = render_claimreview(report, settings)
    elif target == "csl-json":
        from claimtrack.export.csl import render_csl

        text = render_csl(report)
    elif target == "web-annotation":
        from claimtrack.export.webannotation import render_web_annotation

        text = render_web_annotation(report)
    elif target == "hypothesis":
        from datetime import UTC, datetime

        from claimtrack.export.hypothesis import hypothesis_gaps, render_hypothesis

        for missing in hypothesis_gaps(report, hypothesis_user):
            click.echo(f"claimtrack: warning: {missing}", err=True)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        text = render_hypothesis(report, hypothesis_user, now)
    else:
        from claimtrack.export.prov import render_prov

        text = render_prov(report)
    emit(text, output, inputs=[result.path for result in gathered.results])
    if gathered.failed:
        sys.exit(exit_codes.USAGE)
    sys.exit(exit_codes.FINDINGS if refused else exit_codes.OK)


def _metadata_path(output: Path) -> Path:
    """Where the Datasette metadata of the database ``output`` is written, beside it."""
    return output.with_name(output.stem + ".metadata.yml")


def _warn_if_found_as_claim_file(path: Path, paths: Sequence[str], config: Config) -> None:
    """Say so on stderr when ``path`` (a file the export wrote) lies where ``paths`` find
    claim files and the configuration does not exclude it: ``check`` would read it as one."""
    from claimtrack.cli._inputs import discover_claim_files

    written = os.path.abspath(path)
    found = discover_claim_files(paths, None, config).files
    if any(os.path.abspath(name) == written for name in found):
        click.echo(
            inert(
                f"claimtrack export: note: {path.as_posix()} is where {' '.join(paths)} finds"
                " claim files, so `check` would read it as one: add it to `exclude` in the"
                " configuration, or write the database elsewhere"
            ),
            err=True,
        )


def _nothing_to_export() -> NoReturn:
    click.echo("claimtrack: nothing to export: no claim files were found", err=True)
    sys.exit(exit_codes.USAGE)


def _export_sqlite(results: Stream, output: Path) -> bool:
    """Write the database, one claim file at a time, and its Datasette metadata; exit 2
    with a message if either cannot be written. Files that are not valid claim files are
    named on stderr as they come (their findings are still in the database); whether there
    was any (exit 1, as for every export)."""
    import yaml

    from claimtrack.export.sqlite import DatabaseError, datasette_metadata, export_database
    from claimtrack.io.atomic import write_atomic

    metadata_file = _metadata_path(output)
    if metadata_file.exists() and not metadata_file.is_file():
        # Found now, not after the database is written without its metadata.
        click.echo(
            inert(
                f"claimtrack export: {metadata_file.as_posix()}, where the Datasette metadata"
                " of the database goes, is not a regular file; move it aside or choose"
                " another output path"
            ),
            err=True,
        )
        sys.exit(exit_codes.USAGE)
    refused = [0, 0]  # files refused, files in all

    def documents() -> Iterator[FileResult]:
        # The database needs no report of each file: its rows come from the check results.
        for result in results:
            refused[0] += _say_refused(result)
            refused[1] += 1
            yield result
            del result  # not held while the next file is checked

    try:
        summary = export_database(documents(), output)
        metadata = yaml.safe_dump(
            datasette_metadata(output.stem), sort_keys=False, allow_unicode=True, width=100
        )
        write_atomic(metadata_file, metadata)
    except DatabaseError as error:
        click.echo(f"claimtrack export: {error}", err=True)
        sys.exit(exit_codes.USAGE)
    except OSError as error:
        click.echo(
            f"claimtrack export: cannot write {error.filename or output}:"
            f" {error.strerror or error}",
            err=True,
        )
        sys.exit(exit_codes.USAGE)
    if refused[0] and refused[0] == refused[1]:
        click.echo("claimtrack: nothing was exported", err=True)
    counts = summary.counts

    def count(table: str, noun: str) -> str:
        number = counts.get(table, 0)
        return f"{number} {noun}" + ("" if number == 1 else "es" if noun == "match" else "s")

    click.echo(
        f"claimtrack export: {output}: {count('documents', 'document')},"
        f" {count('claims', 'claim')}, {count('sources', 'source')},"
        f" {count('matches', 'match')}; Datasette metadata in {metadata_file}",
        err=True,
    )
    return refused[0] > 0


def _refused(results: Sequence[FileResult]) -> bool:
    """Say on stderr which files cannot be exported (they do not load, or are not
    schema-valid), with their errors; whether there was any."""
    refused = False
    for result in results:
        refused = _say_refused(result) or refused
    if refused and all(result.claim_file is None for result in results):
        click.echo("claimtrack: nothing was exported", err=True)
    return refused


def _say_refused(result: FileResult) -> bool:
    """If ``result``'s file cannot be exported, say so on stderr with its errors; whether
    it cannot."""
    from claimtrack.findings import Severity
    from claimtrack.render.findings.text import TextStyle, render_finding

    if result.claim_file is not None:
        return False
    click.echo(
        inert(f"claimtrack: {result.path}: not exported: it is not a valid claim file"),
        err=True,
    )
    for finding in result.findings:
        if finding.severity is Severity.ERROR:
            click.echo(render_finding(finding, TextStyle()), err=True)
    return True

"""``claimtrack report``: a citation report in Markdown, HTML, JSON or CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.options import config_option
from claimtrack.cli.output import emit

_EXIT_HELP = (
    "Exit codes: 0 written (findings in the files are part of the output, not a failure); "
    "2 usage or I/O problem (a path that matches nothing, a file that cannot be read)."
)

_FORMATS = ("md", "html", "json", "csv")


@click.command("report", epilog=_EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(_FORMATS),
    default="md",
    show_default=True,
    help="md: GitHub-flavoured Markdown; html: one self-contained page; json: versioned data"
    " (see `claimtrack schema --which report`); csv: one row per claim.",
)
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE (atomically).")
@click.option(
    "--stdin-filename",
    default="<stdin>",
    show_default=True,
    help="Name for '-' input; its suffix picks the format and its folder is where a relative"
    " snapshot path starts.",
)
@click.option(
    "--project-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that snapshot paths may not leave (default: nearest folder above the claim"
    " file holding .git, pyproject.toml or claimtrack.toml).",
)
@config_option
def report_command(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    stdin_filename: str,
    project_root: Path | None,
    config_file: Path | None,
) -> None:
    """Render a citation report of claim files: each document's header, coverage figures,
    claims table, flags and numbered bibliography, with a to-do list on top and each claim's
    evidence (HTML adds the article text with every claim highlighted, filters and a
    per-source view). Set docs-url in the configuration to link each flag to its rule page.
    PATH may be a file, a folder, a glob or '-'."""
    from claimtrack.cli._inputs import gather
    from claimtrack.config import load_config
    from claimtrack.errors import ConfigError
    from claimtrack.render.report.model import build_report

    try:
        config = load_config(config_file)
    except ConfigError as error:
        click.echo(f"claimtrack: {error}", err=True)
        sys.exit(exit_codes.USAGE)
    from claimtrack.cli._library import shared_library

    gathered = gather(paths, stdin_filename, project_root, config.limits, shared_library(config))
    if not gathered.results:
        sys.exit(exit_codes.USAGE)
    report = build_report(gathered.results)
    # Where the documentation is published, as for SARIF: flags then link to their rule pages.
    docs_url = config.docs_url
    if output_format == "html":
        from claimtrack.render.report.html import render_html

        text = render_html(report, docs_url)
    elif output_format == "json":
        from claimtrack.render.report.json import render_report_json

        text = render_report_json(report)
    elif output_format == "csv":
        from claimtrack.render.report.csv import render_csv

        text = render_csv(report)
    else:
        from claimtrack.render.report.markdown import render_markdown

        text = render_markdown(report, docs_url)
    emit(text, output, inputs=[result.path for result in gathered.results])
    sys.exit(exit_codes.USAGE if gathered.failed else exit_codes.OK)

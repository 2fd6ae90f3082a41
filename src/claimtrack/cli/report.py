"""``claimtrack report``: a citation report in Markdown, HTML, JSON or CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimtrack.cli import exit_codes
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
def report_command(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    stdin_filename: str,
    project_root: Path | None,
) -> None:
    """Render a citation report of claim files: each document's header, coverage figures,
    claims table, flags and numbered bibliography (HTML adds the article text with every
    claim highlighted). PATH may be a file, a folder, a glob or '-'."""
    from claimtrack.cli._inputs import gather
    from claimtrack.render.report.model import build_report

    gathered = gather(paths, stdin_filename, project_root)
    if not gathered.results:
        sys.exit(exit_codes.USAGE)
    report = build_report(gathered.results)
    if output_format == "html":
        from claimtrack.render.report.html import render_html

        text = render_html(report)
    elif output_format == "json":
        from claimtrack.render.report.json import render_report_json

        text = render_report_json(report)
    elif output_format == "csv":
        from claimtrack.render.report.csv import render_csv

        text = render_csv(report)
    else:
        from claimtrack.render.report.markdown import render_markdown

        text = render_markdown(report)
    emit(text, output)
    sys.exit(exit_codes.USAGE if gathered.failed else exit_codes.OK)

"""``claimtrack report``: a citation report in Markdown, HTML, JSON or CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimtrack.cli import exit_codes
from claimtrack.cli._site import count_files, is_site_output, processors
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
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write the report to FILE (atomically). With --format html, a FILE ending in '/',"
    " an existing folder, or (for several claim files) a name without .html or .htm gets a"
    " site: a folder of linked pages (see --site).",
)
@click.option(
    "--site",
    "force_site",
    is_flag=True,
    help="With --format html, write a site to the folder -o names whatever its name: an"
    " index of the documents, a page per document, per source and per repeated claim.",
)
@click.option(
    "--match-threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Site only: the lowest `claimtrack match` score that makes two claims one repeated"
    " claim, from 0 to 1 (default 0.8).",
)
@click.option(
    "--accepted-only",
    is_flag=True,
    help="Site only: repeated claims are only those the files link by 'same_as'; nothing is"
    " matched.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Site only: worker processes checking and reporting the files (default: the"
    " processors available).",
)
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
    force_site: bool,
    match_threshold: float | None,
    accepted_only: bool,
    jobs: int | None,
) -> None:
    """Render a citation report of claim files: each document's header, coverage figures,
    claims table, flags and numbered bibliography, with a to-do list on top and each claim's
    evidence (HTML adds the article text with every claim highlighted, filters and a
    per-source view). Set docs-url in the configuration to link each flag to its rule page.
    PATH may be a file, a folder, a glob or '-'. With --format html and -o FOLDER/ it
    writes a corpus site instead: see --site."""
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

    library = shared_library(config)
    if force_site and (output_format != "html" or output in (None, "-")):
        raise click.UsageError("--site needs --format html and -o FOLDER.")
    # Where the documentation is published, as for SARIF: flags then link to their rule pages.
    docs_url = config.docs_url
    if (
        output_format == "html"
        and output is not None
        and is_site_output(output, count_files(paths), force=force_site)
    ):
        from claimtrack.cli._site import make_site

        failed = make_site(
            paths,
            stdin_filename,
            project_root,
            config,
            jobs or processors(),
            docs_url,
            library,
            output,
            match=not accepted_only,
            threshold=match_threshold,
        )
        sys.exit(exit_codes.USAGE if failed else exit_codes.OK)
    if match_threshold is not None or accepted_only or jobs is not None:
        raise click.UsageError(
            "--match-threshold, --accepted-only and --jobs apply to a site only (see --site)."
        )
    gathered = gather(paths, stdin_filename, project_root, config, library)
    if not gathered.results:
        sys.exit(exit_codes.USAGE)
    report = build_report(gathered.results)
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

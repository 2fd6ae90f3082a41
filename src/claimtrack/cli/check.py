"""``claimtrack check``: parse, validate and lint claim files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import emit, use_colour, verbosity

_SEVERITIES = ("error", "warning", "info")


@click.command("check", epilog=exit_codes.HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", metavar="FILE", help="Write results to FILE (atomically).")
@click.option(
    "--fail-level",
    type=click.Choice(_SEVERITIES),
    default="warning",
    show_default=True,
    help="Exit 1 when a finding is at least this severe.",
)
@click.option(
    "--stdin-filename",
    default="<stdin>",
    show_default=True,
    help="Name for '-' input in findings; its suffix picks the format and its folder is"
    " where a relative snapshot path starts.",
)
@click.option(
    "--project-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that snapshot paths may not leave (default: nearest folder above the claim"
    " file holding .git, pyproject.toml or claimtrack.toml).",
)
@click.option(
    "--color",
    "--colour",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour text output (NO_COLOR in the environment turns it off).",
)
@click.option("-v", "--verbose", count=True, help="Say more.")
@click.option("-q", "--quiet", count=True, help="-q drops the summary; -qq prints nothing.")
def check_command(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    fail_level: str,
    stdin_filename: str,
    project_root: Path | None,
    colour: str,
    verbose: int,
    quiet: int,
) -> None:
    """Check claim files: PATH may be a file, a folder (searched for *.yaml, *.yml and
    *.json), a glob, or '-' for standard input."""
    from claimtrack.check import CheckSettings, FileResult, check
    from claimtrack.errors import LoadError
    from claimtrack.findings import Severity
    from claimtrack.io.discover import STDIN, discover
    from claimtrack.io.load import LoadedDocument, load_bytes
    from claimtrack.rules import UNREADABLE

    found = discover(paths)
    for missing in found.missing:
        click.echo(f"claimtrack: {missing}: no such file, folder or match", err=True)
    settings = CheckSettings(project_root=project_root)
    inputs: list[str | LoadedDocument] = []
    results: dict[int, FileResult] = {}
    for index, name in enumerate(found.files):
        if name != STDIN:
            inputs.append(name)
            continue
        stdin_path = Path(stdin_filename) if stdin_filename != "<stdin>" else None
        try:
            inputs.append(
                load_bytes(
                    sys.stdin.buffer.read(),
                    stdin_filename,
                    limits=settings.limits,
                    file_path=stdin_path,
                )
            )
        except LoadError as error:
            results[index] = FileResult(path=stdin_filename, findings=error.findings)
            inputs.append(stdin_filename)
    checked = check([item for i, item in enumerate(inputs) if i not in results], settings)
    queue = iter(checked.files)
    ordered = [results[i] if i in results else next(queue) for i in range(len(inputs))]

    level = verbosity(verbose, quiet)
    coloured = False
    if level >= 0:
        if output_format == "json":
            from claimtrack.report.json import render_json

            text = render_json(ordered)
        else:
            from claimtrack.report.text import TextStyle, render_text

            coloured = output in (None, "-") and use_colour(colour)
            style = TextStyle(
                colour=coloured,
                hints=level >= 1,
                summary=level >= 1,
            )
            text = render_text(ordered, style)
        emit(text, output, colour=coloured)

    threshold = Severity(fail_level).rank
    findings = [finding for result in ordered for finding in result.findings]
    if found.missing or any(finding.code == UNREADABLE.code for finding in findings):
        sys.exit(exit_codes.USAGE)
    if any(finding.severity.rank >= threshold for finding in findings):
        sys.exit(exit_codes.FINDINGS)
    sys.exit(exit_codes.OK)

"""``claimtrack schema``: print or write the published JSON Schema."""

from __future__ import annotations

import click

from claimtrack.cli.output import emit

_NAMES = {
    "claim-file": "claim-file.schema.json",
    "check-output": "check-output.schema.json",
    "diff-output": "diff-output.schema.json",
    "report": "report.schema.json",
}


@click.command("schema")
@click.option(
    "--which",
    type=click.Choice(sorted(_NAMES)),
    default="claim-file",
    show_default=True,
    help="Which schema: of claim files, or of the --format json output of `check`,"
    " `report` or `diff`.",
)
@click.option(
    "-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout."
)
def schema_command(which: str, output: str | None) -> None:
    """Print the JSON Schema (Draft 2020-12) that claim files follow."""
    from claimtrack.schema import schema_text

    emit(schema_text(_NAMES[which]), output)

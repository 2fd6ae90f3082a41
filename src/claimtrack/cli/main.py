"""The ``claimtrack`` command group."""

from __future__ import annotations

import os
import sys
import traceback
from typing import Any

import click

from claimtrack._version import __version__
from claimtrack.cli import exit_codes

__all__ = ["cli", "main"]


@click.group(
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=exit_codes.HELP,
)
@click.version_option(
    __version__, "--version", prog_name="claimtrack", message="%(prog)s %(version)s"
)
def cli() -> None:
    """Track the claims an article makes and the sources behind them."""


def _register() -> None:
    from claimtrack.cli.anchor import anchor_command
    from claimtrack.cli.check import check_command
    from claimtrack.cli.export import export_command
    from claimtrack.cli.extract import extract_command
    from claimtrack.cli.report import report_command
    from claimtrack.cli.rules import rules_command
    from claimtrack.cli.schema import schema_command

    cli.add_command(anchor_command)
    cli.add_command(check_command)
    cli.add_command(rules_command)
    cli.add_command(report_command)
    cli.add_command(export_command)
    cli.add_command(extract_command)
    cli.add_command(schema_command)


_register()


def main(argv: list[str] | None = None) -> Any:
    """Run the command line; unexpected errors exit 2 with one line, not a traceback."""
    try:
        return cli.main(args=argv, prog_name="claimtrack", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as error:  # the last line of defence: report, don't crash
        if os.environ.get("CLAIMTRACK_DEBUG"):
            traceback.print_exc()
        click.echo(
            f"claimtrack: internal error: {type(error).__name__}: {error}"
            " (set CLAIMTRACK_DEBUG=1 for details, and please report it)",
            err=True,
        )
        sys.exit(exit_codes.USAGE)

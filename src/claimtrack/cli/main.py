"""The ``claimtrack`` command group."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Any

import click

from claimtrack._version import __version__
from claimtrack.cli import exit_codes

__all__ = ["cli", "main", "run"]


# Each command's module is imported only when that command runs (or --help lists them), so
# `claimtrack --version` and a hook over one file do not pay for the others.
_COMMANDS = {
    "anchor": ("claimtrack.cli.anchor", "anchor_command", "Verify, fill and re-anchor quotes."),
    "check": ("claimtrack.cli.check", "check_command", "Parse, validate and lint claim files."),
    "diff": ("claimtrack.cli.diff", "diff_command", "Show what a change does to claim files."),
    "export": ("claimtrack.cli.export", "export_command", "Export to interchange formats."),
    "extract": ("claimtrack.cli.extract", "extract_command", "Draft a claim file from a text."),
    "import": ("claimtrack.cli.imports", "import_group", "Make claim files from other records."),
    "match": ("claimtrack.cli.match", "match_command", "Find the same claim across files."),
    "log": ("claimtrack.cli.log", "log_command", "Show the history of one claim."),
    "init": ("claimtrack.cli.init", "init_command", "Start a claim file for an article."),
    "report": ("claimtrack.cli.report", "report_command", "Render a citation report."),
    "review": ("claimtrack.cli.review", "review_command", "Sign off verified claims."),
    "rules": ("claimtrack.cli.rules", "rules_command", "List the rules or explain one."),
    "schema": ("claimtrack.cli.schema", "schema_command", "Print the JSON Schema."),
    "sources": ("claimtrack.cli.sources", "sources_group", "Fetch sources, check their links."),
}


class _LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = _COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, attribute, _summary = entry
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The listing uses the short summaries above, so --help imports no command module.
        rows = [(name, summary) for name, (_m, _a, summary) in sorted(_COMMANDS.items())]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog=exit_codes.HELP,
)
@click.version_option(
    __version__, "--version", prog_name="claimtrack", message="%(prog)s %(version)s"
)
def cli() -> None:
    """Track the claims an article makes and the sources behind them."""


# A run builds many small objects that are never part of reference cycles (parsed data,
# records, findings); collecting the youngest generation less often saves a fifth of the time
# on large inputs, and a short-lived process gives the memory back when it exits.
_GC_THRESHOLD = 100_000


def main(argv: list[str] | None = None) -> Any:
    """Run the command line; unexpected errors exit 2 with one line, not a traceback."""
    _threshold, *older = gc.get_threshold()
    gc.set_threshold(_GC_THRESHOLD, *older)
    try:
        return cli.main(args=argv, prog_name="claimtrack", standalone_mode=True)
    except SystemExit:
        raise
    except Exception as error:  # the last line of defence: report, don't crash
        if os.environ.get("CLAIMTRACK_DEBUG"):
            import traceback

            traceback.print_exc()
        click.echo(
            f"claimtrack: internal error: {type(error).__name__}: {error}"
            " (set CLAIMTRACK_DEBUG=1 for details, and please report it)",
            err=True,
        )
        sys.exit(exit_codes.USAGE)


def run() -> None:
    """The console script (and ``python -m claimtrack``): :func:`main`, then end the process
    at once.

    A large check leaves millions of small objects behind (parsed data, records, findings);
    freeing them one by one at exit takes a noticeable part of the run (0.45 s of a 100,000
    claim file). The exit's traceback still holds them, so once the output is flushed the
    process ends without that teardown and the system takes the memory back whole. Should
    flushing fail (a closed pipe), the exit takes Python's usual way instead.
    """
    # The cyclic collector is off for the whole run. A check builds millions of small
    # objects on a large input (parsed data, records, findings) and none of them form
    # reference cycles, so reference counting frees them all; the collector would only walk
    # them again and again (a quarter of the time on a 100,000-claim file). The process is
    # short-lived and ends below without tearing down what it made. This is the program's
    # choice, made here at its entry: the library never touches the collector.
    gc.disable()
    try:
        main()
    except SystemExit as done:
        code = done.code
        if (code is None or isinstance(code, int)) and _flushed():
            os._exit(code or 0)
        raise


def _flushed() -> bool:
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None when the process was started without it
                stream.flush()
    except (OSError, ValueError):  # a closed pipe or stream: let Python report it
        return False
    return True

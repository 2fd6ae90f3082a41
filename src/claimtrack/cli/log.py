"""``claimtrack log``: the history of one claim through the repository's commits."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import emit
from claimtrack.cli.review import _fail, one_holder, report_problems


@click.command(
    "log",
    epilog="Exit codes: 0 the history was shown; 2 usage, git or I/O error, or a version of"
    " the file that could not be read (named on stderr, after the rest of the history).",
)
@click.argument("claim_id", metavar="CLAIM_ID")
@click.argument("path", required=False, metavar="[PATH]")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(("text", "json")),
    default="text",
    show_default=True,
    help="text for people, json for programs.",
)
@click.option("-o", "--output", metavar="FILE", help="Write the history to FILE (atomically).")
def log_command(claim_id: str, path: str | None, output_format: str, output: str | None) -> None:
    """Show when a claim changed, by whose commit, and what changed (as 'diff' names it),
    newest first. PATH is the claim file, or a folder to find it in (default: the current
    folder)."""
    import os

    from claimtrack.cli.diff import diff_settings
    from claimtrack.errors import ClaimtrackError
    from claimtrack.io.discover import discover
    from claimtrack.review.diff import DiffError
    from claimtrack.review.git import Repository
    from claimtrack.review.history import claim_history
    from claimtrack.review.locate import holders

    # Every version is read within the configured limits and judged by the configured rules
    # and shared source library, as diff judges it.
    try:
        settings = diff_settings(None, (), (), (), cache=False, cache_dir=None)
    except ClaimtrackError as error:
        _fail(str(error))
    limits = settings.check.limits
    target = path or "."
    if not Path(target).exists():
        _fail(f"{target}: no such file or folder")
    if Path(target).is_dir():
        found = holders(discover([target]).files, [claim_id], limits)
        if found.problems:
            report_problems(found.problems, "no history was shown")
        target = one_holder(claim_id, found.files[claim_id], "the claim's file as PATH")
    try:
        repository = Repository.find(Path(target).absolute())
        root = repository.root.resolve()
        absolute = Path(os.path.abspath(target)).resolve()
        if not absolute.is_relative_to(root):
            raise DiffError(f"{target} is outside the repository {root.as_posix()}")
        history = claim_history(
            repository, claim_id, absolute.relative_to(root).as_posix(), settings
        )
    except ClaimtrackError as error:
        _fail(str(error))
    if not history.entries and not history.problems:
        _fail(f"no commit changed claim {claim_id!r} in {Path(target).as_posix()}")
    if history.entries:
        from claimtrack.render.findings.history import render_history_json, render_history_text

        render = render_history_json if output_format == "json" else render_history_text
        emit(render(claim_id, history.entries), output, inputs=[target])
    if history.problems:
        for sha, problem in history.problems:
            loc = problem.location
            click.echo(
                f"claimtrack: {loc.path}:{loc.line}:{loc.column}: {problem.code}"
                f" {problem.message} (in commit {sha[:12]})",
                err=True,
            )
        _fail(
            "the history leaves out the commits at which the file could not be read; if it"
            " is meant to be that large or deep, raise the configured limits"
        )
    sys.exit(exit_codes.OK)

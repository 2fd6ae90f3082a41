"""``claimtrack log``: the history of one claim through the repository's commits."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import emit
from claimtrack.cli.review import _fail, one_holder


@click.command("log", epilog="Exit codes: 0 the history was shown; 2 usage, git or I/O error.")
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

    from claimtrack.errors import ClaimtrackError
    from claimtrack.io.discover import discover
    from claimtrack.review.diff import DiffError
    from claimtrack.review.git import Repository
    from claimtrack.review.history import claim_history
    from claimtrack.review.locate import holders

    target = path or "."
    if not Path(target).exists():
        _fail(f"{target}: no such file or folder")
    if Path(target).is_dir():
        found = discover([target]).files
        target = one_holder(
            claim_id, holders(found, [claim_id])[claim_id], "the claim's file as PATH"
        )
    try:
        repository = Repository.find(Path(target).absolute())
        root = repository.root.resolve()
        absolute = Path(os.path.abspath(target)).resolve()
        if not absolute.is_relative_to(root):
            raise DiffError(f"{target} is outside the repository {root.as_posix()}")
        entries = claim_history(repository, claim_id, absolute.relative_to(root).as_posix())
    except ClaimtrackError as error:
        _fail(str(error))
    if not entries:
        _fail(f"no commit changed claim {claim_id!r} in {Path(target).as_posix()}")
    from claimtrack.render.findings.history import render_history_json, render_history_text

    render = render_history_json if output_format == "json" else render_history_text
    emit(render(claim_id, entries), output, inputs=[target])
    sys.exit(exit_codes.OK)

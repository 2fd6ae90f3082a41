"""What every command says of the arguments that named no claim file, and of the folders it
could not read."""

from __future__ import annotations

import click

from claimtrack.cli.output import inert
from claimtrack.io.discover import Discovery, nothing_found

__all__ = ["report_unmatched"]


def report_unmatched(
    found: Discovery, *, allow_empty: bool = False, can_allow_empty: bool = False
) -> bool:
    """Say on stderr which arguments named nothing and which folders could not be read;
    whether that is a usage error (exit 2).

    A path that does not exist always is, and so is a folder that cannot be listed (its
    files would be skipped silently). A folder or glob that holds no claim file is one too (a
    CI job pointed at the wrong folder must not pass on nothing), unless the caller allows an
    empty run (``check --allow-empty``); only a command that has that option
    (``can_allow_empty``) names it in the message.
    """
    for missing in found.missing:
        click.echo(inert(f"claimtrack: {missing}: no such file, folder or match"), err=True)
    for folder, reason in found.unreadable:
        click.echo(inert(f"claimtrack: {folder}: cannot read the folder: {reason}"), err=True)
    problems = bool(found.missing or found.unreadable)
    if allow_empty:
        return problems
    allow = " or pass --allow-empty if an empty run is intended" if can_allow_empty else ""
    for empty in found.empty:
        click.echo(inert(f"claimtrack: {nothing_found(empty)}; check the path{allow}"), err=True)
    return problems or bool(found.empty)

"""What every command says of the arguments that named no claim file."""

from __future__ import annotations

import click

from claimtrack.io.discover import Discovery, nothing_found

__all__ = ["report_unmatched"]


def report_unmatched(found: Discovery, *, allow_empty: bool = False) -> bool:
    """Say on stderr which arguments named nothing; whether that is a usage error (exit 2).

    A path that does not exist always is. A folder or glob that holds no claim file is one
    too (a CI job pointed at the wrong folder must not pass on nothing), unless the caller
    allows an empty run (``check --allow-empty``).
    """
    for missing in found.missing:
        click.echo(f"claimtrack: {missing}: no such file, folder or match", err=True)
    if allow_empty:
        return bool(found.missing)
    for empty in found.empty:
        click.echo(
            f"claimtrack: {nothing_found(empty)}; check the path, or pass --allow-empty"
            " to `claimtrack check` if an empty run is intended",
            err=True,
        )
    return bool(found.missing or found.empty)

"""``claimtrack extract``: draft a claim file from an article."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from claimtrack.cli._article import article_options

_EXIT_HELP = (
    "Exit codes: 0 draft written; 2 unreadable article, bad option, or a file that would be"
    " overwritten."
)


@click.command("extract", epilog=_EXIT_HELP)
@article_options(
    "draft", "Publication date (YYYY-MM-DD): recorded, and the year of dates given without one."
)
@click.option(
    "--granularity",
    type=click.Choice(["fact", "sentence"]),
    default="fact",
    show_default=True,
    help="One draft claim per checkable fact (a figure, a date, an actor's act, each with its"
    " own anchor), or one per sentence.",
)
def extract_command(article: Path, granularity: str, **options: Any) -> None:
    """Draft a claim file from ARTICLE (plain text, Markdown or HTML): one unverified,
    unsourced claim per check-worthy statement, with anchors, attribution, hedges,
    quantities and dates, for a person to review."""
    import attrs

    from claimtrack._api import dumps
    from claimtrack.cli._article import prepare
    from claimtrack.extract import extract as draft
    from claimtrack.io.load import Format, detect_format

    prepared = prepare("extract", article, **options)
    out, snapshot = prepared.out, prepared.snapshot
    settings = attrs.evolve(prepared.settings, granularity=granularity)
    # Drafting builds millions of small objects and no reference cycles. The program (never
    # the library) pauses the cyclic collector meanwhile; the process ends soon after.
    import gc

    gc.disable()
    try:
        claim_file = draft(prepared.article, settings)
    finally:
        gc.enable()
    out_format = detect_format(out.name) if out is not None else Format.YAML
    text = dumps(claim_file, out_format)
    if out_format is Format.YAML:
        text = (
            f"# Draft by claimtrack extract from {' '.join(article.name.split())}: every claim is"
            " unverified and"
            " unsourced.\n# Review each one, cite sources, then run `claimtrack check`.\n" + text
        )
    from claimtrack.cli.output import emit

    emit(text, options["output"])
    worthy = sum(claim.check_worthy for claim in claim_file.claims)
    where = f" to {out}" if out is not None else ""
    click.echo(
        f"claimtrack extract: {len(claim_file.claims)} claims ({worthy} check-worthy){where};"
        f" snapshot {snapshot}",
        err=True,
    )

"""``claimtrack import``: claim files made from other tools' records."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import NoReturn

import click

from claimtrack.cli import exit_codes

_EXIT_HELP = (
    "Exit codes: 0 claim file written; 2 unreadable input, no ClaimReview in it, a bad option,"
    " or a file that would be overwritten."
)


def _fail(message: str) -> NoReturn:
    click.echo(f"claimtrack import: {message}", err=True)
    sys.exit(exit_codes.USAGE)


@click.group("import")
def import_group() -> None:
    """Make claim files from other tools' records."""


@import_group.command("claimreview", epilog=_EXIT_HELP)
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE")
@click.option("--id", "document_id", metavar="SLUG", help="Document id (default: from FILE).")
@click.option("--title", help="Document title (default: 'ClaimReview records from FILE's name').")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write the claim file to FILE (.yaml, .yml or .json); without it, to stdout.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing claim file.")
def claimreview_command(
    source: Path, document_id: str | None, title: str | None, output: str | None, force: bool
) -> None:
    """A claim file from schema.org ClaimReview JSON-LD (a .json/.jsonld file, or an HTML
    page with application/ld+json scripts): one claim per review, its verdict as the
    status and the review as its source."""
    from claimtrack._api import dumps
    from claimtrack.cli.output import emit
    from claimtrack.corpus.claimreview import ClaimReviewImportError, import_claimreview
    from claimtrack.io.article import ArticleReadError, read_article
    from claimtrack.io.load import Format, detect_format
    from claimtrack.model import ID_PATTERN

    try:
        text = read_article(source, command="claimtrack import claimreview")
    except ArticleReadError as error:
        _fail(str(error))
    slug = document_id or "-".join(re.findall(r"[a-z0-9]+", source.stem.lower()))[:100]
    if not re.match(ID_PATTERN, slug or "") or len(slug) > 100:
        _fail(f"--id {slug!r} is not a slug: use lower-case letters, digits and single hyphens")
    out = Path(output) if output not in (None, "-") else None
    if out is not None and out.exists() and not force:
        _fail(f"{out} exists; pass --force to replace it")
    try:
        imported = import_claimreview(
            text,
            document_id=slug,
            title=title or f"ClaimReview records from {' '.join(source.name.split())}",
        )
    except ClaimReviewImportError as error:
        _fail(error.located(str(source)))
    for why in imported.skipped:
        click.echo(f"claimtrack import: {source}: skipped {why}", err=True)
    out_format = detect_format(out.name) if out is not None else Format.YAML
    emit(dumps(imported.claim_file, out_format), output)
    count = len(imported.claim_file.claims)
    where = f" to {out}" if out is not None else ""
    noun = "claim" if count == 1 else "claims"
    click.echo(f"claimtrack import: {count} {noun} from {source}{where}", err=True)

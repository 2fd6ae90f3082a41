"""``claimtrack extract``: draft a claim file from an article."""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

import click

from claimtrack.cli import exit_codes

_FORMATS = ("auto", "text", "markdown", "html")
_SNAPSHOT_SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".txt"}


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:100].strip("-") or "document"


def _fail(message: str) -> NoReturn:
    click.echo(f"claimtrack extract: {message}", err=True)
    sys.exit(exit_codes.USAGE)


def _write_snapshot(path: Path, text: str, force: bool) -> str:
    """Write the snapshot unless an identical file is there; its SHA-256."""
    from claimtrack.io.atomic import write_atomic

    data = text.encode("utf-8")
    if path.exists():
        if path.read_bytes() == data:
            return hashlib.sha256(data).hexdigest()
        if not force:
            _fail(f"{path} exists with other text; choose another --snapshot or pass --force")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError as error:
        _fail(f"cannot write the snapshot {path}: {error.strerror or error}")
    return hashlib.sha256(data).hexdigest()


_EXIT_HELP = (
    "Exit codes: 0 draft written; 2 unreadable article, bad option, or a file that would be"
    " overwritten."
)


@click.command("extract", epilog=_EXIT_HELP)
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--id", "document_id", metavar="SLUG", help="Document id (default: from the file name)."
)
@click.option("--title", help="Document title (default: the article's heading or file name).")
@click.option(
    "-o",
    "--output",
    metavar="FILE",
    help="Write the draft to FILE (.yaml, .yml or .json) and the snapshot beside it;"
    " without it the draft goes to stdout.",
)
@click.option(
    "--snapshot",
    "snapshot_option",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="PATH",
    help="Where to write the article text the anchors refer to (default: beside FILE, named"
    " after it).",
)
@click.option(
    "--format",
    "input_format",
    type=click.Choice(_FORMATS),
    default="auto",
    show_default=True,
    help="Input format; auto goes by the suffix (.md, .html) and the content.",
)
@click.option(
    "--published",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="YYYY-MM-DD",
    help="Publication date (YYYY-MM-DD): recorded, and the year of dates given without one.",
)
@click.option(
    "--granularity",
    type=click.Choice(["fact", "sentence"]),
    default="fact",
    show_default=True,
    help="One draft claim per checkable fact (a figure, a date, an actor's act, each with its"
    " own anchor), or one per sentence.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing draft or snapshot.")
def extract_command(
    article: Path,
    document_id: str | None,
    title: str | None,
    output: str | None,
    snapshot_option: Path | None,
    input_format: str,
    published: datetime.datetime | None,
    granularity: str,
    force: bool,
) -> None:
    """Draft a claim file from ARTICLE (plain text, Markdown or HTML): one unverified,
    unsourced claim per check-worthy statement, with anchors, attribution, hedges,
    quantities and dates, for a person to review."""
    from claimtrack._api import dumps
    from claimtrack.anchor import normalize
    from claimtrack.extract import (
        ArticleFormat,
        ExtractSettings,
        detect_article_format,
        parse_article,
    )
    from claimtrack.extract import extract as draft
    from claimtrack.io.article import ArticleReadError, read_article
    from claimtrack.io.load import Format, detect_format
    from claimtrack.model import ID_PATTERN

    try:
        raw = read_article(article)
    except ArticleReadError as error:
        _fail(str(error))
    fmt = (
        detect_article_format(article.name, raw)
        if input_format == "auto"
        else ArticleFormat(input_format)
    )
    parsed = parse_article(raw, fmt)
    slug = document_id or _slug(article.stem)
    if not re.match(ID_PATTERN, slug) or len(slug) > 100:
        _fail(f"--id {slug!r} is not a slug: use lower-case letters, digits and single hyphens")
    out = Path(output) if output not in (None, "-") else None
    if out is not None and out.exists() and not force:
        _fail(f"{out} exists; pass --force to replace it (a draft would overwrite your edits)")
    base = out.parent if out is not None else Path.cwd()
    if snapshot_option is not None or out is not None:
        snapshot = snapshot_option or out.with_suffix(_SNAPSHOT_SUFFIX[fmt.value])  # type: ignore[union-attr]
        sha256 = _write_snapshot(snapshot, parsed.text, force)
    elif fmt is not ArticleFormat.HTML and normalize(raw) == raw:
        snapshot = article
        sha256 = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    else:
        _fail("give -o FILE or --snapshot PATH: the draft needs a copy of the article's text")
    relative = Path(os.path.relpath(snapshot.resolve(), base.resolve())).as_posix()
    settings = ExtractSettings(
        document_id=slug,
        title=title or parsed.title or article.stem.replace("-", " ").replace("_", " "),
        snapshot_path=relative,
        snapshot_sha256=sha256,
        published=published.date() if published else None,
        granularity=granularity,
    )
    claim_file = draft(parsed, settings)
    out_format = detect_format(out.name) if out is not None else Format.YAML
    text = dumps(claim_file, out_format)
    if out_format is Format.YAML:
        text = (
            f"# Draft by claimtrack extract from {' '.join(article.name.split())}: every claim is"
            " unverified and"
            " unsourced.\n# Review each one, cite sources, then run `claimtrack check`.\n" + text
        )
    from claimtrack.cli.output import emit

    if out is not None:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            _fail(f"cannot create the folder {out.parent}: {error.strerror or error}")
    emit(text, output)
    worthy = sum(claim.check_worthy for claim in claim_file.claims)
    where = f" to {out}" if out is not None else ""
    click.echo(
        f"claimtrack extract: {len(claim_file.claims)} claims ({worthy} check-worthy){where};"
        f" snapshot {snapshot}",
        err=True,
    )

"""From an article on disk to a document record: what ``extract`` and ``init`` share.

Both read the article (plain text, Markdown or HTML), keep its text as the snapshot the
anchors are counted in (copied beside the claim file, or the article itself when it is plain
text already normalised), and record the snapshot's path and SHA-256.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import attrs
import click

from claimtrack.cli import exit_codes

if TYPE_CHECKING:
    from claimtrack.extract import ArticleText, ExtractSettings

__all__ = ["FORMATS", "Prepared", "article_options", "fail", "prepare"]

FORMATS = ("auto", "text", "markdown", "html")
_SNAPSHOT_SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".txt"}


_F = TypeVar("_F", bound=Callable[..., Any])


def article_options(what: str, published_help: str) -> Callable[[_F], _F]:
    """ARTICLE and the options both commands take, ``what`` naming the file written."""

    def decorate(function: _F) -> _F:
        options = [
            click.argument("article", type=click.Path(dir_okay=False, path_type=Path)),
            click.option(
                "--id",
                "document_id",
                metavar="SLUG",
                help="Document id (default: from the file name).",
            ),
            click.option(
                "--title", help="Document title (default: the article's heading or file name)."
            ),
            click.option(
                "-o",
                "--output",
                metavar="FILE",
                help=f"Write the {what} to FILE (.yaml, .yml or .json) and the snapshot beside"
                f" it, creating missing folders; without it the {what} goes to stdout.",
            ),
            click.option(
                "--snapshot",
                "snapshot_option",
                type=click.Path(dir_okay=False, path_type=Path),
                metavar="PATH",
                help="Where to write the article text the anchors refer to (default: beside"
                " FILE, named after it; without -o, a plain-text article is its own snapshot).",
            ),
            click.option(
                "--format",
                "input_format",
                type=click.Choice(FORMATS),
                default="auto",
                show_default=True,
                help="Input format; auto goes by the suffix (.md, .html) and the content.",
            ),
            click.option(
                "--published",
                type=click.DateTime(formats=["%Y-%m-%d"]),
                metavar="YYYY-MM-DD",
                help=published_help,
            ),
            click.option(
                "--force", is_flag=True, help=f"Overwrite an existing {what} or snapshot."
            ),
        ]
        for option in reversed(options):
            function = option(function)
        return function

    return decorate


def fail(command: str, message: str) -> NoReturn:
    """One line on stderr naming the command, then exit 2."""
    click.echo(f"claimtrack {command}: {message}", err=True)
    sys.exit(exit_codes.USAGE)


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:100].strip("-") or "document"


def _write_snapshot(command: str, path: Path, text: str, force: bool) -> str:
    """Write the snapshot unless an identical file is there; its SHA-256."""
    from claimtrack.cli.output import write_output
    from claimtrack.io.regular import NotRegularFileError, read_regular

    data = text.encode("utf-8")
    if path.exists():
        try:  # only a regular file, and no more of it than the snapshot's own length
            same = read_regular(path, len(data)) == data
        except NotRegularFileError as error:
            fail(command, f"{path}: {error.strerror}; choose another --snapshot")
        except (OSError, ValueError):  # longer than the snapshot (TooLargeError), unreadable
            same = False
        if same:
            return hashlib.sha256(data).hexdigest()
        if not force:
            fail(
                command, f"{path} exists with other text; choose another --snapshot or pass --force"
            )
    write_output(path, data)
    return hashlib.sha256(data).hexdigest()


@attrs.frozen
class Prepared:
    """The parsed article, the document's settings, and where the claim file goes."""

    article: ArticleText
    settings: ExtractSettings
    out: Path | None
    snapshot: Path


def prepare(
    command: str,
    article: Path,
    *,
    document_id: str | None,
    title: str | None,
    output: str | None,
    snapshot_option: Path | None,
    input_format: str,
    published: datetime.datetime | None,
    force: bool,
) -> Prepared:
    """Read the article, write its snapshot (unless the article is one), and settle the
    document's id, title and snapshot record; exit 2 with a message if any of it fails."""
    from claimtrack.anchor import normalize
    from claimtrack.extract import (
        ArticleFormat,
        ExtractSettings,
        detect_article_format,
        parse_article,
    )
    from claimtrack.io.article import ArticleReadError, read_article
    from claimtrack.model import ID_PATTERN

    try:
        raw = read_article(article, command=f"claimtrack {command}")
    except ArticleReadError as error:
        fail(command, str(error))
    fmt = (
        detect_article_format(article.name, raw)
        if input_format == "auto"
        else ArticleFormat(input_format)
    )
    parsed = parse_article(raw, fmt)
    slug = document_id or _slug(article.stem)
    if not re.match(ID_PATTERN, slug) or len(slug) > 100:
        fail(
            command,
            f"--id {slug!r} is not a slug: use lower-case letters, digits and single hyphens",
        )
    out = Path(output) if output not in (None, "-") else None
    if out is not None and out.exists() and not force:
        fail(command, f"{out} exists; pass --force to replace it (it would overwrite your edits)")
    base = out.parent if out is not None else Path.cwd()
    if snapshot_option is not None or out is not None:
        snapshot = snapshot_option or out.with_suffix(_SNAPSHOT_SUFFIX[fmt.value])  # type: ignore[union-attr]
        sha256 = _write_snapshot(command, snapshot, parsed.text, force)
    elif fmt is not ArticleFormat.HTML and normalize(raw) == raw:
        snapshot = article
        sha256 = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    else:
        fail(command, "give -o FILE or --snapshot PATH: the claim file needs a copy of the text")
    relative = Path(os.path.relpath(snapshot.resolve(), base.resolve())).as_posix()
    settings = ExtractSettings(
        document_id=slug,
        title=title or parsed.title or article.stem.replace("-", " ").replace("_", " "),
        snapshot_path=relative,
        snapshot_sha256=sha256,
        published=published.date() if published else parsed.published,
    )
    return Prepared(parsed, settings, out, snapshot)

"""``claimtrack init``: start a claim file for an article, valid from its first line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from claimtrack.cli._article import article_options

_EXIT_HELP = (
    "Exit codes: 0 claim file written; 2 unreadable article, bad option, or a file that would"
    " be overwritten."
)


@click.command("init", epilog=_EXIT_HELP)
@article_options("claim file", "Publication date (YYYY-MM-DD) of the document.")
def init_command(article: Path, **options: Any) -> None:
    """Start a claim file for ARTICLE (plain text, Markdown or HTML): the document record,
    its snapshot (the text anchors are counted in) with the snapshot's normalisation and
    SHA-256, and empty lists of sources and claims. It passes `claimtrack check` as written;
    after an intended edit of the snapshot, `claimtrack anchor --rehash` records the new
    hash."""
    from claimtrack._convert import unstructure
    from claimtrack.cli._article import prepare
    from claimtrack.cli.output import emit
    from claimtrack.io.load import Format, detect_format
    from claimtrack.io.yaml import dump_yaml
    from claimtrack.model import ClaimFile, Document, Method, Provenance, Snapshot, When

    prepared = prepare("init", article, **options)
    settings = prepared.settings
    document = Document(
        id=settings.document_id,
        title=settings.title,
        published=When(date=settings.published.isoformat()) if settings.published else None,
        snapshot=Snapshot(path=settings.snapshot_path or "", sha256=settings.snapshot_sha256 or ""),
        provenance=Provenance(recorded_at=settings.today.isoformat(), method=Method.MANUAL),
    )
    data: dict[str, Any] = unstructure(ClaimFile(document=document))
    # Spelled out, defaults included, so the file shows what each part is for.
    data["document"]["snapshot"]["normalization"] = document.snapshot.normalization.value  # type: ignore[union-attr]
    data["sources"] = []
    data["claims"] = []
    out_format = detect_format(prepared.out.name) if prepared.out is not None else Format.YAML
    if out_format is Format.JSON:
        import json

        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        text = (
            f"# Claim file for {' '.join(article.name.split())}, started by claimtrack init.\n"
            "# Add the sources and the claims; `claimtrack anchor --fill` counts each quote's\n"
            "# offsets, and `claimtrack anchor --rehash` records the snapshot's hash after an\n"
            "# intended edit of it. Then run `claimtrack check`.\n" + dump_yaml(data)
        )
    emit(text, options["output"])
    where = f" to {prepared.out}" if prepared.out is not None else ""
    click.echo(
        f"claimtrack init: claim file written{where}; snapshot {prepared.snapshot}", err=True
    )

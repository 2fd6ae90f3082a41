"""``claimtrack export``: ClaimReview, CSL-JSON, Web Annotation or PROV-JSON."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import emit

_EXIT_HELP = (
    "Exit codes: 0 written (findings in the files are part of the output, not a failure); "
    "2 usage or I/O problem (a path that matches nothing, a file that cannot be read)."
)

_TARGETS = ("claimreview", "csl-json", "web-annotation", "prov-json")


@click.command("export", epilog=_EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-t",
    "--to",
    "target",
    type=click.Choice(_TARGETS),
    required=True,
    help="claimreview: schema.org ClaimReview JSON-LD; csl-json: the sources as CSL-JSON;"
    " web-annotation: W3C Web Annotation JSON-LD of the anchors; prov-json: W3C PROV-JSON of"
    " the provenance.",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically).")
@click.option(
    "--review-url",
    metavar="URL",
    help="claimreview: the page publishing the reviews; each review's url is URL#claim-id.",
)
@click.option(
    "--reviewer",
    metavar="NAME",
    help="claimreview: the organisation publishing the reviews (default: each claim's verifier).",
)
@click.option("--reviewer-url", metavar="URL", help="claimreview: the reviewer's home page.")
@click.option("--stdin-filename", default="<stdin>", show_default=True, help="Name for '-' input.")
@click.option(
    "--project-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that snapshot paths may not leave.",
)
def export_command(
    paths: tuple[str, ...],
    target: str,
    output: str | None,
    review_url: str | None,
    reviewer: str | None,
    reviewer_url: str | None,
    stdin_filename: str,
    project_root: Path | None,
) -> None:
    """Export claim files to other tools' formats. PATH may be a file, a folder, a glob or
    '-'."""
    from claimtrack.cli._inputs import gather
    from claimtrack.render.report._links import safe_url
    from claimtrack.render.report.model import build_report

    for option, value in (("--review-url", review_url), ("--reviewer-url", reviewer_url)):
        if value is not None and safe_url(value) is None:
            raise click.BadParameter("give an absolute http(s) URL", param_hint=option)
    gathered = gather(paths, stdin_filename, project_root)
    if not gathered.results:
        sys.exit(exit_codes.USAGE)
    report = build_report(gathered.results)
    if target == "claimreview":
        from claimtrack.export.claimreview import ClaimReviewSettings, render_claimreview

        settings = ClaimReviewSettings(
            review_url=review_url, reviewer=reviewer, reviewer_url=reviewer_url
        )
        text = render_claimreview(report, settings)
    elif target == "csl-json":
        from claimtrack.export.csl import render_csl

        text = render_csl(report)
    elif target == "web-annotation":
        from claimtrack.export.webannotation import render_web_annotation

        text = render_web_annotation(report)
    else:
        from claimtrack.export.prov import render_prov

        text = render_prov(report)
    emit(text, output)
    sys.exit(exit_codes.USAGE if gathered.failed else exit_codes.OK)

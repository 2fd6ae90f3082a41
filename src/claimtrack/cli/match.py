"""``claimtrack match``: the same claim across documents, proposed, and recorded on request."""

from __future__ import annotations

import json
import sys

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import emit

_EXIT_HELP = (
    "Exit codes: 0 done (proposals are not failures); 2 usage or I/O problem (a path that"
    " matches nothing, a file that cannot be loaded or rewritten)."
)


@click.command("match", epilog=_EXIT_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Lowest score proposed, from 0 to 1 (default 0.8).",
)
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@click.option("-o", "--output", metavar="FILE", help="Write the proposals to FILE (atomically).")
@click.option(
    "--accept",
    is_flag=True,
    help="Record every proposal as 'same_as' links on both claims, rewriting the claim files"
    " in place (comments and formatting kept).",
)
def match_command(
    paths: tuple[str, ...],
    threshold: float | None,
    output_format: str,
    output: str | None,
    accept: bool,
) -> None:
    """Find claims that two or more documents make. PATH may be a file, a folder or a glob.
    Claims already linked by 'same_as' are listed as accepted."""
    from claimtrack.cli._inputs import discover_without_library, nearest_config
    from claimtrack.cli._unmatched import report_unmatched
    from claimtrack.corpus.links import apply_links, plan_links
    from claimtrack.corpus.match import DEFAULT_THRESHOLD
    from claimtrack.corpus.members import load_members
    from claimtrack.corpus.scan import scan
    from claimtrack.io.discover import STDIN

    # The shared source library's files hold sources, not claims: they are left out.
    config = nearest_config()  # its input limits too: files are read as check reads them
    found = discover_without_library(paths, config)
    # As check: a path that does not exist, or a folder or glob naming no claim file, is
    # reported and exits 2 (the other paths are still read).
    failed = report_unmatched(found)
    if not found.files:
        sys.exit(exit_codes.USAGE)
    if STDIN in found.files:
        raise click.UsageError("claimtrack match reads whole corpora: '-' cannot be used.")
    scanned = scan(found.files, config.limits)  # one file at a time; only the claims' features stay
    for problem in scanned.problems:
        loc = problem.location
        click.echo(
            f"{loc.path}:{loc.line}:{loc.column}: {problem.code} {problem.message}", err=True
        )
        failed = True
    proposals = scanned.index.propose(
        threshold=DEFAULT_THRESHOLD if threshold is None else threshold
    )
    accepted = {frozenset(pair) for pair in scanned.recorded()}
    new = [p for p in proposals if frozenset((p.claim, p.other)) not in accepted]
    if output_format == "json":
        data = {
            "version": 1,
            "proposals": [
                {
                    "claim": {"path": p.claim.path, "id": p.claim.claim_id},
                    "other": {"path": p.other.path, "id": p.other.claim_id},
                    "score": p.score,
                    "reason": p.reason,
                    "accepted": frozenset((p.claim, p.other)) in accepted,
                }
                for p in proposals
            ],
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    else:
        lines = [
            f"{p.score:.2f}  {p.claim.path}#{p.claim.claim_id}  =  {p.other.path}#"
            f"{p.other.claim_id}  ({p.reason})"
            + ("  [accepted]" if frozenset((p.claim, p.other)) in accepted else "")
            for p in proposals
        ]
        lines.append(
            f"{len(proposals)} matches in {scanned.files} files,"
            f" {len(proposals) - len(new)} already recorded."
        )
        text = "\n".join(lines) + "\n"
    emit(text, output, inputs=found.files)
    if accept and new:
        # Only the files that gain links are read again; each is rewritten only if it has
        # not changed since (one that no longer loads is reported and left alone).
        touched = sorted({ref.path for p in new for ref in (p.claim, p.other)})
        reread = load_members(touched, config.limits)
        for problem in reread.problems:
            click.echo(f"claimtrack: {problem.location.path}: {problem.message}", err=True)
            failed = True
        held = {member.path for member in reread.members}
        new = [p for p in new if p.claim.path in held and p.other.path in held]
        plans = plan_links(reread.members, new)
        for plan, why in apply_links(plans):
            click.echo(f"claimtrack: {plan.path}: {why}", err=True)
            failed = True
        written = sum(plan.added for plan in plans)
        click.echo(f"claimtrack: recorded {written} same_as links in {len(plans)} files", err=True)
    sys.exit(exit_codes.USAGE if failed else exit_codes.OK)

"""``claimtrack anchor``: verify, fill and re-anchor the quotes of claim files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.output import inert

if TYPE_CHECKING:
    from claimtrack.rewrite.anchors import AnchorPlan

_HELP = (
    "Exit codes: 0 every anchor placed; 1 anchors that cannot be placed, orphans or other"
    " findings; 2 usage or I/O error, or a file that changed while it was being rewritten."
)


def _quote(text: str, limit: int = 60) -> str:
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return '"' + shown.replace("\n", "\\n") + '"'


@click.command("anchor", epilog=_HELP)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--document",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Verify against FILE instead of the recorded snapshot (with --rebase: the old text).",
)
@click.option("--fill", is_flag=True, help="Add missing offsets, and context to ambiguous quotes.")
@click.option(
    "--rebase",
    "new_snapshot",
    metavar="NEW_SNAPSHOT",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Move the anchors to this new version of the document; its text is copied over the"
    " recorded snapshot file.",
)
@click.option(
    "--accept-orphans",
    is_flag=True,
    help="With --rebase: record the new snapshot hash even if some anchors are orphaned.",
)
@click.option(
    "--rehash",
    is_flag=True,
    help="Record the snapshot's current SHA-256 after an intended edit of it (anchors are"
    " verified against the edited text).",
)
@click.option("--dry-run", is_flag=True, help="Print a unified diff of the changes; write nothing.")
@click.option(
    "--project-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that snapshot paths may not leave (default: the nearest folder above the"
    " claim file holding .git, pyproject.toml or claimtrack.toml).",
)
@click.option("--force", is_flag=True, help="Rewrite claim files and snapshots even if read-only.")
@click.option("-q", "--quiet", count=True, help="Print only problems.")
def anchor_command(
    paths: tuple[str, ...],
    document: Path | None,
    fill: bool,
    new_snapshot: Path | None,
    accept_orphans: bool,
    rehash: bool,
    dry_run: bool,
    project_root: Path | None,
    force: bool,
    quiet: int,
) -> None:
    """Verify the anchors of claim files against their document snapshot; with --fill add
    offsets and context; with --rebase move them to a new version of the document; with
    --rehash record the snapshot's hash after an intended edit. Claim files are rewritten in
    place, keeping comments and formatting."""
    from claimtrack.cli._inputs import discover_without_library
    from claimtrack.cli._unmatched import report_unmatched
    from claimtrack.io.discover import STDIN
    from claimtrack.rewrite.anchors import AnchorSettings, apply_plans, plan_anchors

    if fill and new_snapshot is not None:
        raise click.UsageError("--fill and --rebase do not go together (--rebase fills too).")
    if rehash and (fill or new_snapshot is not None or document is not None):
        raise click.UsageError(
            "--rehash goes alone: record the hash first, then --fill (--rebase records its own)."
        )
    if accept_orphans and new_snapshot is None:
        raise click.UsageError("--accept-orphans needs --rebase.")
    # The shared source library's files hold sources, not claims: they are left out.
    found = discover_without_library(paths)
    usage_problem = report_unmatched(found)
    if STDIN in found.files:
        raise click.UsageError("claimtrack anchor rewrites files: '-' cannot be used.")
    settings = AnchorSettings(
        fill=fill,
        rebase=new_snapshot,
        document=document,
        accept_orphans=accept_orphans,
        rehash=rehash,
        project_root=project_root,
    )
    plans = [plan_anchors(name, settings) for name in found.files]
    problems = False
    for plan in plans:
        problems |= _render(plan, quiet, dry_run, rebasing=new_snapshot is not None)
        usage_problem |= plan.error is not None
    if not dry_run:
        for plan, why in apply_plans(plans, force=force):
            if _read_only(plan):
                why += ", or pass --force to rewrite it anyway"
            _echo(f"claimtrack: {plan.path}: {why}", err=True)
            usage_problem = True
    if usage_problem:
        sys.exit(exit_codes.USAGE)
    sys.exit(exit_codes.FINDINGS if problems else exit_codes.OK)


def _read_only(plan: AnchorPlan) -> bool:
    """Whether a file the plan rewrites is read-only, which ``--force`` overrules."""
    from claimtrack.io.targets import is_read_only

    copy = plan.snapshot_copy
    paths = [plan.file_path, copy.target if copy is not None else None]
    return any(path is not None and is_read_only(path) for path in paths)


def _echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    click.echo(inert(text), err=err, nl=nl)


def _render(plan: AnchorPlan, quiet: int, dry_run: bool, *, rebasing: bool) -> bool:
    """Print what happened to one file; whether it has problems left."""
    import difflib

    from claimtrack.rewrite.anchors import Outcome

    for finding in plan.findings:
        loc = finding.location
        _echo(f"{loc.path}:{loc.line}:{loc.column}: {finding.code} {finding.message}")
        if finding.hint and not quiet:
            _echo(f"    help: {finding.hint}")
    if plan.error is not None:
        _echo(f"claimtrack: {plan.path}: {plan.error}", err=True)
        return True
    counts: dict[str, int] = {}
    for outcome in plan.outcomes:
        counts[outcome.outcome.value] = counts.get(outcome.outcome.value, 0) + 1
        where = f"{outcome.location.path}:{outcome.location.line}:{outcome.location.column}"
        score = f" (score {outcome.score:.2f})" if outcome.score is not None else ""
        if outcome.outcome is Outcome.ORPHANED:
            _echo(f"{where}: claim {outcome.claim_id!r} orphaned: {outcome.reason}{score}")
        elif outcome.outcome is Outcome.MOVED and not quiet:
            old, new = outcome.old, outcome.new
            span = f"{old.start}-{old.end} → {new.start}-{new.end}" if new.start is not None else ""
            _echo(f"{where}: claim {outcome.claim_id!r} moved {span}{score}".rstrip())
            if old.exact != new.exact:
                _echo(f"    quote: {_quote(old.exact)} → {_quote(new.exact)}")
        elif outcome.outcome is Outcome.FILLED and quiet < 1:
            _echo(
                f"{where}: claim {outcome.claim_id!r} filled: start {outcome.new.start},"
                f" end {outcome.new.end}"
            )
    if rebasing and plan.from_anchors_only:
        _echo(
            f"{plan.path}: the snapshot no longer matches its recorded hash; rebased from the"
            " anchors' own quotes, context and offsets"
        )
    if not quiet:
        summary = ", ".join(f"{count} {name}" for name, count in sorted(counts.items()))
        _echo(f"{plan.path}: {len(plan.outcomes)} anchors: {summary or 'none'}")
        if rebasing and plan.snapshot_copy is not None:
            verb = "would copy" if dry_run else "copied"
            _echo(f"{plan.path}: {verb} the new text over the snapshot {plan.snapshot_copy.shown}")
        if not rebasing and plan.hash_updated:
            verb = "would record" if dry_run else "recorded"
            _echo(f"{plan.path}: {verb} the snapshot's new SHA-256")
        if rebasing and not plan.hash_updated and plan.orphans:
            _echo(
                f"{plan.path}: snapshot hash not updated: fix or accept the orphans"
                " (--accept-orphans)"
            )
    if dry_run and plan.changed:
        diff = difflib.unified_diff(
            plan.original_text.splitlines(keepends=True),
            plan.text.splitlines(keepends=True),
            fromfile=f"a/{plan.path}",
            tofile=f"b/{plan.path}",
        )
        _echo("".join(diff), nl=False)
    return plan.has_problems

"""``claimtrack review``: record the sign-offs a desk's final review makes."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NoReturn

import click

from claimtrack.cli import exit_codes

if TYPE_CHECKING:
    from collections.abc import Sequence

    from claimtrack.findings import Finding
    from claimtrack.io.limits import Limits


def _fail(message: str) -> NoReturn:
    click.echo(f"claimtrack: {message}", err=True)
    sys.exit(exit_codes.USAGE)


@click.group("review")
def review_command() -> None:
    """Record sign-offs of claims (see the F3xx rules for what CI then enforces)."""


@review_command.command("sign", epilog="Exit codes: 0 signed; 2 usage, unknown claim or I/O error.")
@click.argument("claim_ids", nargs=-1, required=True, metavar="CLAIM_ID...")
@click.option("--by", "by", required=True, metavar="NAME", help="Who verified the claims.")
@click.option(
    "--in",
    "paths",
    multiple=True,
    metavar="PATH",
    help="Claim files or folders to find the claims in (repeatable).  [default: .]",
)
@click.option(
    "--at",
    "at",
    metavar="TIME",
    help="When they were verified (ISO 8601).  [default: now, in UTC]",
)
def sign_command(
    claim_ids: tuple[str, ...], by: str, paths: tuple[str, ...], at: str | None
) -> None:
    """Sign off claims: record who verified them, when, and a fingerprint of their content
    in each claim's provenance, rewriting the file without losing comments or formatting."""
    from claimtrack.cli._inputs import nearest_config
    from claimtrack.errors import ClaimtrackError, FileChangedError, LoadError
    from claimtrack.io.discover import discover
    from claimtrack.review.sign import prepare, record

    moment = at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    limits = nearest_config().limits  # the configured input limits, as check reads with
    found = discover(paths or (".",))
    for missing in found.missing:
        _fail(f"{missing}: no such file, folder or match")
    where = _locate(found.files, claim_ids, limits)
    try:
        # Every file is read and its sign-off worked out before any is written.
        plans = [
            (path, prepare(path, ids, by, moment, limits=limits)) for path, ids in where.items()
        ]
        for path, plan in plans:
            record(plan, path)
            click.echo(
                f"claimtrack: {path}: signed off {', '.join(plan.claim_ids)} as {by}", err=True
            )
    except LoadError as error:
        report_problems(error.findings[:1], "nothing was signed")
    except (ClaimtrackError, FileChangedError, OSError) as error:
        _fail(str(error))


def report_problems(problems: Sequence[Finding], done: str) -> NoReturn:
    """Each claim file that could not be used, as check names it (``FILE:LINE:COL: CODE
    message``), then what was done and what to do; exit 2."""
    for problem in problems:
        loc = problem.location
        click.echo(
            f"claimtrack: {loc.path}:{loc.line}:{loc.column}: {problem.code} {problem.message}",
            err=True,
        )
    _fail(f"{done}; fix the file{'s' * (len(problems) != 1)} first (see 'claimtrack check')")


def _locate(
    files: tuple[str, ...], claim_ids: tuple[str, ...], limits: Limits
) -> dict[str, list[str]]:
    """Which file holds each claim; exits 2 for a claim found in none or in several, or
    when a file that might hold one cannot be read or parsed."""
    from claimtrack.review.locate import holders

    found = holders(files, claim_ids, limits)
    if found.problems:
        report_problems(found.problems, "nothing was signed")
    by_file: dict[str, list[str]] = {}
    for claim_id, names in found.files.items():
        by_file.setdefault(one_holder(claim_id, names), []).append(claim_id)
    return by_file


def one_holder(claim_id: str, names: list[str], option: str = "--in PATH") -> str:
    """The one file holding a claim; exits 2 when none or several do."""
    if not names:
        _fail(f"no claim file holds a claim with id {claim_id!r}; check the id or give {option}")
    if len(names) > 1:
        _fail(f"claim {claim_id!r} is in several files ({', '.join(names)}); give {option}")
    return names[0]

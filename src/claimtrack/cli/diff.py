"""``claimtrack diff``: what a change does to the claim files, for a reviewer."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from claimtrack.cli import exit_codes
from claimtrack.cli.options import config_option
from claimtrack.cli.output import emit

if TYPE_CHECKING:
    from claimtrack.review.changes import Diff
    from claimtrack.review.diff import DiffSettings
    from claimtrack.review.git import Repository

_FORMATS = ("text", "markdown", "json")
_EPILOG = (
    "BASE defaults to HEAD and HEAD to the work tree (untracked claim files included), so "
    "'claimtrack diff' shows what is not committed yet. BASE may be a range: 'A..B' compares "
    "A with B, 'A...B' the merge base of A and B with B (what a pull request from B into A "
    "changes). An argument that exists as a file or folder is a path; two claim files and no "
    "revision compare the two files. Exit codes: 0 the diff was made; 2 usage, revision or "
    "I/O error, or a side of a file that does not load (the diff is still printed)."
)


def _fail(message: str) -> NoReturn:
    click.echo(f"claimtrack: {message}", err=True)
    sys.exit(exit_codes.USAGE)


@click.command("diff", epilog=_EPILOG)
@click.argument("arguments", nargs=-1, metavar="[BASE [HEAD]] [PATH...]")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(_FORMATS),
    default="text",
    show_default=True,
    help="text for people, markdown for a pull-request comment or job summary, json for programs.",
)
@click.option("-o", "--output", metavar="FILE", help="Write the diff to FILE (atomically).")
@click.option(
    "--links",
    metavar="URL",
    help="Link each record to its line under URL/COMMIT/PATH, such as"
    " https://github.com/OWNER/REPO/blob (markdown only).",
)
@click.option("--select", multiple=True, metavar="RULES", help="Run only these flags.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Also run these flags.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these flags.")
@config_option
@click.option("--no-cache", "cache", flag_value=False, default=True, help="Do not use the cache.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Keep the cache here.  [default: .claimtrack-cache in the project folder]",
)
def diff_command(
    arguments: tuple[str, ...],
    output_format: str,
    output: str | None,
    links: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_file: Path | None,
    cache: bool,
    cache_dir: Path | None,
) -> None:
    """Show what a change does to claim files: claims added, removed and renamed, fields,
    citations, anchors and sources changed, and the flags it introduces and fixes."""
    from claimtrack.errors import ClaimtrackError

    if links is not None and not links.startswith(("https://", "http://")):
        _fail(
            f"--links {links!r} is not an http(s) address; give one such as"
            " https://github.com/OWNER/REPO/blob"
        )
    try:
        settings = diff_settings(config_file, select, extend_select, ignore, cache, cache_dir)
        result, inputs = _diff(arguments, settings)
    except ClaimtrackError as error:
        _fail(str(error))
    emit(_render(result, output_format, links), output, inputs=inputs)
    for document in result.documents:
        for side, problems in (("base", document.base_problems), ("head", document.head_problems)):
            if problems:
                where = problems[0].location
                click.echo(
                    f"claimtrack: {where.path}:{where.line}:{where.column}: the {side} side"
                    f" does not load ({problems[0].message}); its records were not compared",
                    err=True,
                )
    sys.exit(exit_codes.USAGE if result.has_problems else exit_codes.OK)


def diff_settings(
    config_file: Path | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    cache: bool,
    cache_dir: Path | None,
) -> DiffSettings:
    """How diff (and log) judge each side: the configuration's input limits, rule selection
    under the command line's, shared source library and exclusions."""
    import attrs

    from claimtrack.cli._library import shared_library
    from claimtrack.cli.check import _cache
    from claimtrack.config import load_config, selection_layer
    from claimtrack.review.diff import DiffSettings
    from claimtrack.settings import CheckSettings

    config = load_config(config_file)
    layer = selection_layer(
        "--select/--extend-select/--ignore", select or None, extend_select, ignore
    )
    # The work tree's shared source library serves both sides; its own files are not claims.
    library = shared_library(config)
    check = CheckSettings(rules=config.selection(layer), library=library, limits=config.limits)
    if cache:
        check = attrs.evolve(check, cache=_cache(check, config.path, cache_dir))
    own = config.baseline.resolve() if config.baseline is not None else None
    root = Path.cwd()

    shared = library.paths if library is not None else frozenset()

    def is_excluded(name: str) -> bool:
        # realpath, not resolve: a loop of links is a name like any other (never an error).
        path = Path(os.path.realpath(root / name))
        return config.is_excluded(name) or path == own or str(path) in shared

    return DiffSettings(check=check, is_excluded=is_excluded)


def _diff(arguments: tuple[str, ...], settings: DiffSettings) -> tuple[Diff, list[str]]:
    """The diff the arguments ask for, and the claim files it is about (the files named,
    and the work tree's copy of each claim file compared), which ``-o`` may not overwrite."""
    from claimtrack.errors import ClaimtrackError
    from claimtrack.review.diff import DiffError, diff_files, diff_revisions
    from claimtrack.review.git import Repository

    revisions: list[str] = []
    paths: list[str] = []
    for argument in arguments:
        if paths or Path(argument).exists() or len(revisions) == 2:
            paths.append(argument)
        else:
            revisions.append(argument)
    missing = [path for path in paths if not Path(path).exists()]
    if missing:
        raise DiffError(f"{missing[0]}: no such file or folder")
    if not revisions and len(paths) == 2 and not any(Path(p).is_dir() for p in paths):
        return diff_files(paths[0], paths[1], settings), paths
    try:
        repository = Repository.find(Path.cwd())
    except ClaimtrackError:
        if not paths:
            raise
        repository = Repository.find(Path(paths[0]).absolute())
    base, head, labels = _sides(repository, revisions)
    settings = _rooted(settings, repository)
    result = diff_revisions(repository, base, head, paths, settings, labels=labels)
    compared = [str(repository.root / document.path) for document in result.documents]
    return result, [*paths, *compared]


def _rooted(settings: DiffSettings, repository: Repository) -> DiffSettings:
    """Exclusions asked of repository-relative names, from wherever the command runs."""
    import attrs

    excluded = settings.is_excluded
    if excluded is None:
        return settings
    root = repository.root

    def is_excluded(name: str) -> bool:
        return excluded(os.path.relpath(root / name))

    return attrs.evolve(settings, is_excluded=is_excluded)


def _sides(repository: Repository, revisions: list[str]) -> tuple[str, str | None, tuple[str, str]]:
    from claimtrack.review.diff import split_range
    from claimtrack.review.git import WORK_TREE

    if len(revisions) == 1:
        ranged = split_range(repository, revisions[0])
        if ranged is not None:
            _first, _, second = revisions[0].replace("...", "..").partition("..")
            return ranged[0], ranged[1], (revisions[0], second or "HEAD")
    base_name = revisions[0] if revisions else "HEAD"
    base = repository.commit(base_name)
    if len(revisions) == 2:
        return base, repository.commit(revisions[1]), (base_name, revisions[1])
    return base, None, (base_name, WORK_TREE)


def _render(result: Diff, output_format: str, links: str | None) -> str:
    if output_format == "json":
        from claimtrack.render.findings.diff_json import render_diff_json

        return render_diff_json(result)
    from claimtrack.render.findings.diff_text import render_diff_markdown, render_diff_text

    if output_format == "markdown":
        return render_diff_markdown(result, links)
    return render_diff_text(result)

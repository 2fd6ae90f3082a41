"""``claimtrack check``: parse, validate and lint claim files."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import attrs
import click

from claimtrack.cli import exit_codes
from claimtrack.cli.options import config_option
from claimtrack.cli.output import emit, inert, use_colour, verbosity

if TYPE_CHECKING:
    from claimtrack.io.cache import ResultCache
    from claimtrack.lint.baseline import Baseline
    from claimtrack.results import FileResult
    from claimtrack.settings import CheckSettings

_SEVERITIES = ("error", "warning", "info")
_FORMATS = ("text", "json", "github", "sarif")
_EPILOG = (
    "Rules are named by code (F101), name (citation-needed), code prefix (F1, F) or ALL; "
    "options taking rules accept several, comma-separated or repeated. The command line beats "
    "[tool.claimtrack] in pyproject.toml and claimtrack.toml. See 'claimtrack rules' for the "
    "rules. " + exit_codes.HELP
)


def _fail(message: str) -> NoReturn:
    click.echo(inert(f"claimtrack: {message}"), err=True)
    sys.exit(exit_codes.USAGE)


@click.command("check", epilog=_EPILOG)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(_FORMATS),
    default="text",
    show_default=True,
    help="Output format: text for people, json for programs, github for Actions"
    " annotations, sarif for code scanning.",
)
@click.option("-o", "--output", metavar="FILE", help="Write results to FILE (atomically).")
@click.option(
    "--select", multiple=True, metavar="RULES", help="Run only these flags (errors always run)."
)
@click.option("--extend-select", multiple=True, metavar="RULES", help="Also run these flags.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Do not run these flags.")
@click.option(
    "--fail-level",
    type=click.Choice(_SEVERITIES),
    default=None,
    help="Exit 1 when a finding is at least this severe.  [default: warning, or the"
    " configuration's fail-level]",
)
@config_option
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Findings recorded in FILE do not count; entries no longer found are reported.",
)
@click.option(
    "--no-baseline",
    is_flag=True,
    help="Ignore the configuration's baseline: show every finding, accepted ones included.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Record every current finding in FILE (JSON, written atomically) and exit 0.",
)
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Exit 0 when a folder or glob holds no claim files (a path that does not exist is"
    " still an error).",
)
@click.option("--statistics", is_flag=True, help="Show how many findings each rule has.")
@click.option(
    "--cache/--no-cache",
    default=True,
    show_default=True,
    help="Reuse the results of files (and snapshots) unchanged since the last run.",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the cache lives (default: .claimtrack-cache in the project folder).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes for large folders and files (default: the processors available).",
)
@click.option(
    "--stdin-filename",
    default="<stdin>",
    show_default=True,
    help="Name for '-' input in findings; its suffix picks the format and its folder is"
    " where a relative snapshot path starts.",
)
@click.option(
    "--project-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that snapshot paths may not leave (default: nearest folder above the claim"
    " file holding .git, pyproject.toml or claimtrack.toml).",
)
@click.option(
    "--color",
    "--colour",
    "colour",
    type=click.Choice(["auto", "always", "never"]),
    default="auto",
    show_default=True,
    help="Colour text output (NO_COLOR in the environment turns it off).",
)
@click.option("-v", "--verbose", count=True, help="Say more: -v also lists suppressed findings.")
@click.option(
    "-q", "--quiet", count=True, help="-q drops the hints and the summary; -qq prints nothing."
)
def check_command(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    select: tuple[str, ...],
    extend_select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_level: str | None,
    config_file: Path | None,
    baseline_file: Path | None,
    no_baseline: bool,
    write_baseline: Path | None,
    allow_empty: bool,
    statistics: bool,
    cache: bool,
    cache_dir: Path | None,
    jobs: int | None,
    stdin_filename: str,
    project_root: Path | None,
    colour: str,
    verbose: int,
    quiet: int,
) -> None:
    """Check claim files: PATH may be a file, a folder (searched for *.yaml, *.yml and
    *.json), a glob, or '-' for standard input."""
    from claimtrack._fast_path import WatchedFiles
    from claimtrack.cli._unmatched import report_unmatched
    from claimtrack.config import load_config, selection_layer
    from claimtrack.errors import ConfigError
    from claimtrack.findings import Severity
    from claimtrack.io.discover import discover
    from claimtrack.rules import UNREADABLE
    from claimtrack.schema import schema_path
    from claimtrack.settings import CheckSettings

    watched = WatchedFiles(str(schema_path()))  # what a warm run's shortcut depends on
    try:
        config = load_config(config_file)
        layer = selection_layer(
            "--select/--extend-select/--ignore", select or None, extend_select, ignore
        )
        selection = config.selection(layer)
        baseline: Baseline | None = None
        baseline_path = baseline_file or (None if no_baseline else config.baseline)
        if baseline_file is not None and write_baseline is None:
            from claimtrack.lint.baseline import load_baseline

            baseline = load_baseline(baseline_file, config.limits.max_bytes)
        elif baseline_path is not None and write_baseline is None:
            from claimtrack.config import load_configured_baseline

            baseline = load_configured_baseline(config)
    except ConfigError as error:
        _fail(str(error))
    from claimtrack.cli._library import shared_library

    library = shared_library(config)

    listed: list[str] = []
    found = discover(paths, listed)
    unmatched = report_unmatched(found, allow_empty=allow_empty, can_allow_empty=True)
    if unmatched and not found.files:
        sys.exit(exit_codes.USAGE)  # nothing to check, and "0 files" would read as a pass
    # The baseline files themselves are not claim files (only a file of the same name can
    # be one of them, so only those are resolved).
    own = {Path(p).resolve() for p in (baseline_path, write_baseline) if p is not None}
    own_names = {path.name for path in own}

    def is_own(name: str) -> bool:
        return os.path.basename(name) in own_names and Path(name).resolve() in own

    names = [
        name
        for name in found.files
        if not config.is_excluded(name)
        and (name == "-" or not is_own(name))
        and not (library is not None and library.holds(name))  # checked as the library
    ]
    settings = CheckSettings(
        limits=config.limits, project_root=project_root, rules=selection, baseline=baseline
    )
    if library is not None:
        from claimtrack.shared_sources import covers_corpus

        # The library's own flags are judged in a run over the whole corpus it serves, or
        # one that names a library file (as a pre-commit hook does when it changed).
        covered = covers_corpus(config, names, library)
        named = any(library.holds(name) for name in found.files)
        settings = attrs.evolve(
            settings, library=library, library_results=covered or named, library_unused=covered
        )
    level = verbosity(verbose, quiet)
    if write_baseline is None:
        # Writing a baseline needs every file's records, so it never takes shortcuts.
        settings = attrs.evolve(
            settings,
            jobs=jobs or _processors(),
            cache=_cache(settings, config.path, cache_dir) if cache else None,
            keep_records=False,  # only findings are reported
            keep_findings=level >= 0,  # printing nothing, only the exit status counts
        )
    ordered = _run(names, settings, stdin_filename)
    threshold = Severity(fail_level or config.fail_level or "warning").rank
    # Leave the memo a later warm `check -qq` with no other options is answered from.
    options = (select, extend_select, ignore, fail_level, config_file, no_baseline, project_root)
    plain = not any(options) and baseline_path is None and library is None
    if plain and not (unmatched or found.unreadable) and settings.cache is not None:
        from claimtrack._fast_path import remember

        remember(
            watched,
            cache_dir=None if cache_dir is None else os.fspath(cache_dir),
            paths=paths,
            names=names,
            listed=listed,
            folder=settings.cache.folder,
            fingerprint=settings.cache.fingerprint,
            max_bytes=settings.cache.max_bytes,
            failing=[str(s) for s in Severity if s.rank >= threshold],
        )

    if write_baseline is not None:
        _write_baseline(ordered, write_baseline)
        sys.exit(exit_codes.OK)

    if level >= 0:
        coloured = output_format == "text" and output in (None, "-") and use_colour(colour)
        summary = _step_summary(ordered) if output_format == "github" else False
        where = baseline_path.as_posix() if baseline is not None and baseline_path else None
        rendered = _render(
            ordered, output_format, coloured, level, statistics, config.docs_url, where, summary
        )
        emit(rendered, output, colour=coloured, inputs=[*names, *map(str, own)])

    unreadable = any(f.code == UNREADABLE.code for result in ordered for f in result.findings)
    if library is not None:  # a file redefining a shared source is bad input too
        from claimtrack.validate.library import is_clash

        unreadable = unreadable or any(
            is_clash(f, result.record_data, library) for result in ordered for f in result.findings
        )
    if unmatched or unreadable:
        sys.exit(exit_codes.USAGE)
    if any((worst := result.severest) and worst.rank >= threshold for result in ordered):
        sys.exit(exit_codes.FINDINGS)
    sys.exit(exit_codes.OK)


def _run(names: list[str], settings: CheckSettings, stdin_filename: str) -> list[FileResult]:
    """Check the files (reading '-' from standard input), in the order given."""
    from claimtrack.batch import Input, check
    from claimtrack.io.discover import STDIN
    from claimtrack.results import FileResult, apply_baseline

    inputs: list[Input] = []
    results: dict[int, FileResult] = {}
    for index, name in enumerate(names):
        if name != STDIN:
            inputs.append(name)
            continue
        from claimtrack.cli._inputs import read_stdin, stdin_settings  # loads the parsers

        loaded = read_stdin(stdin_filename, settings)
        if isinstance(loaded, FileResult):
            results[index] = apply_baseline(loaded, settings.baseline)
        else:
            # The library's own results come once, with the other files'.
            once = attrs.evolve(stdin_settings(settings), library_results=False)
            results[index] = check(loaded, once).files[0]
        inputs.append(stdin_filename)
    checked = check([item for i, item in enumerate(inputs) if i not in results], settings)
    queue = iter(checked.files)
    ordered = [results[i] if i in results else next(queue) for i in range(len(inputs))]
    return [*ordered, *queue]  # then the shared source library's files, if any


def _step_summary(results: list[FileResult]) -> bool:
    """Under GitHub Actions, append the Markdown summary to the job summary; whether it was."""
    from claimtrack.cli.step_summary import append_step_summary, step_summary_path

    path = step_summary_path(os.environ)
    if path is None:
        return False
    problem = append_step_summary(results, path)
    if problem is not None:
        click.echo(f"claimtrack: {problem}", err=True)
    return problem is None


def _render(
    results: list[FileResult],
    output_format: str,
    coloured: bool,
    level: int,
    statistics: bool,
    docs_url: str | None = None,
    baseline: str | None = None,
    summary: bool = False,
) -> str:
    if output_format == "json":
        from claimtrack.render.findings.json import render_json

        return render_json(results)
    if output_format == "github":
        from claimtrack.render.findings.github import render_github

        return render_github(results, summary)
    if output_format == "sarif":
        from claimtrack.render.findings.sarif import render_sarif

        # docs-url: where the project publishes these docs; rules then link to their pages.
        return render_sarif(results, docs_url, baseline)
    from claimtrack.render.findings.text import TextStyle, render_text

    style = TextStyle(
        colour=coloured,
        hints=level >= 1,
        summary=level >= 1,
        suppressed=level >= 2,
        statistics=statistics,
    )
    return render_text(results, style)


def _processors() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _cache(settings: CheckSettings, config_path: Path | None, folder: Path | None) -> ResultCache:
    """The result cache, keyed on everything besides the files that shapes findings."""
    from claimtrack.io.cache import CACHE_FOLDER, ResultCache, fingerprint
    from claimtrack.io.project_root import find_project_root

    config_text = ""
    if config_path is not None:
        from claimtrack.io.limits import Limits
        from claimtrack.io.regular import read_regular

        try:  # read as load_config read it: a regular file within the default limit
            config_text = read_regular(config_path, Limits().max_bytes).decode("utf-8")
        except (OSError, ValueError):  # UnicodeDecodeError and TooLargeError among them
            config_text = "unreadable"
    where = folder or find_project_root(Path.cwd()) / CACHE_FOLDER
    return ResultCache(
        where, fingerprint(settings.fingerprint(), config_text), settings.limits.max_bytes
    )


def _write_baseline(results: list[FileResult], target: Path) -> None:
    import os

    from claimtrack.cli.output import write_output
    from claimtrack.lint.baseline import entry_for, path_key, render_baseline

    if target.exists():  # only a baseline is replaced by a baseline, never a claim file
        from claimtrack.errors import ConfigError
        from claimtrack.lint.baseline import load_baseline

        try:
            load_baseline(target)
        except ConfigError:
            _fail(
                f"--write-baseline {target.as_posix()} exists and is not a baseline (an input?);"
                " not overwritten: choose another file"
            )
    base = Path(os.path.abspath(target)).parent
    entries = [
        entry_for(finding, path_key(result.path, base), result.record_data)
        for result in results
        for finding in result.findings
    ]
    write_output(target, render_baseline(entries))
    click.echo(
        f"claimtrack: wrote {len(entries)} baseline entr{'y' if len(entries) == 1 else 'ies'}"
        f" to {target.as_posix()}",
        err=True,
    )

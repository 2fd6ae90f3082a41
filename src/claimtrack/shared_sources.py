"""The shared source library across a run: loaded once from the configuration, judged once.

- :func:`load_source_library` loads the library ``[tool.claimtrack] sources`` names (None
  when it names none, so a project without a library works exactly as before);
- :func:`covers_corpus` tells whether the files of a run are every claim file the library
  serves (those under the configuration's folder, as ``check`` finds them, less the
  excluded ones and the library files): only such a run can call a shared source unused;
- :func:`library_results` gives one result per library file: F201 for its incomplete
  records, E213 and E214 for its snapshots that cannot be used
  (:func:`shared_snapshot_problems`) and, when the run covers the corpus, F202 for the
  records no checked claim cites.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

from claimtrack.config import Config
from claimtrack.findings import Finding, Location
from claimtrack.io.cache import record_skeleton
from claimtrack.io.library import shown_path
from claimtrack.results import FileResult, apply_baseline
from claimtrack.settings import CheckSettings
from claimtrack.validate.library import SourceLibrary, load_library

__all__ = [
    "covers_corpus",
    "library_results",
    "load_source_library",
    "shared_snapshot_problems",
]


def load_source_library(config: Config) -> SourceLibrary | None:
    """The library the configuration names, loaded and checked (its problems, if any, in
    its ``problems``); None when it names none."""
    if not config.sources:
        return None
    name = shown_path(config.path) if config.path is not None else "configuration"
    patterns = [
        (item.pattern, Location(path=name, line=item.line, column=item.column))
        for item in config.sources
    ]
    return load_library(patterns, config.folder, config.limits)


def covers_corpus(config: Config, names: Sequence[str], library: SourceLibrary) -> bool:
    """Whether ``names`` (the files a run checks) include every claim file under the
    configuration's folder that is neither excluded nor a library file."""
    from claimtrack.io.discover import discover

    checked = {os.path.abspath(name) for name in names}
    own = library.paths
    corpus = discover([str(config.folder)]).files
    return all(
        absolute in checked or absolute in own or config.is_excluded(name)
        for name in corpus
        for absolute in (os.path.abspath(name),)
    )


def shared_snapshot_problems(
    library: SourceLibrary, root: Path | None = None, max_bytes: int | None = None
) -> Iterator[Finding]:
    """E213 and E214 for each shared snapshot that cannot be used, at its record in the
    library file, whether or not a claim file cites it (so once per run, however many cite
    it). A snapshot path is relative to the library file and may not leave ``root`` (the
    project folder found above the library file, unless given)."""
    from claimtrack.io.snapshot import read_snapshot
    from claimtrack.io.source_snapshot import SourceText
    from claimtrack.lint.quotes import snapshot_problem

    for shared in library.sources.values():
        snapshot = shared.source.snapshot
        if snapshot is None or shared.snapshot_path_at is None:
            continue
        base = Path(shared.folder)
        read = SourceText(
            shared.source, read_snapshot(snapshot.path, base, root, max_bytes=max_bytes)
        )
        if read.problem is not None:
            sha256_at = shared.snapshot_sha256_at or shared.snapshot_path_at
            yield snapshot_problem(read, sha256_at, shared.snapshot_path_at)


def library_results(
    library: SourceLibrary, cited: Collection[str] | None, settings: CheckSettings
) -> tuple[FileResult, ...]:
    """One result per library file: its records' F201, E213 and E214 for their snapshots
    that cannot be used, and F202 for those not in ``cited`` (None: the run does not cover
    the corpus, so none is called unused), with the run's rule selection, severities and
    baseline."""
    from claimtrack.lint.source_records import shared_source_findings

    entries = [(shared.source, shared.location) for shared in library.sources.values()]
    by_file: dict[str, list[Finding]] = {item.path: [] for item in library.files}
    found = [
        *shared_source_findings(entries, cited),
        *shared_snapshot_problems(library, settings.project_root, settings.limits.max_bytes),
    ]
    for finding in found:
        if settings.rules.is_enabled(finding.code):
            by_file[finding.location.path].append(settings.rules.grade(finding))
    return tuple(
        apply_baseline(
            FileResult(
                path=item.path,
                findings=tuple(sorted(by_file[item.path], key=lambda f: f.sort_key)),
                record_data=record_skeleton((), item.source_ids),
            ),
            settings.baseline,
        )
        for item in library.files
    )

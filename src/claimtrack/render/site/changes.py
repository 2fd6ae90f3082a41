"""When each claim file last changed, for the index of a corpus site.

In a git work tree, a file committed and unchanged since is dated by the last commit that
touched it (the committer date): a fresh clone or checkout resets modification times, the
history does not. A file that is not in a repository, not committed yet, or changed since
its last commit is dated by its modification time. Dates are in UTC. A file that cannot be
read has no date.

git is asked twice per repository whatever the number of files (``git status`` for the
files changed since their last commit, ``git log`` for the dates), never once per file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from claimtrack.review.git import GitError, Repository

__all__ = ["last_changes"]


def _mtime(path: str) -> dt.datetime | None:
    try:
        stamp = os.stat(path).st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(stamp, tz=dt.UTC)


def _repository(folder: Path, roots: dict[Path, Repository | None]) -> Repository | None:
    if folder not in roots:
        try:
            roots[folder] = Repository.find(folder)
        except GitError:
            roots[folder] = None
    return roots[folder]


def _committed(repository: Repository, names: list[str]) -> dict[str, dt.datetime]:
    """The last commit date of each of ``names`` (paths relative to the repository) that is
    committed and unchanged since."""
    try:
        status = repository.git("status", "--porcelain", "-z", "--", *names)
        log = repository.git(
            "log", "--no-renames", "--format=%x01%ct", "--name-only", "-z", "--", *names
        )
    except GitError:
        return {}
    changed = {entry[3:] for entry in os.fsdecode(status).split("\0") if len(entry) > 3}
    wanted = set(names) - changed
    dates: dict[str, dt.datetime] = {}
    stamp: dt.datetime | None = None
    for field in os.fsdecode(log).split("\0"):
        field = field.strip("\n")
        if field.startswith("\x01"):
            head, _, field = field[1:].partition("\n")
            stamp = dt.datetime.fromtimestamp(int(head), tz=dt.UTC)
        if field in wanted and field not in dates and stamp is not None:
            dates[field] = stamp
    return dates


def last_changes(paths: Iterable[str]) -> dict[str, dt.datetime | None]:
    """When each of ``paths`` last changed (see the module's description), keyed by the
    path as given."""
    result: dict[str, dt.datetime | None] = {}
    roots: dict[Path, Repository | None] = {}
    by_repository: dict[Path, dict[str, str]] = defaultdict(dict)
    repositories: dict[Path, Repository] = {}
    for path in paths:
        result[path] = _mtime(path)
        if result[path] is None:
            continue
        absolute = Path(path).resolve()
        repository = _repository(absolute.parent, roots)
        if repository is None:
            continue
        try:
            relative = absolute.relative_to(repository.root.resolve()).as_posix()
        except ValueError:
            continue
        repositories[repository.root] = repository
        by_repository[repository.root][relative] = path
    for root, names in by_repository.items():
        for name, date in _committed(repositories[root], sorted(names)).items():
            result[names[name]] = date
    return result

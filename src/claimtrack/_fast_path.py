"""A warm ``claimtrack check -qq``, answered before the command line is imported.

This is the console script's one shortcut (see :func:`claimtrack.__main__.run`), kept out of
the command line's package so that taking it imports neither click nor the command line.

A run that prints nothing and whose every file's result is in the cache needs only the exit
status, and the cache index already holds each file's most severe finding. What the command
line spends before it looks at the index (click, the configuration and rule registry, the
record classes) is then most of the run. So the full command, when it runs with the cache,
leaves a *memo* in the cache folder: what it decided for these arguments from this folder
(the files to check, the cache's fingerprint, the severities that fail the run), with what
that decision depended on besides the files themselves:

- the folders whose listings found the files (any file added, removed or renamed in one
  changes its stat signature);
- the configuration files (``claimtrack.toml``, ``pyproject.toml``) in the current folder
  and above it, as found when the run started and again when it ended (the project root,
  which a ``.git`` folder may decide too, only says where the cache and so the memo are);
- the packaged schema and claimtrack's version.

:func:`warm_exit_code` reads the memo back on a later run of the same arguments. When every
one of those is as it was (each signature recorded only once settled, as the cache does for
files), the index is sealed under the memo's fingerprint (its seal is checked again only
when the index's own signature is not the one the memo saw), and every file's stat
signature matches its entry, as does each snapshot's (the test
:class:`~claimtrack.io.cache_probe.SnapshotProbe` makes for the cache itself), it returns
the exit status the full command would give. In any other case (other options, an output
to print, a changed file, a damaged memo) it returns None and the full command runs; it
writes nothing either way. The memo is written only by a run whose options the fast path
would take as defaults, and is itself sealed, so a damaged memo is never trusted.

A configuration file that appeared and went again while the full command ran, unseen at
its start and its end, is the one change the memo cannot tell; it is the command's own
reading of the configuration, made once, that such a file would race with in any case.
"""

from __future__ import annotations

import os
import time

from claimtrack._version import __version__

TYPE_CHECKING = False  # typing's own, without importing typing (a warm run never needs it)
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

__all__ = ["MEMO", "WatchedFiles", "remember", "warm_exit_code"]

#: The memo's name in the cache folder.
MEMO = "warm-check-v1.json"
_MEMO_LIMIT = 64 * 1024 * 1024
_SEAL = "claimtrack warm check"
_CONFIG_NAMES = ("claimtrack.toml", "pyproject.toml")


def _parse(argv: Sequence[str]) -> tuple[str | None, list[str]] | None:
    """The cache folder option and the paths of ``check -qq [--cache-dir DIR] PATH...``;
    None for anything else (another command, another option, output to print)."""
    if not argv or argv[0] != "check":
        return None
    quiet = 0
    cache_dir: str | None = None
    paths: list[str] = []
    arguments = iter(argv[1:])
    for argument in arguments:
        if argument.startswith("--cache-dir=") and len(argument) > len("--cache-dir="):
            cache_dir = argument.partition("=")[2]
        elif argument == "--cache-dir":
            cache_dir = next(arguments, "")
            if not cache_dir:
                return None
        elif argument == "--quiet":
            quiet += 1
        elif len(argument) > 1 and argument.strip("q") == "-":
            quiet += len(argument) - 1
        elif argument.startswith("-"):
            return None
        else:
            paths.append(argument)
    if quiet < 2 or not paths:  # only -qq and quieter print nothing
        return None
    return cache_dir, paths


def warm_exit_code(argv: Sequence[str]) -> int | None:
    """The exit status of ``claimtrack`` with the arguments ``argv`` when it is a warm
    ``check -qq`` the memo answers (see the module's docstring), else None."""
    request = _parse(argv)  # before anything is imported: --version pays for nothing more
    if request is None:
        return None
    import json
    from pathlib import Path

    from claimtrack.io.cache_probe import SnapshotProbe, read_signed
    from claimtrack.io.cache_probe import stat_signature as state
    from claimtrack.io.cache_rows import (
        CACHE_FOLDER,
        INDEX,
        is_results_name,
        is_sealed_index,
        signature,
    )
    from claimtrack.io.project_root import find_project_root
    from claimtrack.io.regular import read_regular

    cache_dir, paths = request
    try:
        cwd = os.getcwd()
        folder = cache_dir or str(find_project_root(Path(cwd)) / CACHE_FOLDER)
        data = read_regular(os.path.join(folder, MEMO), _MEMO_LIMIT)
        if not is_sealed_index(data, _SEAL):
            return None
        memo = json.loads(data)
        if memo["request"] != [__version__, cwd, cache_dir, paths]:
            return None
        if any(state(path) != recorded for path, recorded in memo["watched"]):
            return None
        fingerprint = memo["fingerprint"]
        data, index_signature = read_signed(os.path.join(folder, INDEX), memo["max_bytes"])
        # An index unchanged since the memo was left is the one whose seal was checked then.
        seen = index_signature is not None and index_signature == memo["index"]
        if not seen and not is_sealed_index(data, fingerprint):
            return None
        index = json.loads(data)
        if index["fingerprint"] != fingerprint or not is_results_name(index["results"]):
            return None
        entries = index["entries"]
        failing = memo["failing"]
        probe = SnapshotProbe()
        status = 0
        for path, key in memo["files"]:
            entry = entries[key]
            if entry["stat"] != signature(os.stat(path)):
                return None
            if not all(probe.holds(snapshot) is True for snapshot in entry["snapshots"]):
                return None
            if entry["severest"] in failing:
                status = 1
        return status
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


class WatchedFiles:
    """The configuration files in the current folder and above, and the packaged schema,
    as they stood when a run started (see :func:`remember`)."""

    def __init__(self, schema: str) -> None:
        from pathlib import Path

        self.started_ns = time.time_ns()
        self.cwd = os.getcwd()
        try:
            folders = [Path(self.cwd).resolve(), *Path(self.cwd).resolve().parents]
        except (OSError, RuntimeError, ValueError):
            folders = []
        self.same = [schema, *(str(f / name) for f in folders for name in _CONFIG_NAMES)]
        self.states = self.current()

    def current(self) -> list[list[int] | None]:
        """The stat signature of each file now (None where there is none)."""
        from claimtrack.io.cache_probe import stat_signature

        return [stat_signature(path) for path in self.same]


def remember(
    watched: WatchedFiles,
    *,
    cache_dir: str | None,
    paths: Sequence[str],
    names: Sequence[str],
    listed: Sequence[str],
    folder: Path,
    fingerprint: str,
    max_bytes: int,
    failing: Sequence[str],
) -> None:
    """Leave the memo of a run of ``check [--cache-dir cache_dir] paths`` whose options
    were otherwise the defaults: it checked ``names`` (found by listing the folders
    ``listed``) with the cache in ``folder``, and fails on findings of the ``failing``
    severities. Nothing is written when something it depends on changed during the run or
    too recently to be trusted, or when the memo is already so; a memo that cannot be
    written is skipped."""
    from claimtrack.io.atomic import write_atomic
    from claimtrack.io.cache_probe import read_signed
    from claimtrack.io.cache_rows import (
        INDEX,
        entry_key,
        is_sealed_index,
        is_settled,
        seal_index,
        signature,
    )
    from claimtrack.io.names import display_name
    from claimtrack.io.regular import read_regular

    if watched.current() != watched.states or os.getcwd() != watched.cwd:
        return
    now = watched.started_ns
    states: list[list[int] | None] = []
    for path in [*watched.same, *listed]:
        try:
            status = os.stat(path)
        except (OSError, ValueError):
            states.append(None)
            continue
        if not is_settled(status, now):
            return
        states.append(signature(status))
    if states[0] is None or None in states[len(watched.same) :]:
        return  # the schema, or a folder listed, is gone
    cwd = watched.cwd
    try:  # the index as this run left it: once settled, its seal need not be checked again
        index, index_signature = read_signed(folder / INDEX, max_bytes)
    except (OSError, ValueError):
        return
    memo = {
        "request": [__version__, cwd, cache_dir, list(paths)],
        "fingerprint": fingerprint,
        "index": index_signature if is_sealed_index(index, fingerprint) else None,
        "max_bytes": max_bytes,
        "failing": list(failing),
        "watched": [[p, s] for p, s in zip([*watched.same, *listed], states, strict=True)],
        "files": [[name, entry_key(display_name(name), name, cwd)] for name in names],
    }
    try:
        content = seal_index(memo, _SEAL)
        target = folder / MEMO
        try:
            if read_regular(target, len(content) + 1) == content:
                return
        except (OSError, ValueError):
            pass
        if folder.is_dir():  # the cache made it; the memo never makes it
            write_atomic(target, content)
    except (OSError, ValueError):
        return

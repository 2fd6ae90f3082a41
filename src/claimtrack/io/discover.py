"""From what the user typed to the files to check: files, folders, globs, and "-"."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path
from stat import S_ISDIR

import attrs

from claimtrack.io.names import posix_name

__all__ = [
    "CLAIM_FILE_SUFFIXES",
    "STDIN",
    "Discovery",
    "discover",
    "is_expandable",
    "needs_expanding",
    "nothing_found",
    "path_status",
]

CLAIM_FILE_SUFFIXES = (".yaml", ".yml", ".json")
STDIN = "-"


@attrs.frozen
class Discovery:
    """The files found, in order; the arguments naming nothing that exists (``missing``);
    and the folders and globs that exist or match but hold no claim file (``empty``)."""

    files: tuple[str, ...]
    missing: tuple[str, ...]
    empty: tuple[str, ...] = ()
    #: Folders that could not be listed, each with why (they are reported, not skipped
    #: silently).
    unreadable: tuple[tuple[str, str], ...] = ()


def _walk(
    folder: str, unreadable: list[tuple[str, str]], listed: list[str] | None = None
) -> list[str]:
    """The claim files under ``folder``, named as :func:`discover` shows them (each folder's
    name is made POSIX once, not each file's); folders that cannot be listed are added to
    ``unreadable``, and with ``listed`` given, every folder listed is added to it."""
    found: list[str] = []

    def failed(error: OSError) -> None:
        name = posix_name(error.filename if error.filename is not None else folder)
        unreadable.append((name, error.strerror or str(error)))

    for root, dirs, files in os.walk(folder, onerror=failed):
        if listed is not None:
            listed.append(root)
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        prefix = Path(root).as_posix()
        prefix = "" if prefix == "." else prefix.rstrip("/") + "/"
        found.extend(
            prefix + name
            for name in sorted(files)
            if name.lower().endswith(CLAIM_FILE_SUFFIXES) and not name.startswith(".")
        )
    return found


def needs_expanding(argument: str) -> bool:
    """Whether ``argument`` stands for other files (a folder, or a glob that is not itself
    a file's name) rather than for one file."""
    return is_expandable(argument, path_status(argument))


def path_status(argument: str) -> os.stat_result | None:
    """The status of what ``argument`` names (links followed), None when it names nothing
    that can be looked at."""
    try:
        return os.stat(argument)
    except (OSError, ValueError):
        return None


def is_expandable(argument: str, status: os.stat_result | None) -> bool:
    """:func:`needs_expanding`, given the status :func:`path_status` took of ``argument``
    (so a caller that needs the status too takes it once)."""
    if status is not None:
        return S_ISDIR(status.st_mode)
    return glob.has_magic(argument)  # names nothing, so it is no file's name


def _expand(
    argument: str, unreadable: list[tuple[str, str]], listed: list[str] | None
) -> list[str] | None:
    """The files one argument names, or ``None`` when it names nothing at all; folders that
    cannot be listed are added to ``unreadable``, and those listed to ``listed``."""
    if argument == STDIN:
        return [STDIN]
    if os.path.isdir(argument):
        return _walk(argument, unreadable, listed)
    if os.path.lexists(argument):  # a link leading nowhere too: reading it says what it is
        return [argument]
    if glob.has_magic(argument):
        matches = sorted(glob.glob(argument, recursive=True))
        return [
            name
            for match in matches
            for name in (_walk(match, unreadable, listed) if os.path.isdir(match) else [match])
        ]
    return None


def discover(arguments: Iterable[str], listed: list[str] | None = None) -> Discovery:
    """Expand folders (recursively, claim-file suffixes only, hidden entries skipped) and
    globs; keep named files whatever their suffix; keep "-" for standard input.

    Files come out sorted within each argument, each once, with POSIX separators. The
    command line and :func:`claimtrack.check` both find their files here. With ``listed``
    given, every folder whose listing was read is added to it (what the files found depend
    on, besides the arguments).
    """
    files: list[str] = []
    missing: list[str] = []
    empty: list[str] = []
    unreadable: list[tuple[str, str]] = []
    seen: set[str] = set()
    for argument in arguments:
        expanded = _expand(argument, unreadable, listed)
        if expanded is None:
            missing.append(argument)
        elif not expanded:
            empty.append(argument)
        for name in expanded or ():
            display = posix_name(name)
            if display not in seen:
                seen.add(display)
                files.append(display)
    return Discovery(tuple(files), tuple(missing), tuple(empty), tuple(unreadable))


def nothing_found(argument: str) -> str:
    """What to say of a folder or glob that names no claim file."""
    kind = "folder" if os.path.isdir(argument) else "glob"
    suffixes = ", ".join(f"*{suffix}" for suffix in CLAIM_FILE_SUFFIXES)
    return f"{argument}: the {kind} names no claim files ({suffixes})"

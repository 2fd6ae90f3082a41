"""From what the user typed to the files to check: files, folders, globs, and "-"."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable
from pathlib import Path

import attrs

from claimtrack.io.names import posix_name

__all__ = ["CLAIM_FILE_SUFFIXES", "STDIN", "Discovery", "discover"]

CLAIM_FILE_SUFFIXES = (".yaml", ".yml", ".json")
STDIN = "-"


@attrs.frozen
class Discovery:
    """The files found, in order, and the arguments that matched nothing."""

    files: tuple[str, ...]
    missing: tuple[str, ...]
    #: Folders that could not be listed, each with why (they are reported, not skipped
    #: silently).
    unreadable: tuple[tuple[str, str], ...] = ()


def _walk(folder: str, unreadable: list[tuple[str, str]]) -> list[str]:
    """The claim files under ``folder``, named as :func:`discover` shows them (each folder's
    name is made POSIX once, not each file's); folders that cannot be listed are added to
    ``unreadable``."""
    found: list[str] = []

    def failed(error: OSError) -> None:
        name = posix_name(error.filename if error.filename is not None else folder)
        unreadable.append((name, error.strerror or str(error)))

    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        prefix = Path(root).as_posix()
        prefix = "" if prefix == "." else prefix.rstrip("/") + "/"
        found.extend(
            prefix + name
            for name in sorted(files)
            if name.lower().endswith(CLAIM_FILE_SUFFIXES) and not name.startswith(".")
        )
    return found


def discover(arguments: Iterable[str]) -> Discovery:
    """Expand folders (recursively, claim-file suffixes only, hidden entries skipped) and
    globs; keep named files whatever their suffix; keep "-" for standard input.

    Files come out sorted within each argument, each once, with POSIX separators.
    """
    files: list[str] = []
    missing: list[str] = []
    unreadable: list[tuple[str, str]] = []
    seen: set[str] = set()

    def add(name: str) -> None:
        display = posix_name(name)
        if display not in seen:
            seen.add(display)
            files.append(display)

    for argument in arguments:
        if argument == STDIN:
            add(STDIN)
        elif os.path.isdir(argument):
            for name in _walk(argument, unreadable):
                add(name)
        elif os.path.exists(argument):
            add(argument)
        elif glob.has_magic(argument):
            matches = sorted(glob.glob(argument, recursive=True))
            expanded = [
                name
                for match in matches
                for name in (_walk(match, unreadable) if os.path.isdir(match) else [match])
            ]
            if not expanded:
                missing.append(argument)
            for name in expanded:
                add(name)
        else:
            missing.append(argument)
    return Discovery(tuple(files), tuple(missing), tuple(unreadable))

"""Reading the shared source library's files: glob patterns in, loaded documents out.

The patterns come from the configuration (``[tool.claimtrack] sources``) and are relative to
its folder; a file they match outside that folder (links followed) is refused, so that a
configuration cannot make claimtrack read arbitrary files of the machine. Each file is read
and parsed as a claim file is (:mod:`claimtrack.io.load`: the same input limits and the same
guarantees against hostile input). A pattern that matches no file, and a file that cannot be
read or parsed, are findings with a location; nothing here raises for bad input. What the
documents say is judged by :mod:`claimtrack.validate.library`.
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from claimtrack import rules
from claimtrack.errors import LoadError
from claimtrack.findings import Finding, Location
from claimtrack.io.limits import Limits
from claimtrack.io.load import LoadedDocument, load_bytes, read_bytes
from claimtrack.io.names import display_name

__all__ = ["LibraryFiles", "library_paths", "read_library", "shown_path"]


@attrs.frozen
class LibraryFiles:
    """The library files read: their documents in a stable order (sorted by path), the
    findings of what could not be found, read or parsed, and a digest of the patterns, the
    files' names and their bytes (what a cached result citing them depends on)."""

    documents: tuple[LoadedDocument, ...]
    problems: tuple[Finding, ...]
    digest: str


def shown_path(path: str | os.PathLike[str]) -> str:
    """A file as library findings name it: relative to the current folder when inside it."""
    relative = os.path.relpath(path)
    return display_name(path if relative.startswith("..") else relative)


def _inside(path: str, base: Path) -> bool:
    """Whether ``path``, links followed, lies in the folder ``base`` (links followed too)."""
    root = os.path.realpath(base)
    return os.path.commonpath([root, os.path.realpath(path)]) == root


def library_paths(patterns: Sequence[str], base: Path) -> list[list[str]]:
    """For each pattern (relative to ``base``; ``**`` spans folders), the files it matches,
    as absolute paths, sorted."""
    root = os.path.abspath(base)
    matched: list[list[str]] = []
    for pattern in patterns:
        absolute = os.path.isabs(pattern)
        if glob.has_magic(pattern):
            prefix = "" if absolute else glob.escape(root) + os.sep
            found = glob.glob(prefix + pattern, recursive=True)
        else:  # a plain name (even one holding glob characters) is itself
            joined = pattern if absolute else os.path.join(root, pattern)
            found = [joined] if os.path.lexists(joined) else []
        matched.append(sorted({os.path.normpath(f) for f in found if not os.path.isdir(f)}))
    return matched


def read_library(
    patterns: Sequence[tuple[str, Location]], base: Path, limits: Limits | None = None
) -> LibraryFiles:
    """Read and parse the library files ``patterns`` name (each with where the configuration
    writes it, so a pattern matching nothing is reported there). A file matched by two
    patterns is read once."""
    limits = limits or Limits()
    problems: list[Finding] = []
    paths: list[str] = []
    for (pattern, where), found in zip(
        patterns, library_paths([p for p, _ in patterns], base), strict=True
    ):
        if not found:
            problems.append(
                rules.finding(
                    rules.UNREADABLE,
                    f"the source library pattern {pattern!r} matches no file (looked in"
                    f" {base.as_posix()!r})",
                    where,
                    hint="Correct the pattern (it is relative to the configuration file's"
                    " folder), create the library file, or remove the pattern.",
                )
            )
        for path in found:
            if not _inside(path, base):
                problems.append(
                    rules.finding(
                        rules.UNREADABLE,
                        f"the source library file {shown_path(path)!r} (from the pattern"
                        f" {pattern!r}) lies outside the configuration file's folder",
                        where,
                        hint="Keep the library inside the project, next to or below the"
                        " configuration file; claimtrack reads no file outside it.",
                    )
                )
            elif path not in paths:
                paths.append(path)
    digest = hashlib.sha256()
    for pattern, _ in patterns:
        digest.update(f"pattern\0{pattern}\0".encode("utf-8", "surrogateescape"))
    documents: list[LoadedDocument] = []
    for path in sorted(paths):
        name = shown_path(path)
        digest.update(f"file\0{path}\0".encode("utf-8", "surrogateescape"))
        try:
            content = read_bytes(path, name=name, limits=limits)
            digest.update(hashlib.sha256(content).digest())
            documents.append(load_bytes(content, name, limits=limits, file_path=Path(path)))
        except LoadError as error:
            problems.extend(error.findings)
    return LibraryFiles(tuple(documents), tuple(problems), digest.hexdigest())

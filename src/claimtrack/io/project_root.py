"""The project root: the folder that snapshot paths may not leave and that holds the cache.

Kept apart from the snapshot reader so that a run answered from the cache finds it without
building the reader's record classes.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ROOT_MARKERS", "find_project_root"]

#: The names whose presence makes a folder a project root.
ROOT_MARKERS = (".git", "pyproject.toml", "claimtrack.toml")


def find_project_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding .git, pyproject.toml or
    claimtrack.toml; ``start`` itself when there is none (or when ``start`` cannot be
    resolved: a loop of links, a NUL byte)."""
    try:
        start = start.resolve()
    except (OSError, RuntimeError, ValueError):
        return start
    for folder in (start, *start.parents):
        if any(_exists(folder / marker) for marker in ROOT_MARKERS):
            return folder
    return start


def _exists(path: Path) -> bool:
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True

"""How files are named in findings and output: their path as given, in POSIX form."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["display_name"]


def display_name(item: str | os.PathLike[str]) -> str:
    """The name a file's findings carry: ``Path(item).as_posix()``, without building a Path
    for a name that is already so written (as discovered files are)."""
    if (
        isinstance(item, str)
        and os.sep == "/"
        and item
        and item != "."
        and "//" not in item
        and "/./" not in item
        and not item.startswith("./")
        and not item.endswith(("/", "/."))
    ):
        return item
    return Path(item).as_posix()

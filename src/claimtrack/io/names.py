"""How files are named in findings and output: their path as given, in POSIX form."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["display_name", "posix_name"]


def display_name(item: str | os.PathLike[str]) -> str:
    """The name a file's findings carry: ``Path(item).as_posix()``, without building a Path
    for a name that is already so written (as discovered files are). A name that is not
    UTF-8 shows its other bytes as ``\\xNN``, so that every output format can hold it."""
    name = posix_name(item)
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        raw = name.encode("utf-8", "surrogateescape" if _escaped_only(name) else "backslashreplace")
        return raw.decode("utf-8", "backslashreplace")
    return name


def _escaped_only(name: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in name)


def posix_name(item: str | os.PathLike[str]) -> str:
    """``Path(item).as_posix()``: a file's name in POSIX form, still fit to open it."""
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

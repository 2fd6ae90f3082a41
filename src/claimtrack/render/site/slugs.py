"""File names for the pages of a corpus site, safe on every operating system.

A slug is ASCII letters, digits and hyphens only, lower case, at most :data:`MAX_LENGTH`
characters, never empty, never a name Windows reserves (``con``, ``nul``, ``com1``, …) and
never ending in a dot or a space. Slugs are compared case-insensitively when they are handed
out, so two pages never share a file even on a case-insensitive file system (macOS, Windows):
the second ``iran`` becomes ``iran-2``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_LENGTH", "Slugs", "slugify"]

#: The longest slug (well below the 255 bytes file systems allow a name, leaving room for a
#: numbered suffix and the extension, and short enough for Windows' 260-character paths).
MAX_LENGTH = 60
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "index"}
    | {f"com{n}" for n in range(10)}
    | {f"lpt{n}" for n in range(10)}
)


def slugify(text: str, fallback: str = "page") -> str:
    """``text`` as a slug (accents dropped, other characters turned into hyphens); the
    ``fallback`` when nothing of it is left. A reserved name gets ``-page`` appended."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", ascii_text.lower()).strip("-")
    slug = slug[:MAX_LENGTH].rstrip("-")
    if not slug:
        slug = fallback
    if slug in _RESERVED:
        slug = f"{slug}-page"
    return slug


class Slugs:
    """Hands out slugs that are unique (case aside) within one folder of the site."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, text: str, fallback: str = "page") -> str:
        """A slug of ``text`` no earlier call returned: ``name``, else ``name-2``, ``name-3``…"""
        base = slugify(text, fallback)
        slug = base
        number = 1
        while slug in self._taken:
            number += 1
            suffix = f"-{number}"
            slug = base[: MAX_LENGTH - len(suffix)].rstrip("-") + suffix
        self._taken.add(slug)
        return slug

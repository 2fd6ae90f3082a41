"""Markdown that stays inert: escaping for text and table cells, and safe links.

Everything taken from claim files is escaped: HTML-significant characters become entities
(GitHub renders raw HTML in Markdown), Markdown punctuation is backslash-escaped, and table
cells lose their newlines and outer spaces. Only http(s) URLs become links.
"""

from __future__ import annotations

import re

from claimtrack._inert import visible
from claimtrack.render.links import safe_url

__all__ = ["escape_cell", "escape_text", "link"]

# Backslash-escaped wherever they stand: emphasis, code, links, tables, strike-through, heading
# closing sequences and GitHub's math. Other punctuation only matters at the start of a line,
# which escaped text never reaches (it is always preceded by markup).
_PUNCTUATION = re.compile(r"([\\`*_\[\]|~#$])")


def escape_text(text: str) -> str:
    """``text`` on one line, inert as Markdown and as HTML, controls escaped visibly."""
    flat = visible(" ".join(text.split()))
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _PUNCTUATION.sub(r"\\\1", flat)


def escape_cell(text: str) -> str:
    """``text`` fit for a GFM table cell (one line, pipes escaped, never empty)."""
    return escape_text(text) or " "


def link(url: str | None, text: str | None = None) -> str:
    """A Markdown link to ``url`` when it is a safe http(s) URL, else the escaped text."""
    safe = safe_url(url)
    if safe is None:
        return escape_text(text or url or "")
    target = safe.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E")
    return f"[{escape_text(text or safe)}](<{target}>)"

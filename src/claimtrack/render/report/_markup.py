"""HTML building blocks shared by the report's page parts: escaping and safe links."""

from __future__ import annotations

import html
import re

from claimtrack._inert import LINE_CONTROLS, visible_lines
from claimtrack.render.links import safe_url

__all__ = ["escape", "link"]

#: Any character :func:`escape` changes: HTML's five, and those ``visible_lines`` escapes.
_CHANGED = re.compile(f"[&<>\"'{LINE_CONTROLS}]")


def escape(text: str) -> str:
    """``text`` as inert HTML, quotes included (safe in attributes too), with control
    characters shown visibly (never passed raw to the page)."""
    if _CHANGED.search(text) is None:  # most text of a report: nothing to change
        return text
    return html.escape(visible_lines(text), quote=True)


def link(url: str | None, text: str, css: str | None = None) -> str:
    """A link to ``url`` when it is a safe http(s) URL, else the escaped text alone."""
    safe = safe_url(url)
    if safe is None:
        return escape(text)
    attributes = f' class="{css}"' if css else ""
    return f'<a{attributes} href="{escape(safe)}" rel="noopener noreferrer">{escape(text)}</a>'

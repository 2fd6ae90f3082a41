"""Which links a report may render: absolute http(s) URLs without spaces or control characters."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["safe_url"]


def safe_url(url: str | None) -> str | None:
    """``url`` if it is safe to render as a link (http or https, with a host), else ``None``.

    Claim files are validated against the schema, but a report must stay safe on records that
    were built in code or failed validation: ``javascript:``, ``data:`` and relative URLs never
    become links.
    """
    if not url or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url

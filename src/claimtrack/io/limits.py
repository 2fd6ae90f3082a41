"""Input limits, apart from the parsers so that settings can name them without loading those."""

from __future__ import annotations

import attrs

__all__ = ["Limits"]


@attrs.frozen
class Limits:
    """Bounds that keep hostile input from exhausting memory or time."""

    max_bytes: int = 256 * 1024 * 1024
    max_depth: int = 64
    max_alias_nodes: int = 100_000

"""How messages quote the values they are about, and the key/index paths they point to."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["Path", "show"]

#: A value's place in the data: keys and list indexes from the top.
Path = tuple[str | int, ...]


def show(value: Any, limit: int = 60) -> str:
    """A value as the user wrote it, in JSON spelling, shortened."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"

"""Helpers shared by the exporters: dates, JSON text, and the identifiers they mint."""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["date_parts", "is_datetime", "json_text", "urn"]

_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$")


def json_text(data: Any) -> str:
    """Data as JSON text with stable key order, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def date_parts(date: str) -> list[int]:
    """A partial ISO date ("2024-12") as its numeric parts ([2024, 12])."""
    return [int(part) for part in date.split("-")]


def is_datetime(value: str | None) -> bool:
    """True for a full date-time with a UTC offset (what xsd:dateTime and RFC 3339 want)."""
    return value is not None and _DATETIME.match(value) is not None


def urn(*parts: str) -> str:
    """A ``urn:claimtrack:`` identifier (the namespace of the project's schemas)."""
    return "urn:claimtrack:" + ":".join(parts)

"""Partial ISO dates (2024, 2024-12, 2024-12-08): calendar validity and comparison bounds."""

from __future__ import annotations

import calendar

__all__ = ["earliest", "is_real_date", "latest"]


def _parts(value: str) -> tuple[int, int | None, int | None]:
    date_part = value.split("T", 1)[0]
    pieces = [int(piece) for piece in date_part.split("-")]
    year = pieces[0]
    month = pieces[1] if len(pieces) > 1 else None
    day = pieces[2] if len(pieces) > 2 else None
    return year, month, day


def is_real_date(value: str) -> bool:
    """False for a well-formed date that is not in the calendar (2023-02-29)."""
    year, month, day = _parts(value)
    if month is None or day is None:
        return True
    return day <= calendar.monthrange(year, month)[1]


def earliest(value: str) -> tuple[int, int, int]:
    """The first day a partial date can mean."""
    year, month, day = _parts(value)
    return year, month or 1, day or 1


def latest(value: str) -> tuple[int, int, int]:
    """The last day a partial date can mean."""
    year, month, day = _parts(value)
    month = month or 12
    return year, month, day or calendar.monthrange(year, month)[1]

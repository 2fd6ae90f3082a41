"""Whether the figures a claim states are in a citation's quote or near it in the source."""

from __future__ import annotations

from claimtrack.lint._numbers import read_numbers, same_number
from claimtrack.lint.quantities import recorded_numbers
from claimtrack.model import Quantity

__all__ = ["NEAR_FIGURE", "missing_figures"]

NEAR_FIGURE = 300
"""How far from the quote, in code points on either side, a figure may stand in the source
and still count as given by it."""


def _stated(text: str) -> list[float]:
    return [number for expression in read_numbers(text) for number in expression.numbers]


def missing_figures(
    quantities: tuple[Quantity, ...], quote: str, text: str, start: int, end: int
) -> list[float]:
    """The numbers of ``quantities`` (scaled by their units, as recorded) found neither in
    ``quote`` nor in ``text`` within :data:`NEAR_FIGURE` of ``text[start:end]``."""
    nearby = text[max(0, start - NEAR_FIGURE) : end + NEAR_FIGURE]
    given = _stated(quote) + _stated(nearby)
    missing: list[float] = []
    for quantity in quantities:
        _shape, numbers = recorded_numbers(quantity)
        missing.extend(n for n in numbers if not any(same_number(n, g) for g in given))
    return missing

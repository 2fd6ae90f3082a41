"""Whether the figures a claim states are in a citation's quote or near it in the source."""

from __future__ import annotations

from claimtrack.lint._numbers import same_number, stated_numbers
from claimtrack.lint.quantities import recorded_numbers
from claimtrack.model import Quantity

__all__ = ["NEAR_FIGURE", "missing_figures"]

NEAR_FIGURE = 300
"""How far from the quote, in code points on either side, a figure may stand in the source
and still count as given by it."""


def missing_figures(
    quantities: tuple[Quantity, ...], quote: str, text: str, start: int, end: int
) -> list[float]:
    """The numbers of ``quantities`` (scaled by their units, as recorded) found neither in
    ``quote`` nor in ``text`` within :data:`NEAR_FIGURE` of ``text[start:end]``."""
    wanted = [n for quantity in quantities for n in recorded_numbers(quantity)[1]]
    in_quote = stated_numbers(quote)
    missing = [n for n in wanted if not any(same_number(n, g) for g in in_quote)]
    if not missing:
        return []
    nearby = stated_numbers(text[max(0, start - NEAR_FIGURE) : end + NEAR_FIGURE])
    return [n for n in missing if not any(same_number(n, g) for g in nearby)]

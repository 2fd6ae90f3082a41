"""Whether the figures a claim states are in a citation's quote or near it in the source."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from claimtrack.lint._numbers import same_number, stated_numbers, stated_spans
from claimtrack.lint.quantities import recorded_numbers
from claimtrack.model import Quantity

__all__ = ["NEAR_FIGURE", "StatedFigures", "missing_figures"]

NEAR_FIGURE = 300
"""How far from the quote, in code points on either side, a figure may stand in the source
and still count as given by it."""


class StatedFigures:
    """The numbers a source text states and where each stands, read once from the whole
    text for all the quotes sought in it. A number is read as the whole text writes it, so
    the edge of the part looked at never cuts one ("12,000" is never read as "2,000"): one
    that does not stand wholly within that part is not in it."""

    def __init__(self, text: str) -> None:
        spans = stated_spans(text)
        self._starts = [start for start, _end, _numbers in spans]
        self._ends = [end for _start, end, _numbers in spans]
        self._numbers = [numbers for _start, _end, numbers in spans]

    def within(self, start: int, end: int) -> list[float]:
        """The numbers of the expressions that stand wholly in ``[start, end)``."""
        first = bisect_left(self._starts, start)
        last = bisect_right(self._ends, end)
        return [number for numbers in self._numbers[first:last] for number in numbers]


def missing_figures(
    quantities: tuple[Quantity, ...], quote: str, stated: StatedFigures, start: int, end: int
) -> list[float]:
    """The numbers of ``quantities`` (scaled by their units, as recorded) found neither in
    ``quote`` nor in the source text ``stated`` reads, wholly within :data:`NEAR_FIGURE`
    of the passage ``[start, end)`` the quote matched."""
    wanted = [n for quantity in quantities for n in recorded_numbers(quantity)[1]]
    in_quote = stated_numbers(quote)
    missing = [n for n in wanted if not any(same_number(n, g) for g in in_quote)]
    if not missing:
        return []
    nearby = stated.within(max(0, start - NEAR_FIGURE), end + NEAR_FIGURE)
    return [n for n in missing if not any(same_number(n, g) for g in nearby)]

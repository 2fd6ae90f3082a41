"""F108: structured quantities that do not say what the quoted text says."""

from __future__ import annotations

from collections.abc import Iterator

from claimtrack import rules
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import Check
from claimtrack.lint._numbers import Expression, Shape, read_numbers, same_number, scale_of_unit
from claimtrack.lint.quantity_flags import QUANTITY_MISMATCH
from claimtrack.model import ClaimFile, Quantity

__all__ = ["CHECKS", "QUANTITY_MISMATCH", "quantity_problem", "recorded_numbers", "show_number"]


def show_number(number: float) -> str:
    """A number as a reader writes it: 2,000 or 1.5."""
    return f"{number:,.0f}" if number == int(number) else f"{number:,}"


def recorded_numbers(quantity: Quantity) -> tuple[Shape, tuple[float, ...]]:
    scale = scale_of_unit(quantity.unit)
    if quantity.value is not None:
        return Shape.VALUE, (quantity.value * scale,)
    if quantity.low is not None and quantity.high is not None:
        return Shape.RANGE, (quantity.low * scale, quantity.high * scale)
    if quantity.lower_bound is not None and quantity.upper_bound is not None:
        return Shape.RANGE, (quantity.lower_bound * scale, quantity.upper_bound * scale)
    if quantity.lower_bound is not None:
        return Shape.LOWER, (quantity.lower_bound * scale,)
    return Shape.UPPER, ((quantity.upper_bound or 0.0) * scale,)


def _a(shape: Shape) -> str:
    return f"an {shape}" if str(shape)[0] in "aeiou" else f"a {shape}"


def _holding(expressions: list[Expression], number: float) -> list[Expression]:
    return [e for e in expressions if any(same_number(number, n) for n in e.readings)]


def quantity_problem(quantity: Quantity, text: str) -> str | None:
    """What is wrong with ``quantity`` as a reading of ``text``, or ``None``.

    A text without digits says nothing checkable, so it never yields a problem.
    """
    expressions = read_numbers(quantity.text or text)
    if not expressions:
        return None
    shape, numbers = recorded_numbers(quantity)
    stated = ", ".join(repr(e.text) for e in expressions[:3])
    for number in numbers:
        if not _holding(expressions, number):
            return f"the quantity records {show_number(number)}, but the text states {stated}"
    holders = [e for number in numbers for e in _holding(expressions, number)]
    if shape is Shape.RANGE:
        return None
    if shape is Shape.VALUE:
        if any(e.shape is Shape.VALUE for e in holders):
            return None
        if quantity.approximate and all(e.shape is not Shape.RANGE for e in holders):
            return None
        return (
            f"the text gives {_a(holders[0].shape)} ({holders[0].text!r}), but the quantity"
            f" records the exact value {show_number(numbers[0])}"
        )
    opposite = Shape.UPPER if shape is Shape.LOWER else Shape.LOWER
    if all(e.shape is opposite for e in holders):
        return (
            f"the text gives {_a(opposite)} ({holders[0].text!r}), but the quantity records"
            f" {_a(shape)}"
        )
    return None


def quantity_text_mismatch(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F108."""
    for index, claim in enumerate(claim_file.claims):
        for number, quantity in enumerate(claim.quantities):
            problem = quantity_problem(quantity, claim.anchor.exact)
            if problem is not None:
                yield rules.finding(
                    QUANTITY_MISMATCH,
                    f"in claim {claim.id!r}, {problem}",
                    document.location(("claims", index, "quantities", number)),
                )


CHECKS: tuple[Check, ...] = ((quantity_text_mismatch, (QUANTITY_MISMATCH,)),)

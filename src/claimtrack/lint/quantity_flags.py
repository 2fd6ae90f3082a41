"""The quantity flag's metadata: a recorded figure the claim's text does not state.
Importing this module registers it; the check is in :mod:`claimtrack.lint.quantities`."""

from __future__ import annotations

from claimtrack.lint.flags import flag

__all__ = ["QUANTITY_MISMATCH"]

QUANTITY_MISMATCH = flag(
    "F108",
    "quantity-text-mismatch",
    "A recorded quantity does not match the numbers in the quoted text.",
    "'More than 2,000' recorded as exactly 3,000, or '$30–50 billion' recorded as 30–50 "
    "million, puts a wrong number into every report built on the record. The text's numbers"
    " are read as extract reads them: thousands grouped by commas, spaces ('2\u00a0000'),"
    " apostrophes ('1\u2019000') or full stops ('1.200.000'), a decimal point or comma ('1,5"
    " million'), a minus sign ('\u22123.5%'), a fraction ('2\u00bd'), a scale letter with money"
    " or a count ('$5m', '5m people'); never an ordinal ('21st') or a name ('B-52'). One full"
    " stop before three digits ('1.200') may be 1.2 or 1,200: a quantity recording either"
    " matches.",
    """\
- id: casualties
  text: More than 2,000 fighters were killed.
  kind: quantity
  anchor: {exact: "more than 2,000 casualties"}
  quantities: [{value: 3000, unit: casualties}]
  citations: [{source: monitor-2024-report}]
""",
    """\
- id: casualties
  text: More than 2,000 fighters were killed.
  kind: quantity
  anchor: {exact: "more than 2,000 casualties"}
  quantities: [{lower_bound: 2000, unit: casualties}]
  citations: [{source: monitor-2024-report}]
""",
    "Record the number as the text states it: a value, a low–high range, or a bound"
    " (lower_bound for 'more than'); put a scale word such as 'billion' in the unit or in the"
    " number.",
)

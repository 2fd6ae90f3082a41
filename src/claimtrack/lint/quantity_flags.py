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
    " are read as extract reads them: thousands grouped by commas or by no-break or thin"
    " spaces ('2\u00a0000'), a decimal point, or a decimal comma before one or two digits"
    " ('1,5 million').",
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

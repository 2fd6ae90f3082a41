"""The sourcing flags' metadata: a check-worthy claim without a citation, a hedged claim
graded very sure, an event or statement without a date. Importing this module registers
them; the checks are in :mod:`claimtrack.lint.sourcing`."""

from __future__ import annotations

from claimtrack.lint.flags import flag

__all__ = ["CITATION_NEEDED", "HEDGE_CONFIDENCE", "WHEN_NEEDED"]

CITATION_NEEDED = flag(
    "F101",
    "citation-needed",
    "A check-worthy claim has no citation at all.",
    "A reader cannot check a claim that points to nothing. Mark the claim "
    "'check_worthy: false' only if it is opinion, not to silence the flag.",
    """\
- id: casualties
  text: More than 2,000 Iranian-backed fighters were killed in Syria.
  kind: quantity
  anchor: {exact: "more than 2,000 casualties"}
""",
    """\
- id: casualties
  text: More than 2,000 Iranian-backed fighters were killed in Syria.
  kind: quantity
  anchor: {exact: "more than 2,000 casualties"}
  citations:
    - {source: monitor-2024-report, locator: p. 4}
""",
    "Add a citation to a source that supports or disputes the claim.",
)

HEDGE_CONFIDENCE = flag(
    "F104",
    "hedge-confidence-mismatch",
    "Hedged text graded near-certain without support, or a flat assertion graded unlikely"
    " without a disputing source.",
    "A hedge ('reportedly', 'perhaps', 'may') says the document itself is unsure; grading the "
    "claim 'very likely' or with high confidence needs evidence of our own. Grading a flat "
    "assertion 'unlikely' equally needs a source that disputes it.",
    """\
- id: withdrawal
  text: Iran perhaps withdrew its advisers before the fall.
  kind: event
  anchor: {exact: Iran perhaps withdrew its advisers}
  dates: [{date: 2024-12}]
  confidence: {likelihood: almost-certain}
  citations: [{source: op-ed, backs: attribution}]
""",
    """\
- id: withdrawal
  text: Iran perhaps withdrew its advisers before the fall.
  kind: event
  anchor: {exact: Iran perhaps withdrew its advisers}
  dates: [{date: 2024-12}]
  confidence: {likelihood: roughly-even-chance}
  citations: [{source: op-ed, backs: attribution}]
""",
    "Grade the claim by the evidence cited: lower the likelihood, or cite sources that support"
    " (or dispute) it.",
)

WHEN_NEEDED = flag(
    "F105",
    "when-needed",
    "An event claim has no date or period.",
    "An event without a date cannot be checked against the record, and a reader cannot tell "
    "old news from new ({{when}}).",
    """\
- id: strike
  text: Israel struck the Iranian consulate in Damascus.
  kind: event
  anchor: {exact: the strike on the consulate}
  citations: [{source: wire-report}]
""",
    """\
- id: strike
  text: Israel struck the Iranian consulate in Damascus.
  kind: event
  anchor: {exact: the strike on the consulate}
  dates: [{date: 2024-04-01}]
  citations: [{source: wire-report}]
""",
    "Add 'dates' with the date (or the period) the event happened, as precisely as known.",
)

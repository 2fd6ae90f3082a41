"""Metadata of the rules about evidence in source snapshots: snapshots that cannot be read,
quotes that are not in their source, figures the source does not give, and statuses
stronger than their evidence. Importing this module registers them in
:mod:`claimtrack.rules`.

Examples of rules that read a source snapshot begin with comment lines ``# file PATH: TEXT``
giving the snapshot files beside the claim file (TEXT is one line, ending with a newline).
"""

from __future__ import annotations

from claimtrack import rules
from claimtrack.findings import Severity
from claimtrack.lint.flags import flag
from claimtrack.rules import RuleInfo

__all__ = [
    "FAILED_VERIFICATION",
    "FIGURE_NOT_IN_SOURCE",
    "QUOTE_LOOSE_MATCH",
    "SOURCE_SNAPSHOT_CHANGED",
    "SOURCE_SNAPSHOT_UNREADABLE",
    "STATUS_BEYOND_EVIDENCE",
]

SOURCE_SNAPSHOT_UNREADABLE = rules.register(
    RuleInfo(
        code="E213",
        name="source-snapshot-unreadable",
        severity=Severity.ERROR,
        summary="A source's snapshot cannot be read as UTF-8 text inside the project.",
        rationale="Citation quotes are verified against the source's snapshot; a snapshot that"
        " is missing, not text, or outside the project cannot verify anything, and a claim file"
        " must not make claimtrack read files elsewhere on the machine.",
        hint="Check 'sources[].snapshot.path' (relative to the claim file, inside the project)"
        " and the file's encoding, or fetch the source again with 'claimtrack sources fetch'.",
    )
)
SOURCE_SNAPSHOT_CHANGED = rules.register(
    RuleInfo(
        code="E214",
        name="source-snapshot-hash-mismatch",
        severity=Severity.ERROR,
        summary="A source snapshot's SHA-256 differs from the one recorded.",
        rationale="The copy of the source changed after it was recorded, so quotes verified"
        " against it then may no longer be in it.",
        hint="Restore the recorded snapshot, or, if the new text is the right one, record its"
        " SHA-256 and verify the quotes again.",
    )
)

_SNAPSHOT = """\
# file ministry-note.txt: The ministry said 1,200 families had returned to the valley by March.
sources:
  - id: ministry-note
    type: report
    title: Returns to the valley
    issued: 2024-04
    url: https://ministry.example.org/returns
    snapshot:
      path: ministry-note.txt
      sha256: 8577cdbfb7e4796a6199bae37395cb8b57ca17dc9f3eaa9e1ebabc1b7a1f2a77
      coverage: full
claims:
  - id: returns
"""

FAILED_VERIFICATION = flag(
    "F120",
    "failed-verification",
    "A citation's quote is not in the source's snapshot, even after normalisation or with a"
    " few letters changed.",
    "The quote is what a reader takes the source to say; if the source's own text does not"
    " contain it, the citation does not show what it claims to ({{failed verification}})."
    " The message names the closest passage of the snapshot and how similar it is (1 = the"
    " same text). A figure that differs is never a near miss. When the snapshot is only an"
    " excerpt, the quote may still be in the rest of the source: check it there.",
    _SNAPSHOT
    + """\
    text: Families have returned to the valley.
    kind: relation
    anchor: {exact: families have returned}
    citations:
      - {source: ministry-note, quote: "2,400 families had returned to the valley"}
""",
    _SNAPSHOT
    + """\
    text: Families have returned to the valley.
    kind: relation
    anchor: {exact: families have returned}
    citations:
      - {source: ministry-note, quote: "1,200 families had returned to the valley"}
""",
    "Copy the quote from the source as it stands, cite the passage that does back the claim,"
    " or explain in the claim's notes why it cannot be verified.",
)

QUOTE_LOOSE_MATCH = flag(
    "F121",
    "quote-loose-match",
    "A citation's quote matches its source's snapshot only after normalisation or fuzzily.",
    "Readers copy quotes and search for them; a quote that differs from the source in its"
    " quotation marks, dashes, spacing or a few letters still verifies, but the difference is"
    " shown so it can be corrected to the source's own words.",
    _SNAPSHOT
    + """\
    text: Families have returned to the valley.
    kind: relation
    anchor: {exact: families have returned}
    citations:
      - {source: ministry-note, quote: "1,200 families had  returned to the vally"}
""",
    _SNAPSHOT
    + """\
    text: Families have returned to the valley.
    kind: relation
    anchor: {exact: families have returned}
    citations:
      - {source: ministry-note, quote: "1,200 families had returned to the valley"}
""",
    "Copy the quote exactly as the source's text gives it.",
    severity=Severity.INFO,
)

FIGURE_NOT_IN_SOURCE = flag(
    "F122",
    "figure-not-in-source",
    "A figure the claim states appears neither in a supporting citation's quote nor near the"
    " quote in the source's snapshot.",
    "The article says 26%, the source gives no percentage: the standard example of a failed"
    " verification. A quote that verifies but does not give the claim's number supports"
    " something, just not the number. The source's numbers are read as F108 reads the"
    " claim's, in every style extract reads ('2\u00a0000', '1,5 million', 'US$1.5trn',"
    " '1.200.000', '\u2212$5bn'); a number of two readings ('1.200': 1.2 or 1,200) gives"
    " either.",
    _SNAPSHOT
    + """\
    text: About 1,500 families have returned to the valley.
    kind: quantity
    anchor: {exact: "1,500 families"}
    quantities: [{value: 1500, unit: families}]
    citations:
      - {source: ministry-note, quote: families had returned to the valley}
""",
    _SNAPSHOT
    + """\
    text: About 1,200 families have returned to the valley.
    kind: quantity
    anchor: {exact: "1,200 families"}
    quantities: [{value: 1200, unit: families}]
    citations:
      - {source: ministry-note, quote: families had returned to the valley}
""",
    "Cite the passage that gives the figure, correct the claim's number, or explain in the"
    " notes where the figure comes from.",
)

STATUS_BEYOND_EVIDENCE = flag(
    "F123",
    "status-beyond-evidence",
    "A claim marked supported whose own grading or evidence says less: roughly even chance,"
    " low analytic confidence, content backed only by mentions, or only by quotes that fail"
    " verification.",
    "'Supported' tells a reader the check came out true. A record that grades the same claim"
    " no better than even chance, or with low confidence in the evidence, or whose only"
    " evidence for its content merely mentions it or is not in the source, says otherwise;"
    " one of the two is wrong. (Status against a likelihood below even chance is F112; a"
    " supported claim with no supporting citation, or only attribution, is F109 and F110.)",
    """\
- id: ceasefire
  text: The ceasefire held for a week.
  kind: assessment
  anchor: {exact: the ceasefire held}
  status: supported
  confidence: {likelihood: roughly-even-chance, analytic: moderate}
  citations: [{source: monitor-report}]
""",
    """\
- id: ceasefire
  text: The ceasefire held for a week.
  kind: assessment
  anchor: {exact: the ceasefire held}
  status: unverified
  confidence: {likelihood: roughly-even-chance, analytic: moderate}
  citations: [{source: monitor-report}]
""",
    "Grade the status down to unverified (or disputed), or record the evidence that justifies it.",
)

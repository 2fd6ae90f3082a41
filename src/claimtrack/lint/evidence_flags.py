"""The evidence flags' metadata: what the cited sources show, against the claim's status and
grades. Importing this module registers them; the checks are in
:mod:`claimtrack.lint.evidence`."""

from __future__ import annotations

from claimtrack.findings import Severity
from claimtrack.lint.flags import flag

__all__ = [
    "ATTRIBUTION_ONLY",
    "DISPUTED_WITHOUT_CITATION",
    "MENTIONS_ONLY",
    "SINGLE_SOURCE",
    "STATUS_LIKELIHOOD",
    "SUPPORTED_WITHOUT_CITATION",
    "UNRELIABLE_ONLY",
]

SINGLE_SOURCE = flag(
    "F106",
    "single-source-high-confidence",
    "High analytic confidence rests on one source, or on sources from one publisher.",
    "High confidence means well-corroborated information. Two reports from one outlet, or one "
    "report repeated, are one origin, not corroboration. A single primary source (a transcript, "
    "the dataset itself) may carry high confidence and is not flagged.",
    """\
- id: officers
  text: Iran withdrew its officers from Syria in early December 2024.
  kind: event
  anchor: {exact: Iran withdrew its officers}
  dates: [{start: 2024-12-01, end: 2024-12-08}]
  confidence: {analytic: high}
  citations: [{source: nyt-2024-12-07}]
""",
    """\
- id: officers
  text: Iran withdrew its officers from Syria in early December 2024.
  kind: event
  anchor: {exact: Iran withdrew its officers}
  dates: [{start: 2024-12-01, end: 2024-12-08}]
  confidence: {analytic: moderate}
  citations: [{source: nyt-2024-12-07}]
""",
    "Cite an independent second source (another publisher), or lower the analytic confidence.",
)

DISPUTED_WITHOUT_CITATION = flag(
    "F107",
    "disputed-without-citation",
    "A claim marked disputed or refuted cites no source that disputes it.",
    "Calling a claim false is itself a claim; the reader needs the evidence against it.",
    """\
- id: troops
  text: Iran had 10,000 troops in Syria.
  kind: quantity
  anchor: {exact: "10,000 Iranian troops"}
  status: refuted
  citations: [{source: ministry-statement, stance: supports}]
""",
    """\
- id: troops
  text: Iran had 10,000 troops in Syria.
  kind: quantity
  anchor: {exact: "10,000 Iranian troops"}
  status: refuted
  citations: [{source: monitor-count, stance: disputes}]
""",
    "Cite the source that disputes the claim with 'stance: disputes', or change the status.",
)

SUPPORTED_WITHOUT_CITATION = flag(
    "F109",
    "supported-without-citation",
    "A claim marked supported cites no source that supports it.",
    "'Supported' tells the reader the check is done and came out true; without a supporting "
    "citation that verdict cannot be retraced ({{failed verification}}).",
    """\
- id: fall
  text: Assad fled Damascus on 8 December 2024.
  kind: event
  anchor: {exact: Assad fled}
  dates: [{date: 2024-12-08}]
  status: supported
  citations: [{source: wire-report, stance: disputes}]
""",
    """\
- id: fall
  text: Assad fled Damascus on 8 December 2024.
  kind: event
  anchor: {exact: Assad fled}
  dates: [{date: 2024-12-08}]
  status: supported
  citations: [{source: wire-report, stance: supports}]
""",
    "Cite the source that supports the claim with 'stance: supports', or change the status.",
)

ATTRIBUTION_ONLY = flag(
    "F110",
    "attribution-only-support",
    "A claim marked supported is backed only by citations proving who said it, not that it"
    " is true.",
    "A transcript proves that a minister said something, not that what he said is true. "
    "'X said Y' can be verified without Y being true; for a claim about the world, the status "
    "'supported' needs evidence for the content. Quote claims are exempt: their content is "
    "the saying.",
    """\
- id: spending
  text: Iran spent $30-50 billion in Syria.
  kind: quantity
  anchor: {exact: "Iran spent $30-50 billion"}
  status: supported
  citations: [{source: mp-speech, backs: attribution}]
""",
    """\
- id: spending
  text: Iran spent $30-50 billion in Syria.
  kind: quantity
  anchor: {exact: "Iran spent $30-50 billion"}
  status: supported
  citations:
    - {source: mp-speech, backs: attribution}
    - {source: budget-analysis, backs: content}
""",
    "Cite evidence for the content (backs: content or both), or set the status to unverified.",
)

MENTIONS_ONLY = flag(
    "F111",
    "mentions-only",
    "A check-worthy claim's citations only mention it; none supports or disputes it.",
    "A source that merely repeats or mentions a claim is not evidence for or against it, so "
    "the claim is as unsourced as one with no citation.",
    """\
- id: withdrawal
  text: Iran withdrew its advisers.
  kind: event
  anchor: {exact: Iran withdrew its advisers}
  dates: [{date: 2024-12}]
  citations: [{source: op-ed, stance: mentions}]
""",
    """\
- id: withdrawal
  text: Iran withdrew its advisers.
  kind: event
  anchor: {exact: Iran withdrew its advisers}
  dates: [{date: 2024-12}]
  citations: [{source: wire-report, stance: supports}]
""",
    "Cite a source that supports or disputes the claim, or keep looking.",
    severity=Severity.INFO,
)

STATUS_LIKELIHOOD = flag(
    "F112",
    "status-likelihood-mismatch",
    "The status contradicts the likelihood: supported but graded unlikely, or refuted but"
    " graded likely.",
    "Status and likelihood are two statements of the same judgement; when they disagree one "
    "of them is stale, and readers will believe whichever they see first.",
    """\
- id: troops
  text: Iran had 10,000 troops in Syria.
  kind: quantity
  anchor: {exact: "10,000 Iranian troops"}
  status: refuted
  confidence: {likelihood: very-likely}
  citations: [{source: monitor-count, stance: disputes}]
""",
    """\
- id: troops
  text: Iran had 10,000 troops in Syria.
  kind: quantity
  anchor: {exact: "10,000 Iranian troops"}
  status: refuted
  confidence: {likelihood: very-unlikely}
  citations: [{source: monitor-count, stance: disputes}]
""",
    "Update the status or the likelihood so they say the same thing.",
)

UNRELIABLE_ONLY = flag(
    "F113",
    "unreliable-sources-only",
    "Every source supporting the claim is rated unreliable (Admiralty E).",
    "A source graded 'E: unreliable' has a history of invalid information; support from such "
    "sources alone is no support at all ({{dubious}}), however many of them there are.",
    """\
sources:
  - {id: rumour-mill, type: post, title: Troop numbers, issued: 2024-12-01,
     url: https://social.example.org/post/1, reliability: E}
  - {id: monitor-count, type: report, title: Casualty count, issued: 2024-12-20,
     url: https://monitor.example.org/count, reliability: B}
claims:
  - id: troops
    text: Iran had 10,000 troops in Syria.
    kind: quantity
    anchor: {exact: "10,000 Iranian troops"}
    citations: [{source: rumour-mill}, {source: monitor-count, stance: mentions}]
""",
    """\
sources:
  - {id: rumour-mill, type: post, title: Troop numbers, issued: 2024-12-01,
     url: https://social.example.org/post/1, reliability: E}
  - {id: monitor-count, type: report, title: Casualty count, issued: 2024-12-20,
     url: https://monitor.example.org/count, reliability: B}
claims:
  - id: troops
    text: Iran had 10,000 troops in Syria.
    kind: quantity
    anchor: {exact: "10,000 Iranian troops"}
    citations: [{source: rumour-mill}, {source: monitor-count}]
""",
    "Find support from a source that is not rated unreliable, or mark the claim unverified.",
)

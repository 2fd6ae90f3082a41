"""The flags' metadata: code, name, default severity, summary, rationale, a failing and a
fixed example, and the hint each finding carries. Importing this module registers them in
:mod:`claimtrack.rules`.

The metadata lives apart from the checks (in the other modules of this package) so that what
needs only the rule registry (configuration, rule selection, a run whose results all come
from the cache) does not load the checks, the model and the parsers.
"""

from __future__ import annotations

from claimtrack import rules
from claimtrack.findings import Severity
from claimtrack.rules import RuleInfo

__all__ = [
    "ATTRIBUTION_ONLY",
    "BY_WHOM",
    "CITATION_NEEDED",
    "DISPUTED_WITHOUT_CITATION",
    "HEDGE_CONFIDENCE",
    "MENTIONS_ONLY",
    "NAMED_SOURCE_UNCITED",
    "QUANTITY_MISMATCH",
    "QUOTE_UNATTRIBUTED",
    "SINGLE_SOURCE",
    "SOURCE_INCOMPLETE",
    "SOURCE_UNUSED",
    "STATUS_LIKELIHOOD",
    "SUPPORTED_WITHOUT_CITATION",
    "UNRELIABLE_ONLY",
    "UNUSED_SUPPRESSION",
    "WHEN_NEEDED",
]


def flag(
    code: str,
    name: str,
    summary: str,
    rationale: str,
    bad: str,
    good: str,
    hint: str,
    severity: Severity = Severity.WARNING,
) -> RuleInfo:
    """Register a flag rule (a warning unless said otherwise)."""
    return rules.register(
        RuleInfo(
            code=code,
            name=name,
            severity=severity,
            summary=summary,
            rationale=rationale,
            bad_example=bad,
            good_example=good,
            hint=hint,
        )
    )


UNUSED_SUPPRESSION = flag(
    "F001",
    "unused-suppression",
    "A suppression that suppresses nothing, or names no known flag.",
    "A suppression outlives the problem it silenced; left in place it would hide "
    "the same problem if it came back, and it tells readers something that is no longer "
    "true.",
    """\
- id: strike
  text: Israel struck the Iranian consulate in Damascus.
  kind: event
  anchor: {exact: the strike on the consulate}
  dates: [{date: 2024-04-01}]
  citations: [{source: wire-report}]
  suppress:
    - {rule: when-needed, reason: The date is in the next sentence.}
""",
    """\
- id: strike
  text: Israel struck the Iranian consulate in Damascus.
  kind: event
  anchor: {exact: the strike on the consulate}
  dates: [{date: 2024-04-01}]
  citations: [{source: wire-report}]
""",
    "Remove the suppression (or correct the rule it names).",
)


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


BY_WHOM = flag(
    "F102",
    "by-whom",
    "A vague attribution ('officials say', 'reportedly') and no citation that names who.",
    "Weasel words hide who is speaking, so nobody can weigh the speaker's reliability. "
    "A citation backing the attribution shows who actually said it.",
    """\
- id: spending
  text: Iran spent $30-50 billion in Syria.
  kind: quantity
  anchor: {exact: "official reports estimate Iran spent $30-50 billion"}
  attribution: {specificity: vague, asserted_by: official reports}
  citations: [{source: think-tank-study, backs: content}]
""",
    """\
- id: spending
  text: Iran spent $30-50 billion in Syria.
  kind: quantity
  anchor: {exact: "official reports estimate Iran spent $30-50 billion"}
  attribution: {specificity: vague, asserted_by: official reports}
  citations: [{source: parliament-statement, backs: attribution}]
""",
    "Cite a source that names who made the statement (backs: attribution or both), or record"
    " the attribution as named if the text does name the speaker.",
)


NAMED_SOURCE_UNCITED = flag(
    "F103",
    "named-source-uncited",
    "The text names who asserts a claim, but no citation points to a source record of theirs.",
    "When an article says 'the New York Times revealed', the first thing to check is the "
    "Times report itself; a claim resting on other sources has skipped that step.",
    """\
- id: nyt-report
  text: The New York Times reported that Iran withdrew its officers.
  kind: event
  anchor: {exact: the New York Times revealed}
  dates: [{date: 2024-12}]
  attribution: {specificity: named, asserted_by: The New York Times}
  citations: [{source: blog-post}]
""",
    """\
- id: nyt-report
  text: The New York Times reported that Iran withdrew its officers.
  kind: event
  anchor: {exact: the New York Times revealed}
  dates: [{date: 2024-12}]
  attribution: {specificity: named, asserted_by: The New York Times}
  citations: [{source: new-york-times-2024-12-07, backs: attribution}]
""",
    "Add the named party's own statement or publication to 'sources' and cite it.",
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


QUANTITY_MISMATCH = flag(
    "F108",
    "quantity-text-mismatch",
    "A recorded quantity does not match the numbers in the quoted text.",
    "'More than 2,000' recorded as exactly 3,000, or '$30–50 billion' recorded as 30–50 "
    "million, puts a wrong number into every report built on the record.",
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


QUOTE_UNATTRIBUTED = flag(
    "F114",
    "quote-unattributed",
    "A quote or reported-speech claim does not record who said it.",
    "Reported speech is only as good as its speaker; a quote nobody is recorded as saying "
    "cannot be checked against what that person said ({{who}}).",
    """\
- id: remark
  text: A minister said the regime had lost its allies.
  kind: quote
  anchor: {exact: the regime had lost its allies}
  citations: [{source: wire-report}]
""",
    """\
- id: remark
  text: A minister said the regime had lost its allies.
  kind: quote
  anchor: {exact: the regime had lost its allies}
  attribution: {specificity: named, asserted_by: Example Wire}
  citations: [{source: example-wire-report}]
""",
    "Add 'attribution' with who said it ('asserted_by') and how precisely the text names them.",
)


SOURCE_INCOMPLETE = flag(
    "F201",
    "source-incomplete",
    "A source record has no date, or no URL, DOI or archive URL to find it by.",
    "A reader who cannot find a source cannot check it, and a source without a "
    "date cannot be placed before or after the events it reports.",
    """\
- id: wire-2024-12-07
  type: article-newspaper
  title: Iran Withdraws From Syria
  container_title: Example Wire
""",
    """\
- id: wire-2024-12-07
  type: article-newspaper
  title: Iran Withdraws From Syria
  container_title: Example Wire
  issued: 2024-12-07
  url: https://example.org/2024/12/07/iran-withdraws
""",
    "Add 'issued' (the publication date, as precisely as known) and a 'url', 'doi' or"
    " 'archive_url'.",
)


SOURCE_UNUSED = flag(
    "F202",
    "source-unused",
    "A source record that no claim cites.",
    "An uncited source is usually a citation that was forgotten, or a leftover "
    "after a claim changed; either way the bibliography no longer matches the claims.",
    """\
sources:
  - {id: wire-report, type: article-newspaper, title: Assad flees, issued: 2024-12-08,
     url: https://example.org/assad}
claims: []
""",
    """\
sources:
  - {id: wire-report, type: article-newspaper, title: Assad flees, issued: 2024-12-08,
     url: https://example.org/assad}
claims:
  - id: fall
    text: Assad fled Damascus.
    kind: event
    anchor: {exact: Assad fled}
    dates: [{date: 2024-12-08}]
    citations: [{source: wire-report}]
""",
    "Cite the source from the claim it backs, or remove it.",
)

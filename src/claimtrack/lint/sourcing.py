"""F1xx: flags on how a claim is sourced, after the editors' inline templates.

Each check receives the loaded document (for locations) and the claim file (the records)
and yields findings. Checks about sourcing look only at check-worthy claims: a pure opinion
needs no source.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimtrack import rules
from claimtrack.findings import Finding, Location, Severity
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import backs_attribution, supporting, supports_content
from claimtrack.lint._words import HEDGES, VAGUE_ATTRIBUTIONS, find_phrases
from claimtrack.model import (
    AnalyticConfidence,
    Claim,
    ClaimFile,
    ClaimKind,
    Likelihood,
    Reliability,
    Source,
    Specificity,
    Stance,
    Status,
)
from claimtrack.rules import RuleInfo

__all__ = ["CHECKS"]

_HIGH_LIKELIHOOD = frozenset({Likelihood.VERY_LIKELY, Likelihood.ALMOST_CERTAIN})
_LOW_LIKELIHOOD = frozenset(
    {Likelihood.UNLIKELY, Likelihood.VERY_UNLIKELY, Likelihood.ALMOST_NO_CHANCE}
)
_LIKELY_OR_MORE = frozenset({Likelihood.LIKELY, *_HIGH_LIKELIHOOD})


def _flag(
    code: str,
    name: str,
    summary: str,
    rationale: str,
    bad: str,
    good: str,
    hint: str,
    severity: Severity = Severity.WARNING,
) -> RuleInfo:
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


CITATION_NEEDED = _flag(
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
BY_WHOM = _flag(
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
NAMED_SOURCE_UNCITED = _flag(
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
HEDGE_CONFIDENCE = _flag(
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
WHEN_NEEDED = _flag(
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
SINGLE_SOURCE = _flag(
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
DISPUTED_WITHOUT_CITATION = _flag(
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
QUANTITY_MISMATCH = _flag(
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
SUPPORTED_WITHOUT_CITATION = _flag(
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
ATTRIBUTION_ONLY = _flag(
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
MENTIONS_ONLY = _flag(
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
STATUS_LIKELIHOOD = _flag(
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

UNRELIABLE_ONLY = _flag(
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
QUOTE_UNATTRIBUTED = _flag(
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

# --------------------------------------------------------------------------- helpers


def _at(document: LoadedDocument, index: int, *rest: str | int) -> Location:
    """The location of a claim (its id) or of a field inside it."""
    return document.location(("claims", index, *rest) if rest else ("claims", index, "id"))


def _enumerate_checkworthy(claim_file: ClaimFile) -> Iterator[tuple[int, Claim]]:
    for index, claim in enumerate(claim_file.claims):
        if claim.check_worthy:
            yield index, claim


def _hedges_of(claim: Claim) -> list[str]:
    recorded = list(claim.attribution.hedges) if claim.attribution is not None else []
    return recorded + [h for h in find_phrases(claim.anchor.exact, HEDGES) if h not in recorded]


# --------------------------------------------------------------------------- checks


def citation_needed(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F101."""
    for index, claim in _enumerate_checkworthy(claim_file):
        if not claim.citations:
            yield rules.finding(
                CITATION_NEEDED,
                f"claim {claim.id!r} is check-worthy but cites no source",
                _at(document, index),
            )


def by_whom(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F102."""
    for index, claim in _enumerate_checkworthy(claim_file):
        attribution = claim.attribution
        if attribution is not None:
            if attribution.specificity is not Specificity.VAGUE:
                continue
            cue = attribution.asserted_by or attribution.reported_by or "a vague source"
            where = _at(document, index, "attribution", "specificity")
        else:
            cues = find_phrases(claim.anchor.exact, VAGUE_ATTRIBUTIONS)
            if not cues:
                continue
            cue = cues[0]
            where = _at(document, index, "anchor", "exact")
        named = [
            c for c in claim.citations if backs_attribution(c) and c.stance is not Stance.DISPUTES
        ]
        if not named:
            yield rules.finding(
                BY_WHOM,
                f"claim {claim.id!r} is attributed to {cue!r} and no citation shows who said it",
                where,
            )


_STOPWORDS = frozenset({"the", "of", "and", "a", "an", "for", "in", "on", "at", "to", "by"})


def _tokens(text: str) -> frozenset[str]:
    words = re.findall(r"\w+", text.casefold().replace("’", "'").replace("'s ", " "))
    return frozenset(word for word in words if word not in _STOPWORDS and len(word) > 1)


def _source_matches(name: str, source: Source) -> bool:
    """Whether a source record is by or of the party named in an attribution."""
    wanted = _tokens(name)
    if not wanted:
        return True
    parties = [author.display() for author in source.authors]
    parties += [text for text in (source.publisher, source.container_title) if text]
    everything = _tokens(" ".join([source.title, *parties]))
    if wanted <= everything:
        return True
    # "Foreign Minister Sergei Lavrov" is matched by an author "Lavrov".
    return any(_tokens(party) and _tokens(party) <= wanted for party in parties)


def named_source_uncited(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F103."""
    sources = {source.id: source for source in claim_file.sources}
    for index, claim in _enumerate_checkworthy(claim_file):
        attribution = claim.attribution
        if attribution is None or attribution.specificity is not Specificity.NAMED:
            continue
        names = [n for n in (attribution.asserted_by, attribution.reported_by) if n]
        if not names:
            continue
        cited = [sources[c.source] for c in claim.citations if c.source in sources]
        if any(_source_matches(name, source) for name in names for source in cited):
            continue
        field = "asserted_by" if attribution.asserted_by else "reported_by"
        yield rules.finding(
            NAMED_SOURCE_UNCITED,
            f"claim {claim.id!r} names {names[0]!r} as its source, but no cited source record"
            " is by or of them",
            _at(document, index, "attribution", field),
        )


def hedge_confidence_mismatch(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F104."""
    for index, claim in enumerate(claim_file.claims):
        confidence = claim.confidence
        if confidence is None:
            continue
        hedges = _hedges_of(claim)
        high = confidence.likelihood in _HIGH_LIKELIHOOD or (
            confidence.analytic is AnalyticConfidence.HIGH
        )
        if hedges and high and claim.kind is not ClaimKind.QUOTE and not supports_content(claim):
            grade = confidence.likelihood or "high analytic confidence"
            field = "likelihood" if confidence.likelihood in _HIGH_LIKELIHOOD else "analytic"
            yield rules.finding(
                HEDGE_CONFIDENCE,
                f"claim {claim.id!r} is hedged ({', '.join(repr(h) for h in hedges[:3])}) but"
                f" graded {grade} with no citation supporting its content",
                _at(document, index, "confidence", field),
            )
        elif (
            not hedges
            and confidence.likelihood in _LOW_LIKELIHOOD
            and not any(c.stance is Stance.DISPUTES for c in claim.citations)
        ):
            yield rules.finding(
                HEDGE_CONFIDENCE,
                f"claim {claim.id!r} is stated flatly but graded {confidence.likelihood} with no"
                " citation disputing it",
                _at(document, index, "confidence", "likelihood"),
            )


def when_needed(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F105."""
    for index, claim in _enumerate_checkworthy(claim_file):
        if claim.kind is ClaimKind.EVENT and not claim.dates:
            yield rules.finding(
                WHEN_NEEDED,
                f"event claim {claim.id!r} has no date or period",
                _at(document, index, "kind"),
            )


def _origin(source: Source) -> str:
    owner = source.publisher or source.container_title
    return owner.casefold().strip() if owner else f"id:{source.id}"


def single_source_high_confidence(
    document: LoadedDocument, claim_file: ClaimFile
) -> Iterator[Finding]:
    """F106."""
    sources = {source.id: source for source in claim_file.sources}
    for index, claim in enumerate(claim_file.claims):
        if claim.confidence is None or claim.confidence.analytic is not AnalyticConfidence.HIGH:
            continue
        backing = {c.source: sources[c.source] for c in supporting(claim) if c.source in sources}
        origins = {_origin(source) for source in backing.values()}
        if len(origins) >= 2:
            continue
        if len(backing) == 1 and next(iter(backing.values())).primary:
            continue
        if not backing:
            what = "no supporting source"
        elif len(backing) == 1:
            what = f"the single source {next(iter(backing))!r}"
        else:
            what = f"{len(backing)} sources from one publisher"
        yield rules.finding(
            SINGLE_SOURCE,
            f"claim {claim.id!r} has high analytic confidence resting on {what}",
            _at(document, index, "confidence", "analytic"),
        )


def disputed_without_citation(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F107."""
    for index, claim in enumerate(claim_file.claims):
        if claim.status in (Status.DISPUTED, Status.REFUTED) and not any(
            c.stance is Stance.DISPUTES for c in claim.citations
        ):
            yield rules.finding(
                DISPUTED_WITHOUT_CITATION,
                f"claim {claim.id!r} is marked {claim.status} but no citation disputes it",
                _at(document, index, "status"),
            )


def supported_without_citation(
    document: LoadedDocument, claim_file: ClaimFile
) -> Iterator[Finding]:
    """F109 and F110."""
    for index, claim in enumerate(claim_file.claims):
        if claim.status is not Status.SUPPORTED:
            continue
        if not supporting(claim):
            yield rules.finding(
                SUPPORTED_WITHOUT_CITATION,
                f"claim {claim.id!r} is marked supported but no citation supports it",
                _at(document, index, "status"),
            )
        elif claim.kind is not ClaimKind.QUOTE and not supports_content(claim):
            yield rules.finding(
                ATTRIBUTION_ONLY,
                f"claim {claim.id!r} is marked supported, but its supporting citations only"
                " show who said it, not that it is true",
                _at(document, index, "status"),
            )


def mentions_only(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F111."""
    for index, claim in _enumerate_checkworthy(claim_file):
        if claim.citations and all(c.stance is Stance.MENTIONS for c in claim.citations):
            yield rules.finding(
                MENTIONS_ONLY,
                f"every citation of claim {claim.id!r} only mentions it; none supports or"
                " disputes it",
                document.location(("claims", index, "citations"), key=True),
            )


def status_likelihood_mismatch(
    document: LoadedDocument, claim_file: ClaimFile
) -> Iterator[Finding]:
    """F112."""
    for index, claim in enumerate(claim_file.claims):
        likelihood = claim.confidence.likelihood if claim.confidence is not None else None
        if likelihood is None:
            continue
        if (claim.status is Status.SUPPORTED and likelihood in _LOW_LIKELIHOOD) or (
            claim.status is Status.REFUTED and likelihood in _LIKELY_OR_MORE
        ):
            yield rules.finding(
                STATUS_LIKELIHOOD,
                f"claim {claim.id!r} is marked {claim.status} but graded {likelihood}",
                _at(document, index, "confidence", "likelihood"),
            )


def unreliable_sources_only(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F113."""
    sources = {source.id: source for source in claim_file.sources}
    for index, claim in enumerate(claim_file.claims):
        backing = [sources[c.source] for c in supporting(claim) if c.source in sources]
        if backing and all(source.reliability is Reliability.E for source in backing):
            yield rules.finding(
                UNRELIABLE_ONLY,
                f"claim {claim.id!r} is supported only by sources rated unreliable (E):"
                f" {', '.join(sorted({source.id for source in backing}))}",
                document.location(("claims", index, "citations"), key=True),
            )


def quote_unattributed(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F114."""
    for index, claim in _enumerate_checkworthy(claim_file):
        if claim.kind is not ClaimKind.QUOTE:
            continue
        attribution = claim.attribution
        if attribution is None:
            yield rules.finding(
                QUOTE_UNATTRIBUTED,
                f"quote claim {claim.id!r} does not record who said it",
                _at(document, index, "kind"),
            )
        elif attribution.specificity is Specificity.NAMED and not (
            attribution.asserted_by or attribution.reported_by
        ):
            yield rules.finding(
                QUOTE_UNATTRIBUTED,
                f"quote claim {claim.id!r} has a named attribution without the name",
                _at(document, index, "attribution", "specificity"),
            )


CHECKS = (
    citation_needed,
    by_whom,
    named_source_uncited,
    hedge_confidence_mismatch,
    when_needed,
    single_source_high_confidence,
    disputed_without_citation,
    supported_without_citation,
    mentions_only,
    status_likelihood_mismatch,
    unreliable_sources_only,
    quote_unattributed,
)

"""F102, F103, F114: flags on who a claim is attributed to ({{by whom}}, {{who}})."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from claimtrack import rules
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import Check, at_claim, backs_attribution, checkworthy, flag
from claimtrack.lint._words import VAGUE_ATTRIBUTIONS, find_phrases
from claimtrack.model import ClaimFile, ClaimKind, Source, Specificity, Stance

__all__ = ["BY_WHOM", "CHECKS", "NAMED_SOURCE_UNCITED", "QUOTE_UNATTRIBUTED"]

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


def by_whom(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F102."""
    for index, claim in checkworthy(claim_file):
        attribution = claim.attribution
        if attribution is not None:
            if attribution.specificity is not Specificity.VAGUE:
                continue
            cue = attribution.asserted_by or attribution.reported_by or "a vague source"
            where = at_claim(document, index, "attribution", "specificity")
        else:
            cues = find_phrases(claim.anchor.exact, VAGUE_ATTRIBUTIONS)
            if not cues:
                continue
            cue = cues[0]
            where = at_claim(document, index, "anchor", "exact")
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


@lru_cache(maxsize=4096)
def _tokens(text: str) -> frozenset[str]:
    words = re.findall(r"\w+", text.casefold().replace("’", "'").replace("'s ", " "))
    return frozenset(word for word in words if word not in _STOPWORDS and len(word) > 1)


@lru_cache(maxsize=4096)
def _variant(word: str, other: str) -> bool:
    """Two longer words that differ by about a letter: transliterations (Sergei / Sergey)."""
    return (
        len(word) >= 5
        and len(other) >= 5
        and abs(len(word) - len(other)) <= 2
        and word[0] == other[0]
        and SequenceMatcher(None, word, other).ratio() >= 0.8
    )


def _same_word(word: str, candidates: frozenset[str]) -> bool:
    """Equal, or for longer words a transliteration variant."""
    return word in candidates or any(_variant(word, other) for other in candidates)


def _source_matches(name: str, source: Source) -> bool:
    """Whether a source record is by or of the party named in an attribution."""
    wanted = _tokens(name)
    if not wanted:
        return True
    parties = [author.display() for author in source.authors]
    parties += [text for text in (source.publisher, source.container_title) if text]
    everything = _tokens(" ".join([source.title, *parties]))
    if all(_same_word(word, everything) for word in wanted):
        return True
    # "Foreign Minister Sergei Lavrov" is matched by an author "Lavrov".
    return any(_tokens(party) and _tokens(party) <= wanted for party in parties)


def named_source_uncited(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F103."""
    sources = {source.id: source for source in claim_file.sources}
    for index, claim in checkworthy(claim_file):
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
            at_claim(document, index, "attribution", field),
        )


def quote_unattributed(document: LoadedDocument, claim_file: ClaimFile) -> Iterator[Finding]:
    """F114."""
    for index, claim in checkworthy(claim_file):
        if claim.kind is not ClaimKind.QUOTE:
            continue
        attribution = claim.attribution
        if attribution is None:
            yield rules.finding(
                QUOTE_UNATTRIBUTED,
                f"quote claim {claim.id!r} does not record who said it",
                at_claim(document, index, "kind"),
            )
        elif attribution.specificity is Specificity.NAMED and not (
            attribution.asserted_by or attribution.reported_by
        ):
            yield rules.finding(
                QUOTE_UNATTRIBUTED,
                f"quote claim {claim.id!r} has a named attribution without the name",
                at_claim(document, index, "attribution", "specificity"),
            )


CHECKS: tuple[Check, ...] = (
    (by_whom, (BY_WHOM,)),
    (named_source_uncited, (NAMED_SOURCE_UNCITED,)),
    (quote_unattributed, (QUOTE_UNATTRIBUTED,)),
)

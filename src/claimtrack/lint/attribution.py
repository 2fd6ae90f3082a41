"""F102, F103, F114: flags on who a claim is attributed to ({{by whom}}, {{who}})."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import lru_cache

from claimtrack import rules
from claimtrack.findings import Finding
from claimtrack.io.load import LoadedDocument
from claimtrack.lint._claims import Check, at_claim, backs_attribution, checkworthy
from claimtrack.lint._words import VAGUE_ATTRIBUTIONS, find_phrases
from claimtrack.lint.attribution_flags import BY_WHOM, NAMED_SOURCE_UNCITED, QUOTE_UNATTRIBUTED
from claimtrack.model import ClaimFile, ClaimKind, Source, Specificity, Stance

__all__ = ["BY_WHOM", "CHECKS", "NAMED_SOURCE_UNCITED", "QUOTE_UNATTRIBUTED"]


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

"""Building the draft claim file: one unverified, unsourced claim per checkable statement."""

from __future__ import annotations

import bisect
import datetime
import re
import unicodedata

import attrs

from claimtrack._version import __version__
from claimtrack.extract.article import ArticleText
from claimtrack.extract.attribution import detect_attribution, has_quotation
from claimtrack.extract.classify import Signals, classify, is_speculative
from claimtrack.extract.dates import Reference, estimate_reference, find_dates
from claimtrack.extract.entities import EntityFinder
from claimtrack.extract.facts import fact_parts
from claimtrack.extract.hedges import find_hedges
from claimtrack.extract.occurrences import Occurrences
from claimtrack.extract.prose import prose_statements
from claimtrack.extract.quantities import find_quantities
from claimtrack.extract.sentences import TextSpan
from claimtrack.extract.speakers import find_speaker
from claimtrack.extract.voices import VoiceTracker
from claimtrack.model import (
    Anchor,
    Attribution,
    Claim,
    ClaimFile,
    Confidence,
    Document,
    Entity,
    Method,
    Provenance,
    Snapshot,
    Specificity,
    When,
)

__all__ = ["GRANULARITIES", "NOT_ASSESSED", "TOOL", "ClaimIds", "ExtractSettings", "extract"]

TOOL = "claimtrack extract"
GRANULARITIES = ("fact", "sentence")
NOT_ASSESSED = "not yet assessed"
_CONTEXT = 32
_ID_WORDS = 6
_ID_STOPWORDS = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been has have
    had that this these those it its their his her which who whom than then there also over
    into after before when while during more most such so not no""".split()
)


@attrs.frozen(kw_only=True)
class ExtractSettings:
    """What the extractor needs besides the text.

    ``snapshot_path`` (relative to the claim file) and ``snapshot_sha256`` describe where the
    caller keeps the text; ``published`` dates the document and anchors year-less dates;
    ``today`` stamps the record and bounds the guess of the document's year; ``granularity``
    is ``"fact"`` (one draft per checkable fact, the default) or ``"sentence"`` (one per
    sentence or long clause).
    """

    document_id: str
    title: str
    snapshot_path: str | None = None
    snapshot_sha256: str | None = None
    published: datetime.date | None = None
    today: datetime.date = attrs.field(factory=lambda: datetime.datetime.now(datetime.UTC).date())
    granularity: str = attrs.field(default="fact", validator=attrs.validators.in_(GRANULARITIES))


def _provenance(today: datetime.date | None = None) -> Provenance:
    return Provenance(
        recorded_at=today.isoformat() if today else None,
        method=Method.EXTRACTED,
        tool=TOOL,
        tool_version=__version__,
    )


@attrs.define
class ClaimIds:
    """The claim ids of one draft: each a slug of its claim's first words, numbered when
    taken (``dam-burst``, ``dam-burst-2``); for each slug, the number to try next, so a
    sentence drafted again and again costs no more each time."""

    used: set[str] = attrs.Factory(set)
    _next: dict[str, int] = attrs.Factory(dict)

    def new(self, text: str) -> str:
        """A new id for the claim ``text``, distinct from every id given before."""
        folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
        folded = re.sub(r"(?<=\d)[,.](?=\d)", "", folded)  # "2,000" → "2000", "1.5" → "15"
        words = [word for word in re.findall(r"[a-z0-9]+", folded) if word not in _ID_STOPWORDS]
        base = "-".join(words[:_ID_WORDS])[:60].strip("-") or "claim"
        # Every number below the one remembered was taken when it was tried, and ids are
        # never given back: the search goes on from there.
        slug, number = base, self._next.get(base, 1)
        if number > 1:
            slug = f"{base}-{number}"
        while slug in self.used:
            number += 1
            slug = f"{base}-{number}"
        self._next[base] = number
        self.used.add(slug)
        return slug


def _anchor(text: str, span: TextSpan, occurrences: Occurrences) -> Anchor:
    exact = span.of(text)
    prefix = suffix = None
    if occurrences.occurs_elsewhere(exact, span.start):
        prefix = text[max(0, span.start - _CONTEXT) : span.start] or None
        suffix = text[span.end : span.end + _CONTEXT] or None
    return Anchor(exact=exact, prefix=prefix, suffix=suffix, start=span.start, end=span.end)


def _entities(finder: EntityFinder, statement: str, offset: int) -> tuple[Entity, ...]:
    seen: dict[str, Entity] = {}
    for found in finder.find(statement, offset):
        seen.setdefault(found.entity.name, found.entity)
    return tuple(seen.values())


@attrs.frozen
class _Context:
    """What every claim of one draft is built with."""

    article: ArticleText
    finder: EntityFinder
    reference: Reference | None
    occurrences: Occurrences
    ids: ClaimIds


def _claim(context: _Context, span: TextSpan, attribution: Attribution) -> Claim | None:
    article = context.article
    statement = span.of(article.view)
    quantities = tuple(found.quantity for found in find_quantities(statement))
    dates: tuple[When, ...] = tuple(
        found.when for found in find_dates(statement, context.reference)
    )
    entities = _entities(context.finder, statement, span.start)
    signals = Signals(
        quantities=len(quantities),
        dates=len(dates),
        quotation=has_quotation(statement),
        attribution=attribution,
        named_entities=len(entities),
    )
    verdict = classify(statement, signals)
    if verdict is None:
        return None
    kind, check_worthy = verdict
    # Blanked markup leaves gaps before punctuation ("`voted`." reads "voted  ."): close them.
    text = re.sub(r"\s+([.,;:!?])", r"\1", " ".join(statement.split()))
    return Claim(
        id=context.ids.new(text),
        text=text,
        kind=kind,
        check_worthy=check_worthy,
        anchor=_anchor(article.text, span, context.occurrences),
        # what a turn's speaker says is theirs, though saying it makes it no more checkable
        attribution=_in_turn(article, span, attribution),
        quantities=quantities,
        dates=dates,
        entities=entities,
        confidence=Confidence(rationale=NOT_ASSESSED),
        provenance=_provenance(),
    )


_LEADING_JOINS = re.compile(r"^(?:and|but|as)\s+", re.IGNORECASE)


def _parts(
    view: str, reference: Reference | None, sentence: TextSpan, granularity: str
) -> list[TextSpan]:
    """The spans drafted for one sentence: the whole of it, or each checkable fact in it."""
    if granularity == "sentence":
        return [sentence]
    text = sentence.of(view)

    def has_fact(piece: str) -> bool:
        return bool(find_quantities(piece) or find_dates(piece, reference))

    spans = []
    for start, end in fact_parts(text, has_fact):
        lead = _LEADING_JOINS.match(text[start:end])
        if lead and end - start - lead.end() > 0 and (start, end) != (0, len(text)):
            start += lead.end()
        spans.append(TextSpan(sentence.start + start, sentence.start + end))
    return spans


def _in_turn(article: ArticleText, part: TextSpan, attribution: Attribution) -> Attribution:
    """A statement with no source of its own in a transcript's turn is its speaker's."""
    if attribution.specificity is not Specificity.NONE:
        return attribution
    number = bisect.bisect_right(article.turns, part.start, key=lambda turn: turn.start) - 1
    if number < 0 or part.start >= article.turns[number].end:
        return attribution
    speaker = article.turns[number].speaker
    return attrs.evolve(attribution, specificity=Specificity.NAMED, asserted_by=speaker)


def _sentence_claims(
    context: _Context, tracker: VoiceTracker, sentence: TextSpan, parts: list[TextSpan]
) -> list[Claim]:
    """The claims of one sentence's parts: a part holding the speaker cue, or standing where
    the speaker covers it, has the sentence's voice; any other part its own attribution."""
    view = context.article.view
    voice = tracker.voice(sentence.of(view))
    claims = []
    for part in parts:
        piece = part.of(view)
        if part == sentence or find_speaker(piece, context.finder.is_name) is not None:
            attribution = voice.attribution
        elif voice.covers_all or part.start - sentence.start < voice.speaker_end:
            attribution = attrs.evolve(voice.attribution, hedges=find_hedges(piece))
        else:
            attribution = detect_attribution(piece, context.finder.is_name)
        claim = _claim(context, part, attribution)
        if claim is not None:
            claims.append(claim)
    return claims


def extract(article: ArticleText, settings: ExtractSettings) -> ClaimFile:
    """A draft claim file for ``article``: every claim unverified, uncited and unassessed."""
    finder = EntityFinder(article.view)
    spans = prose_statements(article.view)
    # Years named in predictions ("could slip into 2026") say nothing of when it was written.
    stated = "\n".join(
        span.of(article.view) for span in spans if not is_speculative(span.of(article.view))
    )
    reference = estimate_reference(stated, settings.published, settings.today)
    planned = [
        (span, _parts(article.view, reference, span, settings.granularity)) for span in spans
    ]
    context = _Context(
        article=article,
        finder=finder,
        reference=reference,
        occurrences=Occurrences(
            article.text, (part.of(article.text) for _, parts in planned for part in parts)
        ),
        ids=ClaimIds(),
    )
    tracker = VoiceTracker(finder.is_name)
    claims = [
        claim
        for span, parts in planned
        for claim in _sentence_claims(context, tracker, span, parts)
    ]
    snapshot = None
    if settings.snapshot_path is not None and settings.snapshot_sha256 is not None:
        snapshot = Snapshot(path=settings.snapshot_path, sha256=settings.snapshot_sha256)
    document = Document(
        id=settings.document_id,
        title=settings.title,
        published=When(date=settings.published.isoformat()) if settings.published else None,
        snapshot=snapshot,
        notes=f"Drafted by {TOOL}: review every claim; none is sourced or assessed yet.",
        provenance=_provenance(settings.today),
    )
    return ClaimFile(document=document, claims=tuple(claims))

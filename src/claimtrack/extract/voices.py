"""Who speaks in each sentence, followed through the article.

A sentence's speaker comes from the cues beside its quotations (:mod:`.speakers`) or from the
general reporting patterns (:mod:`.attribution`). Two things need the sentences before it:

- a pronoun ("he said", "she tells …") is the last named speaker, or failing one, the person
  whose name opened a recent sentence ("Ana Ruiz heads the board …. ‘…,’ she said.");
- a quotation that opens a sentence with no speaker of its own continues the quotation of the
  sentence before, and has its speaker (a quotation running over two paragraphs, or a second
  sentence of quoted words).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from claimtrack.extract.attribution import SPEECH_VERBS, detect_attribution
from claimtrack.extract.entities import _BODIES as BODIES
from claimtrack.extract.quotations import has_quotation, opens_with_quotation
from claimtrack.extract.speakers import find_speaker
from claimtrack.model import Attribution, Specificity

__all__ = ["Voice", "VoiceTracker"]

_PERSON_OPENING = re.compile(
    r"^(?:(?:Prof|Dr|Mr|Mrs|Ms|Sir|Dame)\.?\s+)?([A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){1,2})"
    r"(?:,|\s+(?:[a-z]+s|[a-z]+ed|has|had|is|was|said|told)\b)"
)
_PRONOUN_SUBJECT = re.compile(
    rf"(?:^|[,;:.”’\"']\s*)(?:he|she)\s+(?:\w+ly\s+)?(?:{'|'.join(SPEECH_VERBS)})\b",
    re.IGNORECASE,
)
_CONTENT_AFTER = r"\s+(?:\w+ly\s+)?(?:{verbs})\s+(?:that\b|:)"


@attrs.frozen(kw_only=True)
class Voice:
    """A sentence's attribution and where its speaker phrase ends (parts of the sentence
    after it are the author's own unless ``covers_all``)."""

    attribution: Attribution
    speaker_end: int
    covers_all: bool
    quotation: bool


@attrs.define
class VoiceTracker:
    """Reads sentences in order and gives each its voice."""

    is_name: Callable[[str], bool]
    last_speaker: str | None = None
    last_person: str | None = None
    previous_quote: Attribution | None = None

    def voice(self, sentence: str) -> Voice:
        """The voice of the next sentence of the article."""
        attribution, end, covers_all = self._own(sentence)
        quoted = has_quotation(sentence)
        continued = self.previous_quote
        if (
            continued is not None
            and attribution.specificity is Specificity.NONE
            and opens_with_quotation(sentence)
        ):
            attribution = attrs.evolve(continued, hedges=attribution.hedges)
            end, covers_all = len(sentence), True
        self._remember(sentence, attribution, quoted)
        return Voice(
            attribution=attribution, speaker_end=end, covers_all=covers_all, quotation=quoted
        )

    def _own(self, sentence: str) -> tuple[Attribution, int, bool]:
        base = detect_attribution(sentence, self.is_name)
        cue = find_speaker(sentence, self.is_name)
        if cue is not None:
            asserted = cue.asserted_by
            if cue.pronoun:
                asserted = self.last_speaker or self.last_person
            attribution = Attribution(
                specificity=cue.specificity,
                asserted_by=asserted,
                reported_by=cue.reported_by,
                hedges=base.hedges,
            )
            return attribution, cue.verb_end, cue.content_follows
        if base.specificity is Specificity.NONE:
            return base, 0, False
        if base.asserted_by is None and _PRONOUN_SUBJECT.search(sentence):
            resolved = self.last_speaker or self.last_person
            base = attrs.evolve(base, asserted_by=resolved)
        return base, *_speaker_place(sentence, base)

    def _remember(self, sentence: str, attribution: Attribution, quoted: bool) -> None:
        speaker = attribution.asserted_by
        named = attribution.specificity is Specificity.NAMED
        if named and speaker and speaker.lower() not in ("he", "she", "they"):
            self.last_speaker = speaker
        opening = _PERSON_OPENING.match(sentence)
        if opening and not any(word.lower() in BODIES for word in opening.group(1).split()):
            self.last_person = opening.group(1)
        if quoted and attribution.specificity is not Specificity.NONE:
            self.previous_quote = attribution
        elif not opens_with_quotation(sentence):
            self.previous_quote = None


def _speaker_place(sentence: str, attribution: Attribution) -> tuple[int, bool]:
    """Where the speaker phrase ends, and whether what it says follows it ("X said that …",
    "According to X, …")."""
    if re.match(r"\s*according\s+to\b", sentence, re.IGNORECASE):
        return len(sentence), True
    speaker = attribution.asserted_by
    if not speaker:
        return len(sentence), True
    found = sentence.find(speaker)
    if found == -1:
        return len(sentence), True
    end = found + len(speaker)
    verbs = "|".join(SPEECH_VERBS)
    follows = re.match(_CONTENT_AFTER.format(verbs=verbs), sentence[end:]) is not None
    verb = re.match(rf"\s+(?:\w+ly\s+)?(?:{verbs})\b", sentence[end:])
    return (end + verb.end() if verb else end), follows or found == 0

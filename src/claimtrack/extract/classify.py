"""What kind of claim a statement makes, and whether it is worth checking.

Signals, strongest first: a quotation with its speaker (quote); a number (quantity); a date or
a verb of something happening (event); a tie between parties (relation); a modal or hedged
judgement (assessment); otherwise a description (characterization). A statement is worth
checking when it states a number, a date, a source or a quotation, or tells of something that
happened or of a tie between parties without speculating; descriptions and speculation with
none of these are the author's opinion or analysis: kept for review, but marked not
check-worthy. A statement with no signal at all (no name, number, date, source, hedge,
happening or tie) is skipped.
"""

from __future__ import annotations

import re

import attrs

from claimtrack.model import Attribution, ClaimKind, Specificity

__all__ = ["Signals", "classify", "is_speculative"]

_EVENT_VERBS = frozenset(
    """killed kill kills died dies attacked attack attacks struck strike strikes bombed bombs
    shelled launched launch launches captured capture captures seized seize seizes fled flee
    withdrew withdraw withdrawn evacuated evacuate evacuating invaded invade signed sign elected
    appointed resigned arrested detained met meets visited visit visits traveled travelled
    founded formed established opened closed collapsed fell won lost began begun started ended
    approved passed banned imposed lifted invested spent paid sold bought acquired merged raised
    cut increased decreased rose dropped targeted destroyed abandoned deployed sent transferred
    released published filed sued ruled convicted sentenced offered refused rejected agreed
    pulled crossed recruited trained armed funded financed organized organised supplied shot
    injured wounded displaced occupied liberated surrendered retreated advanced commenced
    announced declared voted hired fired built demolished exploded crashed erupted flooded
    burned closed emerged expanded shrank doubled tripled halved""".split()
)
_RELATION_CUES = re.compile(
    r"\b(?:ties|tie|allied|ally|allies|alliance|proxy|proxies|patrons?|brother|sister|son"
    r"|daughter|wife|husband|father|mother|commanded\s+by|led\s+by|owned\s+by|funded\s+by"
    r"|backed\s+by|supported\s+by|member\s+of|part\s+of|affiliated|subsidiary|loyal(?:ty)?\s+to"
    r"|recipient\s+of|client\s+of|partners?(?:hip)?s?|heads|head\s+of|director\s+of|chief\s+of"
    r"|chair\s+of|founder\s+of|leader\s+of|author\s+of|spokes(?:man|woman|person)\s+for"
    r"|joined\s+forces|works?\s+for|worked\s+for)\b|\b\w+-backed\b",
    re.IGNORECASE,
)
_SPECULATIVE = re.compile(
    r"\b(?:may|might|could|would|will|likely|unlikely|probably|perhaps|possibly|seems?|seemed"
    r"|appears?|appeared|expects?|expected|anticipat\w+|predict\w*|forecast\w*|speculative)\b",
    re.IGNORECASE,
)


_PREDICTION = re.compile(
    r"\b(?:could|may|might|would|likely|unlikely|probably|perhaps|possibly|forecasts?|forecast"
    r"|predicts?|predicted)\b",
    re.IGNORECASE,
)
# "has joined", "have taken", "had built": an act completed, told as fact
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|lt|ght|ot)\b")


# a verb in the past tense: a named actor's act or state told as fact ("the council found …")
_PAST = re.compile(
    r"\b(?:was|were|had)\s+(?:\w+ly\s+)?\w+ed\b|\b(?:found|began|became|took|made|gave|left"
    r"|led|held|kept|lost|won|sent|built|fought|brought|sought|told|saw|met|paid|grew|fell|rose"
    r"|ran|went|came)\b",
    re.IGNORECASE,
)


def is_speculative(text: str) -> bool:
    """True when ``text`` speculates or predicts ("may", "likely", "is expected to")."""
    return _SPECULATIVE.search(text) is not None


@attrs.frozen(kw_only=True)
class Signals:
    """What was found in one statement."""

    quantities: int = 0
    dates: int = 0
    quotation: bool = False
    attribution: Attribution | None = None
    named_entities: int = 0


def classify(text: str, signals: Signals) -> tuple[ClaimKind, bool] | None:
    """The kind and check-worthiness of a statement, or ``None`` when it claims nothing
    checkable (no number, date, name, source, quotation or hedge)."""
    attributed = (
        signals.attribution is not None and signals.attribution.specificity is not Specificity.NONE
    )
    hedged = signals.attribution is not None and bool(signals.attribution.hedges)
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", text)}
    happening = bool(words & _EVENT_VERBS)
    relation = _RELATION_CUES.search(text) is not None
    speculative = is_speculative(text)
    factual = bool(signals.quantities or signals.dates or attributed or signals.quotation)
    if not (factual or signals.named_entities or hedged or happening or relation):
        return None
    if signals.quotation and attributed:
        kind = ClaimKind.QUOTE
    elif signals.quantities:
        kind = ClaimKind.QUANTITY
    elif signals.dates or (happening and not speculative):
        kind = ClaimKind.EVENT
    elif relation:
        kind = ClaimKind.RELATION
    elif speculative or hedged:
        kind = ClaimKind.ASSESSMENT
    else:
        kind = ClaimKind.CHARACTERIZATION
    if attributed or signals.quotation:
        check_worthy = True
    elif signals.quantities or signals.dates:
        # a concrete number or date is checkable unless it is plainly a prediction
        check_worthy = _PREDICTION.search(text) is None
    else:
        acted = bool(signals.named_entities) and (
            _PERFECT.search(text) is not None or _PAST.search(text) is not None
        )
        check_worthy = (happening or relation or acted) and not speculative
    return kind, check_worthy

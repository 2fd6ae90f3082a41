"""Scoring a draft against a hand-made claim file of the same document.

Claims are matched by where they stand: a reference claim is *found* when some draft claim's
anchor overlaps its anchor in the text, and its *match* is the draft claim overlapping it
most. Recall counts the check-worthy reference claims found; precision counts the draft
claims that overlap any reference claim. Field accuracy compares each reference claim with
its match: kind, attribution specificity (none when absent), check-worthiness, quantities
(every reference quantity has a draft quantity with the same numbers, form and currency) and
dates (every reference date or period has a draft one with the same ISO values).

Overlap is lenient: a draft claim that spans a whole sentence "finds" every reference claim
inside it. *Strict recall* is therefore reported too: reference check-worthy claims paired
one-to-one (largest overlaps first) with distinct draft claims that are themselves marked
check-worthy. It is the share of the reference's records a draft actually gives a record of
its own. Over those pairs :mod:`claimtrack.extract.score_strict` also measures strict
precision, attribution (specificity and speaker) and quantities (numbers, unit, currency).
"""

from __future__ import annotations

import math

import attrs

from claimtrack.anchor import Match, locate, normalize
from claimtrack.extract.score_strict import StrictScore, pair_one_to_one, strict_score
from claimtrack.model import Claim, ClaimFile, Quantity, Specificity, When

__all__ = ["FieldScore", "Score", "render_score", "score"]

FIELDS = ("kind", "attribution", "check_worthy", "quantity", "date")


@attrs.frozen
class FieldScore:
    """How many compared values agreed, out of how many."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        """The share that agreed, or ``None`` when nothing was compared."""
        return self.correct / self.total if self.total else None


@attrs.frozen(kw_only=True)
class Score:
    """The outcome of comparing a draft with a reference."""

    reference_claims: int
    reference_check_worthy: int
    found: int
    draft_claims: int
    draft_matched: int
    draft_check_worthy: int
    draft_check_worthy_matched: int
    strict_found: int = 0
    fields: dict[str, FieldScore]
    missed: tuple[str, ...] = ()
    unplaced: tuple[str, ...] = ()
    strict: StrictScore | None = None

    @property
    def recall(self) -> float | None:
        """Check-worthy reference claims found, as a share."""
        return _ratio(self.found, self.reference_check_worthy)

    @property
    def strict_recall(self) -> float | None:
        """Check-worthy reference claims paired one-to-one with check-worthy drafts."""
        return _ratio(self.strict_found, self.reference_check_worthy)

    @property
    def strict_precision(self) -> float | None:
        """Check-worthy drafts paired one-to-one with a check-worthy reference claim."""
        return _ratio(self.strict.pairs, self.strict.draft_check_worthy) if self.strict else None

    @property
    def strict_attribution(self) -> float | None:
        """Right specificity and speaker, over the one-to-one pairs."""
        strict = self.strict
        return _ratio(strict.attribution_correct, strict.attribution_total) if strict else None

    @property
    def strict_quantity(self) -> float | None:
        """Right numbers, unit and currency, over the one-to-one pairs with quantities."""
        strict = self.strict
        return _ratio(strict.quantity_correct, strict.quantity_total) if strict else None

    @property
    def precision(self) -> float | None:
        """Draft claims overlapping a reference claim, as a share of all draft claims."""
        return _ratio(self.draft_matched, self.draft_claims)

    @property
    def precision_check_worthy(self) -> float | None:
        """The same, over the draft claims marked check-worthy."""
        return _ratio(self.draft_check_worthy_matched, self.draft_check_worthy)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _spans(claim_file: ClaimFile, text: str) -> tuple[list[tuple[Claim, Match]], list[str]]:
    placed: list[tuple[Claim, Match]] = []
    unplaced: list[str] = []
    for claim in claim_file.claims:
        match = locate(text, claim.anchor)
        if match is None:
            unplaced.append(claim.id)
        else:
            placed.append((claim, match))
    return placed, unplaced


def _overlap(a: Match, b: Match) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _same_quantity(reference: Quantity, draft: Quantity) -> bool:
    fields = ("value", "low", "high", "lower_bound", "upper_bound")
    if not all(_same_number(getattr(reference, f), getattr(draft, f)) for f in fields):
        return False
    return reference.currency is None or reference.currency == draft.currency


def _same_when(reference: When, draft: When) -> bool:
    return (reference.date, reference.start, reference.end) == (draft.date, draft.start, draft.end)


def _specificity(claim: Claim) -> Specificity:
    return claim.attribution.specificity if claim.attribution else Specificity.NONE


def score(draft: ClaimFile, draft_text: str, reference: ClaimFile, reference_text: str) -> Score:
    """Compare ``draft`` with ``reference``; both texts are their snapshots, which must hold
    the same document (``ValueError`` if they differ after normalisation)."""
    text = normalize(draft_text)
    if normalize(reference_text) != text:
        raise ValueError("the draft and the reference anchor different texts")
    drafts, draft_unplaced = _spans(draft, text)
    references, reference_unplaced = _spans(reference, text)
    counts = {name: [0, 0] for name in FIELDS}
    matched_drafts: set[str] = set()
    found = 0
    missed: list[str] = []
    for claim, span in references:
        overlapping = [(d, _overlap(span, s)) for d, s in drafts if _overlap(span, s) > 0]
        matched_drafts.update(d.id for d, _ in overlapping)
        if not overlapping:
            if claim.check_worthy:
                missed.append(claim.id)
            continue
        if claim.check_worthy:
            found += 1
        best = max(overlapping, key=lambda pair: pair[1])[0]
        _compare(claim, best, counts)
    worthy = [d for d, _ in drafts if d.check_worthy]
    return Score(
        strict_found=len(pair_one_to_one(references, drafts)),
        strict=strict_score(references, drafts),
        reference_claims=len(reference.claims),
        reference_check_worthy=sum(c.check_worthy for c, _ in references),
        found=found,
        draft_claims=len(drafts),
        draft_matched=len(matched_drafts),
        draft_check_worthy=len(worthy),
        draft_check_worthy_matched=sum(d.id in matched_drafts for d in worthy),
        fields={name: FieldScore(*counts[name]) for name in FIELDS},
        missed=tuple(missed),
        unplaced=tuple(reference_unplaced + draft_unplaced),
    )


def _compare(reference: Claim, draft: Claim, counts: dict[str, list[int]]) -> None:
    def tally(name: str, agreed: bool) -> None:
        counts[name][0] += agreed
        counts[name][1] += 1

    tally("kind", reference.kind is draft.kind)
    tally("attribution", _specificity(reference) is _specificity(draft))
    tally("check_worthy", reference.check_worthy == draft.check_worthy)
    if reference.quantities:
        tally(
            "quantity",
            all(any(_same_quantity(q, d) for d in draft.quantities) for q in reference.quantities),
        )
    if reference.dates:
        tally("date", all(any(_same_when(w, d) for d in draft.dates) for w in reference.dates))


def _show(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def render_score(result: Score) -> str:
    """The score as a short plain-text table."""
    lines = [
        f"reference claims: {result.reference_claims}"
        f" ({result.reference_check_worthy} check-worthy)",
        f"draft claims:     {result.draft_claims} ({result.draft_check_worthy} check-worthy)",
        f"recall (check-worthy reference claims found): {_show(result.recall)}"
        f" ({result.found}/{result.reference_check_worthy})",
        f"strict recall (one check-worthy draft claim each): {_show(result.strict_recall)}"
        f" ({result.strict_found}/{result.reference_check_worthy})",
        f"precision (draft claims matching a reference claim): {_show(result.precision)}"
        f" ({result.draft_matched}/{result.draft_claims})",
        f"precision over check-worthy draft claims: {_show(result.precision_check_worthy)}"
        f" ({result.draft_check_worthy_matched}/{result.draft_check_worthy})",
    ]
    strict = result.strict
    if strict is not None:
        lines += [
            f"strict precision (check-worthy drafts with a fact of their own):"
            f" {_show(result.strict_precision)} ({strict.pairs}/{strict.draft_check_worthy})",
            f"attribution over one-to-one pairs (specificity and speaker):"
            f" {_show(result.strict_attribution)}"
            f" ({strict.attribution_correct}/{strict.attribution_total})",
            f"quantity over one-to-one pairs (numbers, unit, currency):"
            f" {_show(result.strict_quantity)} ({strict.quantity_correct}/{strict.quantity_total})",
        ]
    lines.append("field accuracy over matched reference claims:")
    for name, field in result.fields.items():
        lines.append(f"  {name:<13} {_show(field.accuracy)} ({field.correct}/{field.total})")
    if result.missed:
        lines.append("missed: " + ", ".join(result.missed))
    if result.unplaced:
        lines.append("anchors not placed (ignored): " + ", ".join(result.unplaced))
    return "\n".join(lines) + "\n"

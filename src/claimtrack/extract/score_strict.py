"""The strict measures of a draft: one draft record per reference fact.

Reference check-worthy claims are paired one-to-one with check-worthy draft claims, largest
anchor overlaps first. Over those pairs:

- *strict precision* is the share of check-worthy drafts that got a reference fact of their
  own (a draft covering three facts pairs with one of them; the rest of its value to the
  reviewer is not counted);
- *attribution* is right when the specificity agrees and, when the reference names who
  asserts the claim, the draft names the same party: the words of one (lower-cased, without
  quotation marks, articles or a possessive) all stand in the other, so "Ruiz" and
  "President Ana Ruiz" agree while "Ruiz" and "the official" do not;
- *quantity* is right when every reference quantity has a draft quantity with the same
  numbers in the same form (value, range or bound), the same currency and the same unit
  ("per cent" and "percent" are one unit; the approximate flag is not scored).
"""

from __future__ import annotations

import math
import re

import attrs

from claimtrack.anchor import Match
from claimtrack.model import Claim, Quantity, Specificity

__all__ = ["StrictScore", "pair_one_to_one", "strict_score"]

_NOISE = frozenset("the a an of".split())


@attrs.frozen(kw_only=True)
class StrictScore:
    """Counts over the one-to-one pairs."""

    pairs: int
    draft_check_worthy: int
    attribution_correct: int
    attribution_total: int
    quantity_correct: int
    quantity_total: int


def pair_one_to_one(
    references: list[tuple[Claim, Match]], drafts: list[tuple[Claim, Match]]
) -> list[tuple[Claim, Claim]]:
    """Check-worthy reference claims each paired with a check-worthy draft of its own."""

    def overlap(a: Match, b: Match) -> int:
        return max(0, min(a.end, b.end) - max(a.start, b.start))

    candidates = sorted(
        (
            (overlap(ref_span, draft_span), index, draft_index)
            for index, (ref, ref_span) in enumerate(references)
            if ref.check_worthy
            for draft_index, (draft, draft_span) in enumerate(drafts)
            if draft.check_worthy and overlap(ref_span, draft_span) > 0
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_refs: set[int] = set()
    used_drafts: set[int] = set()
    pairs: list[tuple[Claim, Claim]] = []
    for _size, ref_index, draft_index in candidates:
        if ref_index not in used_refs and draft_index not in used_drafts:
            used_refs.add(ref_index)
            used_drafts.add(draft_index)
            pairs.append((references[ref_index][0], drafts[draft_index][0]))
    return pairs


def _words(party: str) -> set[str]:
    folded = re.sub(r"['’]s\b", "", party.lower())
    return {word for word in re.findall(r"[\w-]+", folded) if word not in _NOISE}


def same_party(reference: str, draft: str) -> bool:
    """True when one name's words all stand in the other's."""
    ours, theirs = _words(reference), _words(draft)
    return bool(ours and theirs) and (ours <= theirs or theirs <= ours)


def _attribution_agrees(reference: Claim, draft: Claim) -> bool:
    ref = reference.attribution
    got = draft.attribution
    ref_spec = ref.specificity if ref else Specificity.NONE
    got_spec = got.specificity if got else Specificity.NONE
    if ref_spec is not got_spec:
        return False
    if ref is None or ref.asserted_by is None:
        return True
    return (
        got is not None
        and got.asserted_by is not None
        and same_party(ref.asserted_by, got.asserted_by)
    )


def _number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    return " ".join(unit.lower().replace("per cent", "percent").split())


def same_quantity(reference: Quantity, draft: Quantity) -> bool:
    """Same numbers in the same form, same currency, same unit."""
    fields = ("value", "low", "high", "lower_bound", "upper_bound")
    return (
        all(_number(getattr(reference, f), getattr(draft, f)) for f in fields)
        and reference.currency == draft.currency
        and _unit(reference.unit) == _unit(draft.unit)
    )


def strict_score(
    references: list[tuple[Claim, Match]], drafts: list[tuple[Claim, Match]]
) -> StrictScore:
    """Strict precision, attribution and quantity counts over one-to-one pairs."""
    pairs = pair_one_to_one(references, drafts)
    quantified = [(ref, draft) for ref, draft in pairs if ref.quantities]
    return StrictScore(
        pairs=len(pairs),
        draft_check_worthy=sum(draft.check_worthy for draft, _ in drafts),
        attribution_correct=sum(_attribution_agrees(ref, draft) for ref, draft in pairs),
        attribution_total=len(pairs),
        quantity_correct=sum(
            all(any(same_quantity(q, d) for d in draft.quantities) for q in ref.quantities)
            for ref, draft in quantified
        ),
        quantity_total=len(quantified),
    )

"""Scoring a draft against a hand-made claim file."""

from __future__ import annotations

import pytest

from claimtrack.extract.score import render_score, score
from claimtrack.model import (
    Anchor,
    Attribution,
    Claim,
    ClaimFile,
    ClaimKind,
    Document,
    Quantity,
    Specificity,
    When,
)

TEXT = (
    "The board approved $1.2 billion on March 14, 2023. Officials said more than 400 homes"
    " lost water. It is a sad story. The mayor resigned in 2024.\n"
)


def _claim(claim_id: str, quote: str, kind: ClaimKind, **fields: object) -> Claim:
    start = TEXT.index(quote)
    anchor = Anchor(exact=quote, start=start, end=start + len(quote))
    return Claim(id=claim_id, text=quote, kind=kind, anchor=anchor, **fields)  # type: ignore[arg-type]


def _file(*claims: Claim) -> ClaimFile:
    return ClaimFile(document=Document(id="doc", title="Doc"), claims=claims)


REFERENCE = _file(
    _claim(
        "budget",
        "$1.2 billion",
        ClaimKind.QUANTITY,
        quantities=(Quantity(value=1.2e9, currency="USD"),),
        dates=(When(date="2023-03-14"),),
    ),
    _claim(
        "homes",
        "more than 400 homes",
        ClaimKind.QUANTITY,
        attribution=Attribution(specificity=Specificity.VAGUE, asserted_by="Officials"),
        quantities=(Quantity(lower_bound=400),),
    ),
    _claim("mayor", "The mayor resigned in 2024.", ClaimKind.EVENT, dates=(When(date="2024"),)),
    _claim("sad", "It is a sad story.", ClaimKind.CHARACTERIZATION, check_worthy=False),
)


class TestScore:
    def test_perfect_draft(self) -> None:
        """The reference scored against itself is perfect on every measure."""
        result = score(REFERENCE, TEXT, REFERENCE, TEXT)
        assert (result.recall, result.precision) == (1.0, 1.0)
        assert all(field.accuracy == 1.0 for field in result.fields.values())

    def test_sentence_drafts_match_phrase_references(self) -> None:
        """A sentence-long draft claim matches the phrase-long reference claims inside it."""
        draft = _file(
            _claim(
                "s1",
                "The board approved $1.2 billion on March 14, 2023.",
                ClaimKind.QUANTITY,
                quantities=(Quantity(value=1.2e9, currency="USD"),),
                dates=(When(date="2023-03"),),
            ),
            _claim(
                "s2",
                "Officials said more than 400 homes lost water.",
                ClaimKind.EVENT,
                attribution=Attribution(specificity=Specificity.VAGUE),
                quantities=(Quantity(value=400),),
            ),
            _claim("s3", "It is a sad story.", ClaimKind.ASSESSMENT, check_worthy=False),
            _claim("s4", "approved", ClaimKind.EVENT),
        )
        result = score(draft, TEXT, REFERENCE, TEXT)
        assert result.recall == pytest.approx(2 / 3)
        assert result.missed == ("mayor",)
        assert (result.draft_matched, result.draft_claims) == (3, 4)  # "approved" overlaps none
        assert (result.fields["kind"].correct, result.fields["kind"].total) == (1, 3)
        assert (result.fields["attribution"].correct, result.fields["attribution"].total) == (3, 3)
        assert (result.fields["quantity"].correct, result.fields["quantity"].total) == (1, 2)
        assert (result.fields["date"].correct, result.fields["date"].total) == (0, 1)
        assert (result.fields["check_worthy"].correct, result.fields["check_worthy"].total) == (
            3,
            3,
        )

    def test_strict_recall_gives_each_draft_one_reference(self) -> None:
        """One sentence-long draft claim covering two reference claims counts once in strict
        recall, and a draft not marked check-worthy counts for none."""
        two = _file(
            _claim("budget", "$1.2 billion", ClaimKind.QUANTITY),
            _claim("date", "March 14, 2023", ClaimKind.EVENT),
            _claim("homes", "more than 400 homes", ClaimKind.QUANTITY),
        )
        draft = _file(
            _claim("s1", "The board approved $1.2 billion on March 14, 2023.", ClaimKind.EVENT),
            _claim(
                "s2",
                "Officials said more than 400 homes lost water.",
                ClaimKind.EVENT,
                check_worthy=False,
            ),
        )
        result = score(draft, TEXT, two, TEXT)
        assert result.recall == 1.0
        assert (result.strict_found, result.strict_recall) == (1, pytest.approx(1 / 3))

    def test_strict_measures_over_one_to_one_pairs(self) -> None:
        """Strict precision counts drafts with a fact of their own; attribution needs the
        right speaker as well as specificity; quantities need the same unit."""
        draft = _file(
            _claim(
                "s1",
                "The board approved $1.2 billion on March 14, 2023.",
                ClaimKind.QUANTITY,
                quantities=(Quantity(value=1.2e9, currency="USD"),),
            ),
            _claim("s1-date", "March 14, 2023", ClaimKind.EVENT),
            _claim(
                "s2",
                "Officials said more than 400 homes lost water.",
                ClaimKind.QUANTITY,
                attribution=Attribution(specificity=Specificity.VAGUE, asserted_by="residents"),
                quantities=(Quantity(lower_bound=400, unit="homes"),),
            ),
        )
        result = score(draft, TEXT, REFERENCE, TEXT)
        assert result.strict is not None
        assert result.strict_precision == pytest.approx(2 / 3)  # the date draft has no fact
        assert (result.strict.attribution_correct, result.strict.attribution_total) == (1, 2)
        assert (result.strict.quantity_correct, result.strict.quantity_total) == (1, 2)

    def test_same_party_by_words(self) -> None:
        """A speaker agrees when one name's words all stand in the other's."""
        from claimtrack.extract.score_strict import same_party

        assert same_party("Widodo", "President Joko Widodo")
        assert same_party("The country’s meteorology agency", "the country's meteorology agency")
        assert not same_party("Widodo", "the official")

    def test_unmatched_drafts_lower_precision(self) -> None:
        """Draft claims overlapping no reference claim count against precision."""
        draft = _file(
            _claim("budget", "$1.2 billion", ClaimKind.QUANTITY),
            _claim("other", "lost water", ClaimKind.EVENT),
        )
        result = score(draft, TEXT, REFERENCE, TEXT)
        assert result.precision == 0.5
        assert result.precision_check_worthy == 0.5

    def test_different_texts_are_refused(self) -> None:
        """A draft and a reference of different documents cannot be compared."""
        with pytest.raises(ValueError, match="different texts"):
            score(REFERENCE, TEXT, REFERENCE, TEXT + "More.")

    def test_render(self) -> None:
        """The rendering names recall, precision and every field."""
        rendered = render_score(score(REFERENCE, TEXT, REFERENCE, TEXT))
        assert "recall (check-worthy reference claims found): 1.00 (3/3)" in rendered
        for name in ("kind", "attribution", "check_worthy", "quantity", "date"):
            assert f"  {name}" in rendered

"""The drafts of the real test articles meet the targets set for the extractor."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import claimtrack
from claimtrack.extract import ArticleFormat, ExtractSettings, extract, parse_article
from claimtrack.extract.score import Score, score

ARTICLES = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
REAL = ("wire-earthquake", "british-food-poverty", "explainer-glaciers")


def _score(name: str, granularity: str = "fact") -> Score:
    text = (ARTICLES / f"{name}.txt").read_text("utf-8")
    settings = ExtractSettings(
        document_id=name, title=name, today=datetime.date(2026, 1, 1), granularity=granularity
    )
    draft = extract(parse_article(text, ArticleFormat.TEXT), settings)
    return score(draft, text, claimtrack.load(ARTICLES / f"{name}.claims.yaml"), text)


@pytest.mark.parametrize("name", [*REAL, "reservoir-drought"])
def test_targets_on_every_test_article(name: str) -> None:
    """Strict recall ≥ 0.7, strict precision ≥ 0.8, attribution ≥ 0.9, quantities ≥ 0.85."""
    result = _score(name)
    assert result.strict_recall is not None
    assert result.strict_recall >= 0.7
    assert result.strict_precision is not None
    assert result.strict_precision >= 0.8
    assert result.strict_attribution is not None
    assert result.strict_attribution >= 0.9
    assert result.strict_quantity is not None
    assert result.strict_quantity >= 0.85


@pytest.mark.parametrize("name", REAL)
def test_facts_recall_more_than_sentences(name: str) -> None:
    """Drafting one claim per fact gives more facts a record of their own than drafting one
    per sentence."""
    fact, sentence = _score(name), _score(name, "sentence")
    assert fact.strict_found > sentence.strict_found

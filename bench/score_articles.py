"""Extract every test article and score the draft against its hand-made record.

    python bench/score_articles.py [--granularity fact|sentence] [--verbose]

Reads each ``tests/fixtures/articles/NAME.txt`` with its record ``NAME.claims.yaml`` and
prints one row per article: strict one-to-one recall and precision, attribution accuracy
(specificity and speaker) and quantity accuracy (numbers, unit, currency) over the one-to-one
pairs; see ``claimtrack.extract.score``. ``--verbose`` prints each article's full report.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

import claimtrack
from claimtrack.extract import ArticleFormat, ExtractSettings, extract, parse_article
from claimtrack.extract.score import Score, render_score, score

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles"


def score_article(name: str, granularity: str = "fact") -> Score:
    """The score of a fresh draft of the test article ``name`` against its record."""
    text = (ARTICLES / f"{name}.txt").read_text("utf-8")
    reference = claimtrack.load(ARTICLES / f"{name}.claims.yaml")
    settings = ExtractSettings(
        document_id=name,
        title=name,
        granularity=granularity,
        today=datetime.date(2026, 1, 1),
    )
    draft = extract(parse_article(text, ArticleFormat.TEXT), settings)
    return score(draft, text, reference, text)


def _show(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--granularity", choices=("fact", "sentence"), default="fact")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    print("| article | strict recall | strict precision | attribution | quantity |")
    print("| --- | --- | --- | --- | --- |")
    for path in sorted(ARTICLES.glob("*.claims.yaml")):
        name = path.name.removesuffix(".claims.yaml")
        result = score_article(name, args.granularity)
        strict = result.strict
        if strict is None:
            continue
        quantity = f"{strict.quantity_correct}/{strict.quantity_total}"
        print(
            f"| {name} | {_show(result.strict_recall)} ({result.strict_found}/"
            f"{result.reference_check_worthy}) | {_show(result.strict_precision)}"
            f" ({strict.pairs}/{strict.draft_check_worthy}) | {_show(result.strict_attribution)}"
            f" ({strict.attribution_correct}/{strict.attribution_total}) |"
            f" {_show(result.strict_quantity)} ({quantity}) |"
        )
        if args.verbose:
            sys.stdout.write(render_score(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())

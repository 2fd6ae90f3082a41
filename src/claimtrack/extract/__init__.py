"""Drafting a claim file from an article, offline and rule-based.

>>> from claimtrack.extract import ArticleFormat, ExtractSettings, extract, parse_article
>>> article = parse_article(
...     "Officials said more than 4,500 people fled the city in March 2023.", ArticleFormat.TEXT
... )
>>> draft = extract(article, ExtractSettings(document_id="example", title="Example"))
>>> claim = draft.claims[0]
>>> claim.kind.value, claim.attribution.specificity.value, claim.quantities[0].lower_bound
('quantity', 'vague', 4500)
>>> claim.dates[0].date
'2023-03'
"""

from claimtrack.extract.article import (
    ArticleFormat,
    ArticleText,
    detect_article_format,
    parse_article,
)
from claimtrack.extract.draft import NOT_ASSESSED, TOOL, ExtractSettings, extract

__all__ = [
    "NOT_ASSESSED",
    "TOOL",
    "ArticleFormat",
    "ArticleText",
    "ExtractSettings",
    "detect_article_format",
    "extract",
    "parse_article",
]

"""A page's own date: a line that is only a date is no claim, and a page that states when it
was published dates the draft and the weekdays it names."""

from __future__ import annotations

import datetime

import pytest

from claimtrack.extract import ArticleFormat, ExtractSettings, extract, parse_article
from claimtrack.extract.dates import Reference, find_dates
from claimtrack.extract.furniture import is_furniture

TODAY = datetime.date(2026, 1, 1)


@pytest.mark.parametrize(
    "line",
    [
        "12 September 2024",
        "September 12, 2024",
        "Sept. 12, 2024",
        "2024-09-12",
        "Published 12 September 2024",
        "Updated: Thursday 12 September 2024 10:32 BST",
        "Last updated on September 12, 2024, 4:15 p.m. ET",
    ],
)
def test_a_line_that_is_only_a_date_is_furniture(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "On 12 September 2024 the dam failed.",
        "12 September 2024: the day the dam failed, officials said.",
        "40,000 people fled.",
    ],
)
def test_a_sentence_with_a_date_is_prose(line: str) -> None:
    assert not is_furniture(line)


BODY = "<p>More than 40,000 people fled on Thursday, the agency said.</p>"


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="article:published_time" content="2024-09-12T08:00:00Z">',
        '<meta name="date" content="2024-09-12">',
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2024-09-12T08:00:00+07:00"}</script>',
    ],
)
def test_an_html_page_s_publication_date_is_read(head: str) -> None:
    article = parse_article(
        f"<html><head>{head}</head><body>{BODY}</body></html>", ArticleFormat.HTML
    )
    assert article.published == datetime.date(2024, 9, 12)


def test_a_time_element_before_the_prose_dates_the_page() -> None:
    page = (
        f'<html><body><h1>Floods</h1><time datetime="2024-09-12">12 Sept</time>{BODY}</body></html>'
    )
    article = parse_article(page, ArticleFormat.HTML)
    assert article.published == datetime.date(2024, 9, 12)


def test_a_time_element_inside_the_prose_does_not() -> None:
    later = '<p>Talks end <time datetime="2024-10-01">next month</time>.</p>'
    page = f"<html><body>{BODY}{later}</body></html>"
    assert parse_article(page, ArticleFormat.HTML).published is None


def test_markdown_front_matter_dates_the_page() -> None:
    text = (
        "---\ntitle: Floods\ndate: 2024-09-12\n---\n\nMore than 40,000 people fled on Thursday.\n"
    )
    assert parse_article(text, ArticleFormat.MARKDOWN).published == datetime.date(2024, 9, 12)


def test_a_bad_date_is_no_date() -> None:
    head = '<meta name="date" content="2024-13-45">'
    page = f"<html><head>{head}</head><body>{BODY}</body></html>"
    assert parse_article(page, ArticleFormat.HTML).published is None


def test_the_page_s_date_resolves_its_weekdays() -> None:
    """12 September 2024 was a Thursday: "on Thursday" is that day."""
    head = '<meta property="article:published_time" content="2024-09-12T08:00:00Z">'
    article = parse_article(
        f"<html><head>{head}</head><body>{BODY}</body></html>", ArticleFormat.HTML
    )
    draft = extract(
        article,
        ExtractSettings(document_id="d", title="D", today=TODAY, published=article.published),
    )
    assert [when.date for claim in draft.claims for when in claim.dates] == ["2024-09-12"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Officials said on Thursday that 40 died.", ["2024-09-12"]),  # the day of writing
        ("The dam failed on Monday.", ["2024-09-09"]),
        ("The dam failed last Thursday.", ["2024-09-05"]),
        ("Monday's vote was close.", ["2024-09-09"]),
        ("The board will meet on Monday.", []),  # ahead of the writing: not guessed
        ("Talks resume next Tuesday.", []),
        ("Rain has fallen since Monday.", []),  # a bound, not a day
        ("The dam failed on Thursday 12 September 2024.", ["2024-09-12"]),  # one date, not two
    ],
)
def test_a_weekday_is_the_day_it_names_before_the_writing(text: str, dates: list[str]) -> None:
    reference = Reference(2024, datetime.date(2024, 9, 12))
    assert [found.when.date for found in find_dates(text, reference)] == dates


def test_without_a_full_date_a_weekday_is_no_date() -> None:
    assert find_dates("The dam failed on Monday.", Reference(2024)) == []

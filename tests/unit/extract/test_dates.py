"""The date grammar over real phrasings of dates, periods and approximate times."""

from __future__ import annotations

import datetime

import pytest

from claimtrack.extract.dates import Reference, estimate_reference, find_dates

WRITTEN_IN_2024 = Reference(2024)
PUBLISHED = Reference(2024, datetime.date(2024, 12, 10))

# phrase, quoted words, (date) or (start, end), approximate
TABLE: list[tuple[str, str, tuple[str | None, ...], bool]] = [
    ("a strike on April 1, 2024, when", "April 1, 2024", ("2024-04-01",), False),
    ("on 1 April 2024 jets struck", "1 April 2024", ("2024-04-01",), False),
    ("filed on 2024-04-01", "2024-04-01", ("2024-04-01",), False),
    ("In December 2023, Israeli strikes", "December 2023", ("2023-12",), False),
    ("commenced in late November, Iran", "late November", ("2024-11",), True),
    ("By early 2024, both", "early 2024", ("2024",), True),
    ("by mid-2023 the plan", "mid-2023", ("2023",), True),
    ("in the summer of 2022", "the summer of 2022", ("2022",), True),
    ("Over the past thirteen years, Iran", "the past thirteen years", ("2011", "2024"), True),
    ("In the past year alone", "the past year", ("2023", "2024"), True),
    ("notably in 2016, when", "2016", ("2016",), False),
    ("the 1974 disengagement agreement", "1974", ("1974",), False),
    ("began on October 1. Ultimately", "October 1", ("2024-10-01",), False),
    ("from 2011 to 2014", "from 2011 to 2014", ("2011", "2014"), False),
    ("Between 2019 and 2022, rainfall", "Between 2019 and 2022", ("2019", "2022"), False),
    ("in the 1990s", "the 1990s", ("1990", "1999"), False),
    ("since 2011", "since 2011", ("2011", None), False),
    ("prices rose last year", "last year", ("2023",), False),
]


def _values(found: object) -> tuple[str | None, ...]:
    when = found.when  # type: ignore[attr-defined]
    return (when.date,) if when.date is not None else (when.start, when.end)


class TestFindDates:
    @pytest.mark.parametrize(
        ("phrase", "quote", "values", "approximate"), TABLE, ids=[r[1] for r in TABLE]
    )
    def test_phrasings(
        self, phrase: str, quote: str, values: tuple[str | None, ...], approximate: bool
    ) -> None:
        """Each phrasing yields one date or period with its words, ISO values and precision."""
        found = find_dates(phrase, WRITTEN_IN_2024)
        assert len(found) == 1, found
        assert found[0].when.text == quote
        assert phrase[found[0].start : found[0].end] == quote
        assert _values(found[0]) == values
        assert found[0].when.approximate is approximate

    def test_year_less_date_after_publication_is_last_year(self) -> None:
        """With a publication date, a day later in the year than it belongs to the year before."""
        (found,) = find_dates("the talks of December 20", PUBLISHED)
        assert found.when.date == "2023-12-20"
        (found,) = find_dates("the talks of December 2", PUBLISHED)
        assert found.when.date == "2024-12-02"

    def test_without_reference_year_less_dates_are_left_out(self) -> None:
        """Without a reference, dates that need a year are not guessed."""
        assert find_dates("in late November and over the past five years") == []

    @pytest.mark.parametrize(
        "phrase", ["more than 2,000 casualties", "in 2,016 cases", "it may rain", "B-52 bombers"]
    )
    def test_not_dates(self, phrase: str) -> None:
        """Numbers with separators, the verb "may" and names are not dates."""
        assert find_dates(phrase, WRITTEN_IN_2024) == []

    def test_impossible_day_is_dropped(self) -> None:
        """A day the calendar does not have is not reported; only its year is."""
        assert [_values(found) for found in find_dates("on February 30, 2023")] == [("2023",)]


class TestEstimateReference:
    def test_publication_date_wins(self) -> None:
        """A given publication date is the reference."""
        published = datetime.date(2024, 12, 10)
        assert estimate_reference("in 1999", published, datetime.date(2026, 1, 1)) == Reference(
            2024, published
        )

    def test_latest_year_not_after_today(self) -> None:
        """Otherwise the latest year named, ignoring years after today and numbers like 2,000."""
        text = "In 2016 and in December 2023, and by 2040; 2,000 men; 2023."
        assert estimate_reference(text, None, datetime.date(2026, 1, 1)) == Reference(2023)

    def test_no_year(self) -> None:
        """A text naming no year has no reference."""
        assert estimate_reference("no years here", None, datetime.date(2026, 1, 1)) is None

"""The quantity grammar over real phrasings of numbers, money, ranges and bounds."""

from __future__ import annotations

from typing import Any

import pytest

from claimtrack.extract.numbers import parse_number, parse_number_words
from claimtrack.extract.quantities import find_quantities

# phrase, the words it should quote, and the fields the quantity should have
TABLE: list[tuple[str, str, dict[str, Any]]] = [
    (
        "Iran has invested an estimated $30–50 billion in Syria.",
        "an estimated $30–50 billion",
        {"low": 30e9, "high": 50e9, "currency": "USD", "approximate": True},
    ),
    (
        "Official reports cite more than 2,000 casualties among them.",
        "more than 2,000 casualties",
        {"lower_bound": 2000, "unit": "casualties", "approximate": False},
    ),
    ("over the past thirteen years", "thirteen years", {"value": 13, "unit": "years"}),
    (
        "nearly 1.5 million people fled",
        "nearly 1.5 million people",
        {"value": 1.5e6, "approximate": True},
    ),
    (
        "some 300 troops remain",
        "some 300 troops",
        {"value": 300, "approximate": True, "unit": "troops"},
    ),
    ("at least €20bn was pledged", "at least €20bn", {"lower_bound": 20e9, "currency": "EUR"}),
    (
        "a fine of £3 billion to £4 billion",
        "£3 billion to £4 billion",
        {"low": 3e9, "high": 4e9, "currency": "GBP"},
    ),
    ("prices rose 5% last month", "5%", {"value": 5, "unit": "percent"}),
    ("turnout fell 3.5 per cent", "3.5 per cent", {"value": 3.5, "unit": "percent"}),
    ("up to 40 percent of voters", "up to 40 percent", {"upper_bound": 40, "unit": "percent"}),
    (
        "fewer than fifty doctors",
        "fewer than fifty doctors",
        {"upper_bound": 50, "unit": "doctors"},
    ),
    ("between 30 and 50 soldiers", "between 30 and 50 soldiers", {"low": 30, "high": 50}),
    ("10-15 villages were hit", "10-15 villages", {"low": 10, "high": 15, "unit": "villages"}),
    ("more than a decade later", "more than a decade", {"lower_bound": 10, "unit": "years"}),
    ("two decades of war", "two decades", {"value": 20, "unit": "years"}),
    (
        "twenty-five thousand dollars",
        "twenty-five thousand dollars",
        {"value": 25000, "currency": "USD"},
    ),
    ("a $5m grant", "$5m", {"value": 5e6, "currency": "USD"}),
    (
        "about 15 million litres a day",
        "about 15 million litres",
        {"value": 15e6, "approximate": True},
    ),
    ("roughly 7,500 homes", "roughly 7,500 homes", {"value": 7500, "approximate": True}),
    ("almost 90 percent", "almost 90 percent", {"value": 90, "approximate": True}),
    ("as many as 500 people", "as many as 500 people", {"upper_bound": 500}),
    ("two dozen eggs", "two dozen eggs", {"value": 24, "unit": "eggs"}),
    ("US$2.4 billion in aid", "US$2.4 billion", {"value": 2.4e9, "currency": "USD"}),
    (
        "The mayor said 2\u00a0000 homes were flooded.",
        "2\u00a0000 homes",
        {"value": 2000, "unit": "homes"},
    ),
    ("a road of 2\u202f500 km", "2\u202f500 km", {"value": 2500, "unit": "km"}),
    (
        "roughly 1,5 million of them weekly",
        "roughly 1,5 million",
        {"value": 1.5e6, "approximate": True},
    ),
    (
        "a public debt of US$1.5tn",
        "US$1.5tn",
        {"value": 1.5e12, "currency": "USD"},
    ),
    ("it costs 45,5 million euros", "45,5 million euros", {"value": 45.5e6, "currency": "EUR"}),
    ("a town of 4 500 000 people", "4 500 000 people", {"value": 4_500_000, "unit": "people"}),
    ("it cost 1'000'000 francs", "1'000'000 francs", {"value": 1_000_000, "unit": "francs"}),
    ("it cost 1’000 francs", "1’000 francs", {"value": 1000, "unit": "francs"}),
    ("1.200.000 people fled", "1.200.000 people", {"value": 1_200_000, "unit": "people"}),
    ("a sum of 1.234.567,89 euros", "1.234.567,89 euros", {"value": 1_234_567.89}),
    (
        "\u0663\u066c\u0665\u0660\u0660 families",
        "\u0663\u066c\u0665\u0660\u0660 families",
        {"value": 3500},
    ),
    ("prices fell −3.5% last year", "−3.5%", {"value": -3.5, "unit": "percent"}),
    ("it hit -12 degrees overnight", "-12 degrees", {"value": -12, "unit": "degrees"}),
    ("a loss of −$5bn", "−$5bn", {"value": -5e9, "currency": "USD"}),
    ("a loss of -€3m this year", "-€3m", {"value": -3e6, "currency": "EUR"}),
    ("2½ million people", "2½ million people", {"value": 2.5e6, "unit": "people"}),
    ("5m people fled", "5m people", {"value": 5e6, "unit": "people"}),
    ("2k runners took part", "2k runners", {"value": 2000, "unit": "runners"}),
    ("it fell to −2°C overnight", "−2°C", {"value": -2, "unit": "°C"}),
    ("a road of 4 500km", "4 500km", {"value": 4500, "unit": "km"}),
    # a full stop before three digits is a decimal point beside a percentage, a scale word or
    # a currency sign, as financial news writes them
    ("the deal was worth $1.125 billion", "$1.125 billion", {"value": 1.125e9, "currency": "USD"}),
    ("the bond yields 4.125% a year", "4.125%", {"value": 4.125, "unit": "percent"}),
    ("rates rose to 5.375 per cent", "5.375 per cent", {"value": 5.375, "unit": "percent"}),
    ("petrol costs $3.459 a gallon", "$3.459", {"value": 3.459, "currency": "USD"}),
]


class TestFindQuantities:
    @pytest.mark.parametrize(("phrase", "quote", "fields"), TABLE, ids=[row[1] for row in TABLE])
    def test_phrasings(self, phrase: str, quote: str, fields: dict[str, Any]) -> None:
        """Each phrasing yields one quantity quoting its words, with the expected fields."""
        found = find_quantities(phrase)
        assert len(found) == 1, found
        quantity = found[0].quantity
        assert quantity.text == quote
        assert phrase[found[0].start : found[0].end].strip() == quote
        for name, expected in fields.items():
            assert getattr(quantity, name) == expected, name

    @pytest.mark.parametrize(
        "phrase",
        [
            "in 1998, before the war",
            "on May 3, 2019, jets struck",
            "B-52 bombers",
            "the 4th Armored Division",
            "One such example is the militia.",
            "the 1974 disengagement agreement",
            "from 2011–2014",
            "at 10:30 on Monday",
            "a year of crisis",
            "on the 1,000th day",
            "the 21st century",
            "on the 2nd and 23rd",
            "COVID-19 spread",
            "F-35C jets",
            "in the 1.200 people",
            "a 5m wall",
        ],
    )
    def test_not_quantities(self, phrase: str) -> None:
        """Years, days of the month, ordinals, parts of names and times are not quantities;
        nor is a number whose reading is ambiguous ("1.200"), nor "5m" alone (metres?)."""
        assert find_quantities(phrase) == []

    def test_several_in_one_sentence(self) -> None:
        """Every quantity of a sentence is found, in order."""
        found = find_quantities("Over thirteen years it spent $30 billion and lost 2,000 men.")
        assert [item.quantity.text for item in found] == [
            "thirteen years",
            "$30 billion",
            "2,000 men",
        ]

    def test_over_opening_a_clause_is_a_duration(self) -> None:
        """ "Over ten years, …" is a span of time; "over a decade of war" is a bound."""
        (during,) = find_quantities("Over ten years, the city grew.")
        assert (during.quantity.value, during.quantity.text) == (10, "ten years")
        (bound,) = find_quantities("It ended over a decade of war.")
        assert bound.quantity.lower_bound == 10

    def test_a_year_and_a_count_stay_apart(self) -> None:
        """ "in 2024 500 people": a plain space does not join a year to the count after it."""
        [found] = find_quantities("in 2024 500 people died")
        assert (found.quantity.value, found.quantity.text) == (500, "500 people")

    def test_a_hyphen_between_numbers_is_a_range_not_a_minus(self) -> None:
        """ "10-12 villages" is a range of 10 to 12."""
        [found] = find_quantities("10-12 villages were hit")
        assert (found.quantity.low, found.quantity.high) == (10, 12)

    def test_a_range_with_an_ambiguous_end_is_not_proposed(self) -> None:
        """ "10 to 1.200 people": one end has two readings, so no quantity is guessed."""
        assert find_quantities("from 10 to 1.200 people") == []

    def test_from_without_to_is_not_part_of_the_quantity(self) -> None:
        """ "down from $30 billion": the quote is the figure, "from" is no bound of it."""
        (found,) = find_quantities("down from $30 billion a year earlier")
        assert (found.quantity.text, found.quantity.value) == ("$30 billion", 30e9)

    @pytest.mark.parametrize(
        ("phrase", "quantities"),
        [
            (
                "crime fell from 30 to 20 percent",
                [("30", 30, "percent"), ("20 percent", 20, "percent")],
            ),
            ("prices rose from $3 to $5", [("$3", 3, None), ("$5", 5, None)]),
            (
                "the toll climbed from 3 to 5 million",
                [("3", 3e6, None), ("5 million", 5e6, None)],
            ),
        ],
    )
    def test_a_change_from_one_figure_to_another_is_two_figures(
        self, phrase: str, quantities: list[tuple[str, float, str | None]]
    ) -> None:
        """After a verb of change, "from A to B" states where it was and where it is, not a
        range of values."""
        found = [
            (q.quantity.text, q.quantity.value, q.quantity.unit) for q in find_quantities(phrase)
        ]
        assert found == quantities

    def test_from_to_without_a_change_is_a_range(self) -> None:
        (found,) = find_quantities("from 10 to 20 people were hurt")
        assert (found.quantity.low, found.quantity.high) == (10, 20)

    def test_a_list_of_two_numbers_is_not_a_range(self) -> None:
        """ "2,000 and 3,000" without "between" states two numbers, not a range."""
        found = find_quantities("they fired 2,000 and 3,000 rounds")
        assert found[0].quantity.value == 2000


class TestNumberWords:
    @pytest.mark.parametrize(
        ("words", "value"),
        [
            ("thirteen", 13),
            ("twenty-five", 25),
            ("two hundred and five", 205),
            ("three thousand four hundred", 3400),
            ("one million", 1_000_000),
            ("ninety nine", 99),
        ],
    )
    def test_values(self, words: str, value: int) -> None:
        """Number words add up as English counts them."""
        assert parse_number_words(words) == value

    def test_rejects_other_words(self) -> None:
        """Words that are not numbers give None rather than a guess."""
        assert parse_number_words("several") is None
        assert parse_number("many") is None

    def test_digits(self) -> None:
        """Digits with thousands separators and decimals parse as numbers."""
        assert parse_number("2,000") == 2000
        assert parse_number("1.5") == 1.5

"""Reading numbers from quotes, and comparing recorded quantities with them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack
from claimtrack.extract.numbers import parse_number
from claimtrack.lint._numbers import (
    _APPROXIMATE,
    _CUE_WORDS,
    _EXPRESSION,
    _LOWER,
    _UPPER,
    Shape,
    _values,
    read_numbers,
    scale_of_unit,
    stated_numbers,
)
from claimtrack.lint.quantities import quantity_problem
from claimtrack.model import Quantity

# Thousands grouped as SI style writes them: by a no-break, narrow no-break or thin space.
SPACES = ["\u00a0", "\u202f", "\u2009"]


class TestReadNumbers:
    @pytest.mark.parametrize(
        ("text", "shape", "numbers"),
        [
            ("more than 2,000 casualties", Shape.LOWER, (2000.0,)),
            ("at least 15 strikes", Shape.LOWER, (15.0,)),
            ("up to 5 million people", Shape.UPPER, (5e6,)),
            ("fewer than 300 advisers", Shape.UPPER, (300.0,)),
            ("$30–50 billion", Shape.RANGE, (30e9, 50e9)),
            ("between $30 and $50 billion", Shape.RANGE, (30e9, 50e9)),
            ("$30bn to $50bn", Shape.RANGE, (30e9, 50e9)),
            ("1,000-2,000 fighters", Shape.RANGE, (1000.0, 2000.0)),
            ("1.5 million refugees", Shape.VALUE, (1.5e6,)),
        ],
    )
    def test_reads_the_shape_and_scaled_numbers(
        self, text: str, shape: Shape, numbers: tuple[float, ...]
    ) -> None:
        """A number or range is read with its shape and its scale word applied."""
        [expression] = read_numbers(text)
        assert (expression.shape, expression.numbers) == (shape, numbers)

    def test_and_without_between_is_two_values(self) -> None:
        """'2,000 and 3,000' states two values, not a range."""
        assert [e.numbers for e in read_numbers("2,000 and 3,000 dead")] == [(2000.0,), (3000.0,)]

    def test_approximators_mark_the_number_approximate(self) -> None:
        """'about', 'roughly' and the like make a number approximate, not a bound."""
        [expression] = read_numbers("roughly 400 soldiers")
        assert expression.approximate
        assert expression.shape is Shape.VALUE

    @pytest.mark.parametrize(
        ("text", "shape", "approximate"),
        [
            ("no fewer than 12 dead", Shape.LOWER, False),
            ("NO  FEWER\nTHAN 12 dead", Shape.LOWER, False),
            ("a maximum of 40 sorties", Shape.UPPER, False),
            ("an estimated 40 sorties", Shape.VALUE, True),
            ("over ~40 sorties", Shape.VALUE, True),
            ("it was over. 40 sorties", Shape.VALUE, False),
            ("the moreover 40 sorties", Shape.VALUE, False),
        ],
    )
    def test_cues_are_the_last_words_before_the_number(
        self, text: str, shape: Shape, approximate: bool
    ) -> None:
        """A bound or approximation word counts when it ends the text before the number."""
        [expression] = read_numbers(text)
        assert (expression.shape, expression.approximate) == (shape, approximate)

    def test_every_cue_fits_in_the_words_read(self) -> None:
        """Cues are read from the last three words before a number; none is longer."""
        assert all(len(cue.split()) <= _CUE_WORDS for cue in (*_LOWER, *_UPPER, *_APPROXIMATE))

    def test_words_are_not_read(self) -> None:
        """Numbers written as words are not read, so they cannot be misread."""
        assert read_numbers("two thousand fighters") == []

    def test_scale_of_unit(self) -> None:
        """A scale word in the unit scales the recorded number; other units do not."""
        assert scale_of_unit("billion USD") == 1e9
        assert scale_of_unit("casualties") == 1.0
        assert scale_of_unit(None) == 1.0

    @pytest.mark.parametrize(
        ("text", "numbers"),
        [
            *((f"2{space}000 homes", (2000.0,)) for space in SPACES),
            *(
                (f"between 1{space}200{space}000 and 1{space}500{space}000", (1.2e6, 1.5e6))
                for space in SPACES
            ),
            ("1,5 million displaced", (1.5e6,)),
            ("45,5 million euros", (45.5e6,)),
            ("a rate of 3,25 percent", (3.25,)),
            ("US$1.5tn", (1.5e12,)),
            ("US$1.5trn", (1.5e12,)),
            ("1,000.5 tonnes", (1000.5,)),
        ],
    )
    def test_reads_every_style_extract_reads(self, text: str, numbers: tuple[float, ...]) -> None:
        """Thousands grouped by no-break or thin spaces, a decimal comma before one or two
        digits and "trn" are read as one number, as extract reads them."""
        assert [e.numbers for e in read_numbers(text)] == [numbers]

    @pytest.mark.parametrize(
        ("text", "numbers"),
        [
            ("4 500 000 people", (4.5e6,)),
            ("1'000'000 francs", (1e6,)),
            ("1’000 francs", (1e3,)),
            ("1.200.000 Einwohner", (1.2e6,)),
            ("1\u066c200 families", (1200.0,)),
            ("\u0663\u066b5 percent", (3.5,)),
            ("−3.5%", (-3.5,)),
            ("-12 degrees", (-12.0,)),
            ("−$5bn", (-5e9,)),
            ("-€3 million", (-3e6,)),
            ("2½ times", (2.5,)),
            ("¾ of them", (0.75,)),
            ("$5m", (5e6,)),
            ("$4.5b", (4.5e9,)),
            ("5m people", (5e6,)),
            ("2k runners", (2e3,)),
            ("a 5m wall", (5.0,)),
        ],
    )
    def test_reads_other_conventions(self, text: str, numbers: tuple[float, ...]) -> None:
        """Plain-space, apostrophe, dot and Arabic grouping, a minus sign, vulgar fractions,
        and a one-letter scale with money or a count read as extract reads them."""
        assert [e.numbers for e in read_numbers(text)] == [numbers]

    @pytest.mark.parametrize(
        "text", ["the 21st century", "on the 2nd", "4th Division", "B-52 bombers", "COVID-19"]
    )
    def test_ordinals_and_names_are_not_figures(self, text: str) -> None:
        """Ordinals and the digits of a hyphenated name are no figure."""
        assert read_numbers(text) == []

    def test_a_hyphen_between_numbers_is_a_range(self) -> None:
        """ "10-12" is a range, not 10 and minus 12."""
        assert [e.numbers for e in read_numbers("10-12 villages")] == [(10.0, 12.0)]

    def test_one_dot_group_of_three_states_both_readings(self) -> None:
        """ "1.200" may be 1.2 or 1,200: the expression holds both readings."""
        [expression] = read_numbers("1.200 families")
        assert expression.readings == (1.2, 1200.0)
        assert stated_numbers("1.200 families") == [1.2, 1200.0]

    @pytest.mark.parametrize("text", ["version 1.5.3", "on 12.03.2024", "1,000,5", "1,2,3"])
    def test_a_number_is_read_whole_or_not_at_all(self, text: str) -> None:
        """Digits followed by a comma or point and more digits are no number, and no part of
        them is read as one (a decimal comma does not make "1,2,3" 1.2)."""
        assert read_numbers(text) == []


# Digits, separators, scale words, currencies, range words and dashes, mixed with plain words.
_PIECES = st.sampled_from(
    [
        "2",
        "000",
        ",",
        ".",
        "5",
        "30",
        " ",
        "-",
        "–",
        "to",
        "between",
        "and",
        "billion",
        "bn",
        "$",
        "US$",
        "thousand",
        "\u00a0",
        "\u202f",
        "\u2009",
        "1,5",
        "trn",
        "more than",
        "fighters",
        "x",
        "\n",
    ]
)


class TestStatedNumbers:
    @given(st.lists(_PIECES, max_size=12).map("".join))
    def test_states_the_numbers_read_numbers_reads(self, text: str) -> None:
        """The quick reading gives every number (each end of a range, in each of its readings)
        read_numbers gives."""
        expected = [number for expression in read_numbers(text) for number in expression.readings]
        assert stated_numbers(text) == expected

    @given(
        st.text(
            alphabet="0123456789٣,. \n\t\u00a0\u202f\u2009'’\u066c\u066b½"
            "$€USDEURGBPbetwnBETWNusdrgpſKkİımbx-−–to",
            max_size=40,
        )
    )
    def test_same_numbers_as_a_scan_of_every_position(self, text: str) -> None:
        """Trying the expression only just before digits finds what scanning every
        position finds, for any mix of digits, separators, currencies, case and spacing."""
        everywhere = [n for match in _EXPRESSION.finditer(text) for n in _values(match)]
        assert stated_numbers(text) == everywhere

    def test_scales_and_ranges(self) -> None:
        """A scale word applies, and a range gives both its ends."""
        assert stated_numbers("between $30 and $50 billion, then 1.5 million") == [
            30e9,
            50e9,
            1.5e6,
        ]

    def test_numbers_written_in_words_are_not_read(self) -> None:
        """A text without digits states no number (words are not read)."""
        assert stated_numbers("more than two thousand fighters") == []


class TestQuantityProblem:
    def test_value_absent_from_the_text(self) -> None:
        """'more than 2,000' recorded as 3,000 is a mismatch naming both numbers."""
        problem = quantity_problem(Quantity(value=3000), "more than 2,000 casualties")
        assert problem is not None
        assert "3,000" in problem
        assert "'2,000'" in problem

    def test_wrong_scale(self) -> None:
        """'$30–50 billion' recorded as 30–50 million is a mismatch."""
        quantity = Quantity(low=30, high=50, unit="million USD")
        assert quantity_problem(quantity, "$30–50 billion") is not None

    @pytest.mark.parametrize(
        "quantity",
        [
            Quantity(low=30, high=50, unit="billion USD"),
            Quantity(low=30e9, high=50e9, currency="USD"),
        ],
    )
    def test_right_scale_in_unit_or_number(self, quantity: Quantity) -> None:
        """The scale may sit in the unit or in the number itself."""
        assert quantity_problem(quantity, "$30–50 billion") is None

    def test_bound_recorded_as_exact_value(self) -> None:
        """A bound in the text recorded as an exact value is a mismatch."""
        problem = quantity_problem(Quantity(value=2000), "more than 2,000 casualties")
        assert problem is not None
        assert "lower bound" in problem

    def test_bound_recorded_as_approximate_value_is_accepted(self) -> None:
        """A bound recorded as an approximate value is a reading, not a mistake."""
        quantity = Quantity(value=2000, approximate=True)
        assert quantity_problem(quantity, "more than 2,000 casualties") is None

    def test_range_recorded_as_one_value(self) -> None:
        """A range in the text recorded as one end of it is a mismatch."""
        assert quantity_problem(Quantity(value=30e9), "$30–50 billion") is not None

    def test_upper_bound_recorded_as_lower_bound(self) -> None:
        """'up to 50' recorded as a lower bound of 50 is a mismatch."""
        problem = quantity_problem(Quantity(lower_bound=50), "up to 50 strikes")
        assert problem is not None
        assert "upper bound" in problem

    def test_quantity_text_is_preferred_to_the_quote(self) -> None:
        """When the quantity records its own text, that text is compared, not the quote."""
        quantity = Quantity(value=12, text="12 bases")
        assert quantity_problem(quantity, "in 2024, 12 bases and 300 advisers") is None
        assert quantity_problem(Quantity(value=13, text="12 bases"), "13 of them") is not None

    def test_text_without_digits_is_never_a_problem(self) -> None:
        """A quote without digits says nothing checkable about the number."""
        assert quantity_problem(Quantity(value=5), "several thousand fighters") is None


def _claim_file(tmp_path: Path, exact: str, quantity: dict[str, object]) -> Path:
    """A claim file of one claim whose anchor states ``exact``, recording ``quantity``."""
    claim = {
        "id": "homes",
        "text": exact,
        "kind": "quantity",
        "anchor": {"exact": exact},
        "quantities": [quantity],
        "status": "unverified",
    }
    data = {"version": 1, "document": {"id": "doc", "title": "Doc"}, "claims": [claim]}
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _f108(path: Path) -> list[str]:
    settings = claimtrack.CheckSettings(rules=claimtrack.RuleSelection(enabled=frozenset({"F108"})))
    return [finding.message for finding in claimtrack.check([path], settings).findings]


_STYLES = [
    *((f"more than 2{space}000 homes were destroyed", {"lower_bound": 2000}) for space in SPACES),
    ("roughly 1,5 million people fled", {"value": 1.5, "unit": "million people"}),
    ("a fund of 45,5 million euros", {"value": 45.5e6, "currency": "EUR"}),
    ("a deficit of US$1.5trn", {"value": 1.5, "unit": "trillion", "currency": "USD"}),
    ("more than 4 500 homes were destroyed", {"lower_bound": 4500}),
    ("a fund of 1'500'000 francs", {"value": 1.5e6}),
    ("1.200.000 people fled", {"value": 1.2e6}),
    ("1.200 families returned", {"value": 1200}),
    ("1.200 tonnes of grain", {"value": 1.2, "unit": "tonnes"}),
    ("prices fell −3.5% last year", {"value": -3.5, "unit": "percent"}),
    ("a $5m grant", {"value": 5e6, "currency": "USD"}),
    ("the 21st century saw 400 floods", {"value": 400}),
]


class TestQuantityMismatchInEveryStyle:
    @pytest.mark.parametrize(("exact", "quantity"), _STYLES)
    def test_the_right_quantity_is_not_flagged(
        self, tmp_path: Path, exact: str, quantity: dict[str, object]
    ) -> None:
        """F108 reads the text's number in each style extract reads, so the quantity that
        records it is not flagged."""
        assert _f108(_claim_file(tmp_path, exact, quantity)) == []

    @pytest.mark.parametrize(("exact", "quantity"), _STYLES)
    def test_a_wrong_quantity_is_still_flagged(
        self, tmp_path: Path, exact: str, quantity: dict[str, object]
    ) -> None:
        """A quantity recording ten times the stated number is flagged, naming the text's
        number as written, whole."""
        key = next(key for key in ("value", "lower_bound") if key in quantity)
        wrong = {**quantity, key: float(quantity[key]) * 10}  # type: ignore[arg-type]
        [message] = _f108(_claim_file(tmp_path, exact, wrong))
        assert "but the text states" in message
        stated = message.split("but the text states ")[1]
        assert len(stated.split("', '")) == 1  # one number, not its pieces


class TestOneReadingOfDigits:
    @given(
        st.integers(0, 10**12),
        st.sampled_from([",", *SPACES]),
        st.one_of(st.none(), st.integers(0, 99)),
        st.sampled_from(["", " people", " million", "bn", "%"]),
    )
    def test_the_flags_and_extract_read_digits_alike(
        self, number: int, separator: str, decimals: int | None, after: str
    ) -> None:
        """A number grouped by any separator, with a decimal point (after groups) or a
        decimal comma (before one or two digits), reads as its value in the flags and in
        extract, the one reading both share."""
        grouped = f"{number:,}".replace(",", separator)
        if decimals is not None and separator == ",":
            grouped += f".{decimals}"
            value = float(f"{number}.{decimals}")
        elif decimals is not None:
            grouped = f"{number},{decimals:02d}"
            value = float(f"{number}.{decimals:02d}")
        else:
            value = float(number)
        assert parse_number(grouped) == value
        scale = {" million": 1e6, "bn": 1e9}.get(after, 1.0)
        assert stated_numbers(f"a total of {grouped}{after} in all") == [value * scale]

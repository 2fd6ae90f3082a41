"""The one reading of numbers in digits that extract and the flags share."""

from __future__ import annotations

import re

import pytest

from claimtrack._numerals import DIGITS_PATTERN, digits_readings, digits_value, letter_scale

_WHOLE = re.compile(rf"{DIGITS_PATTERN}")


def _numbers(text: str) -> list[str]:
    """The numbers ``text`` writes, each standing apart from other digits and words."""
    return [m.group(0) for m in re.finditer(rf"(?<![\w.,'’]){DIGITS_PATTERN}", text)]


class TestSeparators:
    @pytest.mark.parametrize(
        ("digits", "value"),
        [
            ("4 500 000", 4_500_000),
            ("4 500", 4500),
            ("1'000'000", 1_000_000),
            ("1’000", 1000),
            ("1’000.50", 1000.5),
            ("1.200.000", 1_200_000),
            ("1.234.567,89", 1_234_567.89),
            ("1.200,5", 1200.5),
            ("4 500,25", 4500.25),
            ("1\u066c200\u066c000", 1_200_000),
            ("3\u066b5", 3.5),
            ("\u0661\u0662\u0663", 123),
            ("\u06f4\u066c\u06f5\u06f0\u06f0", 4500),
            ("1,200", 1200),
            ("1,5", 1.5),
            ("0.125", 0.125),
        ],
    )
    def test_each_convention_reads_its_value(self, digits: str, value: float) -> None:
        """Thousands grouped by plain spaces, apostrophes, dots (two groups or more) or the
        Arabic separator, and Arabic-Indic digits, read as the number they write."""
        assert _WHOLE.fullmatch(digits) is not None
        assert digits_value(digits) == value

    @pytest.mark.parametrize(
        ("text", "numbers"),
        [
            ("in 2024 500 people", ["2024", "500"]),
            ("in 2024 500 000 people", ["2024", "500 000"]),
            ("aged 12 1234 times", ["12", "1234"]),
            ("scores 1 22 3333", ["1", "22", "3333"]),
            ("call 1 234 5678", ["1", "234", "5678"]),
            ("0 500", ["0", "500"]),
        ],
    )
    def test_plain_spaces_do_not_join_separate_numbers(self, text: str, numbers: list[str]) -> None:
        """A plain space groups only after a lead of one to three digits (not starting with
        0) and before exactly three: a year and a count beside it stay two numbers."""
        assert _numbers(text) == numbers

    @pytest.mark.parametrize("digits", ["1.200.00", "1.20.000", "1 2000", "1'00", "1.200.000.5"])
    def test_inconsistent_groups_are_no_number(self, digits: str) -> None:
        """Groups of other than three digits, or a decimal point after dot groups, are not
        read as a number."""
        assert _WHOLE.fullmatch(digits) is None


class TestAmbiguity:
    @pytest.mark.parametrize(
        ("digits", "readings"), [("1.200", (1.2, 1200.0)), ("25.500", (25.5, 25500.0))]
    )
    def test_one_dot_group_of_three_has_two_readings(
        self, digits: str, readings: tuple[float, ...]
    ) -> None:
        """One dot and three digits may be a decimal point or a thousands separator: both
        readings are given and no single value."""
        assert digits_readings(digits) == readings
        assert digits_value(digits) is None

    @pytest.mark.parametrize("digits", ["1,200", "0.200", "1.20", "1.2000", "1234.567"])
    def test_other_numbers_have_one_reading(self, digits: str) -> None:
        """A comma before three digits is a thousands separator (as English writes it), and
        a dot after a 0 or before other than three digits is a decimal point."""
        assert len(digits_readings(digits)) == 1


class TestOrdinalsAndFractions:
    @pytest.mark.parametrize("text", ["1st", "2nd", "23rd", "4th", "the 21st century", "1,000th"])
    def test_ordinals_are_no_number(self, text: str) -> None:
        """An ordinal is a rank, never a figure: no part of it is a number."""
        assert _numbers(text) == []

    @pytest.mark.parametrize(
        ("digits", "value"), [("½", 0.5), ("¼", 0.25), ("¾", 0.75), ("2½", 2.5)]
    )
    def test_vulgar_fractions(self, digits: str, value: float) -> None:
        """A vulgar fraction, alone or after whole digits, reads as its value."""
        assert _WHOLE.fullmatch(digits) is not None
        assert digits_value(digits) == value


class TestLetterScale:
    @pytest.mark.parametrize(
        ("letter", "money", "following", "scale"),
        [
            ("m", True, "", 1e6),
            ("b", True, "grant", 1e9),
            ("k", False, "runners", 1e3),
            ("m", False, "people", 1e6),
            ("m", False, "wall", 1.0),
            ("m", False, "", 1.0),
            ("k", False, "high", 1.0),
        ],
    )
    def test_a_letter_scales_with_money_or_a_count(
        self, letter: str, money: bool, following: str, scale: float
    ) -> None:
        """ "$5m" and "5m people" are five million; "a 5m wall" is five metres, no scale."""
        assert letter_scale(letter, money=money, after=f" {following}.") == scale

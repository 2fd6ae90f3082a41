"""Escaping text for the HTML pages: every character that could act as markup or control
is escaped, and text without one is given back as it is."""

from __future__ import annotations

import html

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack._inert import visible_lines
from claimtrack.render.report._markup import escape


class TestEscape:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("a & b", "a &amp; b"),
            ("<script>", "&lt;script&gt;"),
            ('say "no"', "say &quot;no&quot;"),
            ("it's", "it&#x27;s"),
            ("bell\x07", "bell\\x07"),
            ("line\u2028break", "line\\u2028break"),
            ("tab\tand\nline feed", "tab\tand\nline feed"),
            ("plain words, 30% of 2024", "plain words, 30% of 2024"),
        ],
    )
    def test_escapes_markup_and_controls(self, text: str, expected: str) -> None:
        """Each of HTML's five special characters becomes an entity and each control
        character a visible escape; tabs, line feeds and other text are kept."""
        assert escape(text) == expected

    @given(st.text())
    def test_is_html_escape_of_the_visible_text(self, text: str) -> None:
        """Any text comes out as the standard HTML escape of its visible form, whether or
        not it holds a character to change."""
        assert escape(text) == html.escape(visible_lines(text), quote=True)

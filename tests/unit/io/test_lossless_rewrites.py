"""A rewrite changes only what it was asked to: for shapes the in-place writer cannot
handle it keeps every other line or refuses with a clear message, and line endings and
indentation are kept in JSON."""

from __future__ import annotations

import pytest

from claimtrack.io.load import load_bytes
from claimtrack.io.roundtrip import REMOVE, Change, RewriteError, rewrite

# (file text, the change, text that must survive a rewrite)
SHAPES = {
    "yaml-anchor-and-comment": (
        "claims:\n- id: c\n  anchor: &a {exact: q}  # c1\n  again: *a\nother:\n    deep:   'x'\n",
        Change(("claims", 0, "anchor", "start"), 5),
        ["&a", "  # c1", "other:\n    deep:   'x'\n"],
    ),
    "multi-line-flow-with-comment": (
        "claims:\n  - id: c\n    tags: [a,  # first\n      b]\n    anchor: {exact: q}\n"
        "other:   'two  spaces'\n",
        Change(("claims", 0, "tags", 0), "z"),
        ["# first", "other:   'two  spaces'\n"],
    ),
    "explicit-key": (
        "claims:\n  - id: c\n    ? anchor\n    : exact: q\n      prefix: p   # keep\ntop:    1\n",
        Change(("claims", 0, "anchor", "prefix"), REMOVE),
        ["top:    1\n"],
    ),
    "escapes": (
        'claims:\n  - id: c\n    text: "caf\\u00e9 \\x41"\n    anchor: {exact: q, prefix: p}\n',
        Change(("claims", 0, "anchor", "prefix"), REMOVE),
        ['"caf\\u00e9 \\x41"'],
    ),
}


class TestNothingElseChanges:
    """Either every other line survives, or nothing is written and the message says why."""

    @pytest.mark.parametrize("name", sorted(SHAPES))
    def test_shape(self, name: str) -> None:
        """The rewrite keeps the lines it was not asked to change, or refuses."""
        text, change, kept = SHAPES[name]
        document = load_bytes(text.encode(), "c.yaml")
        try:
            result = rewrite(document, [change])
        except RewriteError as error:
            assert "nothing was written" in str(error)
            return
        for piece in kept:
            assert piece in result.text, (name, result.text)

    def test_reindenting_fallback_is_refused(self) -> None:
        """A removal the in-place writer cannot do in a file the round trip would re-indent
        is refused, not written re-indented."""
        text = "claims:\n    - id: c\n      anchor:\n          exact: q\n          prefix: p  # c\n"
        document = load_bytes(text.encode(), "c.yaml")
        try:
            result = rewrite(document, [Change(("claims", 0, "anchor", "prefix"), REMOVE)])
        except RewriteError:
            return
        kept = [line for line in text.splitlines(keepends=True) if "prefix" not in line]
        assert result.text.splitlines(keepends=True) == kept


class TestJsonLayout:
    """New keys in JSON follow the file's line endings and indentation."""

    @pytest.mark.parametrize("eol", ["\r\n", "\r", "\n"])
    def test_line_endings_are_kept(self, eol: str) -> None:
        """An inserted member uses the file's own line ending."""
        text = eol.join(["{", '  "version": 1,', '  "anchor": {', '    "exact": "q"', "  }", "}"])
        result = rewrite(load_bytes(text.encode(), "c.json"), [Change(("anchor", "start"), 3)])
        others = {"\r\n", "\r", "\n"} - {eol}
        body = result.text.replace(eol, "")
        assert not any(other in body for other in others), repr(result.text)
        assert '"start": 3' in result.text

    def test_tab_indentation_is_kept(self) -> None:
        """An inserted member is indented with tabs in a tab-indented file."""
        text = '{\n\t"version": 1,\n\t"anchor": {\n\t\t"exact": "q"\n\t}\n}\n'
        result = rewrite(load_bytes(text.encode(), "c.json"), [Change(("anchor", "start"), 3)])
        assert '\n\t\t"start": 3' in result.text
        assert "  " not in result.text

"""JSON positions found on demand agree with the full position tree and with counting by hand.

The lazy lookup (:class:`JsonPositions`) steps over values with the C scanner; the full tree
comes from the tokenising scanner rewrites use. Both must name the same line and column for
every value and key, whatever the layout of the text.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.findings import Span
from claimtrack.io.json import JsonPositions, parse_json, scan_positions
from claimtrack.io.positions import LineIndex, PositionMap
from claimtrack.io.problem import ParseProblem

_KEYS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | _KEYS
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=25,
)
_LAYOUTS = st.sampled_from(
    [
        {"indent": None},
        {"indent": 2},
        {"indent": "\t"},
        {"indent": None, "separators": (",", ":")},
        {"indent": 0, "ensure_ascii": False},
        {"indent": 1, "separators": (" ,  ", " :\n ")},
    ]
)


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            found.extend(_paths(child, (*path, key)))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found.extend(_paths(child, (*path, index)))
    return found


def _by_hand(text: str, offset: int) -> tuple[int, int]:
    # A carriage return not followed by a line feed ends a line too, as editors count.
    before = re.sub(r"\r(?!\n)", "\n", text)[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


# Values with an object at the top, some of whose members are lists: what parse_json walks
# itself (noting where each member and list item stands) rather than leave to json.loads.
_FILES = st.dictionaries(
    _KEYS, _VALUES | st.lists(_VALUES | st.dictionaries(_KEYS, _VALUES), max_size=4), max_size=5
)


@given(_VALUES | _FILES, _LAYOUTS, st.sampled_from(["", "\n", "  \n\t"]), st.booleans())
def test_lazy_lookup_agrees_with_the_full_tree(
    value: Any, layout: dict[str, Any], padding: str, parsed: bool
) -> None:
    text = padding + json.dumps(value, **layout) + padding
    lazy = parse_json(text)[1] if parsed else JsonPositions(text)
    full = PositionMap(scan_positions(text)[0], lines=LineIndex(text))
    paths = _paths(value)
    # A path that goes beyond the data stops at the deepest value that exists.
    paths += [(*path, "missing") for path in paths] + [(*path, 99) for path in paths]
    for path in paths:
        assert lazy.span(path) == full.span(path), path
        if path and isinstance(path[-1], str):
            assert lazy.span(path, key=True) == full.span(path, key=True), path


@given(_VALUES | _FILES, _LAYOUTS)
def test_parse_json_reads_what_json_loads_reads(value: Any, layout: dict[str, Any]) -> None:
    text = json.dumps(value, **layout)
    assert parse_json(text)[0] == json.loads(text)


def _loads_strictly(text: str) -> Any:
    def unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        if len({key for key, _ in pairs}) != len(pairs):
            raise ValueError("duplicate key")
        return dict(pairs)

    def refuse(name: str) -> Any:
        raise ValueError(name)

    return json.loads(text, object_pairs_hook=unique, parse_constant=refuse)


_DAMAGE = st.sampled_from([*',:[]{}"\\ 0e-.tfnNI', "", ",]", ",}", "NaN", '"a":1,"a"'])


@given(_FILES, _LAYOUTS, st.data())
def test_parse_json_refuses_exactly_what_strict_json_refuses(
    value: Any, layout: dict[str, Any], data: st.DataObject
) -> None:
    """Damage a file at a random place: parse_json must refuse it exactly when a strict
    json.loads does (unique keys, no NaN), and otherwise read the same data."""
    text = json.dumps(value, **layout)
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 2))
    damaged = text[:at] + data.draw(_DAMAGE) + text[at + cut :]
    try:
        expected = _loads_strictly(damaged)
    except (ValueError, RecursionError):
        try:
            parse_json(damaged)
        except ParseProblem:
            return
        raise AssertionError(f"parse_json accepted {damaged!r}") from None
    assert parse_json(damaged)[0] == expected


@given(_VALUES | _FILES, _LAYOUTS)
def test_lookups_in_any_order_reuse_what_was_split(value: Any, layout: dict[str, Any]) -> None:
    text = json.dumps(value, **layout)
    lazy = JsonPositions(text)
    paths = _paths(value)
    first = [lazy.span(path) for path in paths]
    assert [lazy.span(path) for path in reversed(paths)] == first[::-1]


@given(st.text(alphabet="ab\n\r\té", max_size=300), st.data())
def test_line_index_counts_like_a_person_would(text: str, data: st.DataObject) -> None:
    index = LineIndex(text, block=7)  # small blocks, so lookups cross them
    for offset in data.draw(st.lists(st.integers(0, len(text)), max_size=20)):
        assert index.position(offset) == _by_hand(text, offset)


@given(st.text(alphabet="ab\n\r\té", max_size=300), st.data())
def test_a_span_ends_where_counting_by_hand_says(text: str, data: st.DataObject) -> None:
    """Short spans are measured from their start; any other from a block boundary. Both
    name the line and column of each end as counting from the top of the text does."""
    index = LineIndex(text, block=7)
    offsets = st.integers(-3, len(text) + 3)
    for start, end in data.draw(st.lists(st.tuples(offsets, offsets), max_size=20)):
        first, last = (max(0, min(offset, len(text))) for offset in (start, end))
        assert index.span(start, end) == (*_by_hand(text, first), *_by_hand(text, last))


def test_a_long_single_line_file_gives_exact_columns() -> None:
    text = json.dumps({"claims": [{"id": f"c{n}", "text": "x" * 50} for n in range(2000)]})
    lazy = JsonPositions(text)
    span = lazy.span(("claims", 1999, "text"))
    assert span is not None
    offset = text.index('"c1999"')
    assert span.line == 1
    assert span.column == offset + len('"c1999", "text": ') + 1
    assert span == Span(1, span.column, 1, span.column + 52)


def test_a_value_nested_deeper_than_the_c_scanner_reaches_is_still_found() -> None:
    """The C scanner recurses per level; past its reach the iterative scanner answers."""
    depth = sys.getrecursionlimit() + 100
    text = '{"claims": [{"id": "c1", "deep": ' + "[" * depth + "]" * depth + "}]}"
    span = JsonPositions(text).span(("claims", 0, "deep"))
    assert span is not None
    assert (span.line, span.column) == (1, text.index("[[") + 1)
    assert span.end_column == len(text) - 2


# Few key names, so objects often share a key with an object nested in them; some are
# written with escapes, so a search for a key's plain spelling may miss it.
_FEW_KEYS = st.sampled_from(["k", "kk", "a", "é"])
_SHARED_KEYS = st.recursive(
    st.integers(0, 9) | _FEW_KEYS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_FEW_KEYS, inner, max_size=3),
    max_leaves=20,
)


@given(
    st.dictionaries(_FEW_KEYS, st.lists(_SHARED_KEYS, max_size=3), max_size=3),
    _LAYOUTS,
    st.data(),
)
def test_a_member_found_by_searching_for_its_key_is_the_right_one(
    value: Any, layout: dict[str, Any], data: st.DataObject
) -> None:
    """Within a claim a key may also be a key of an object nested in the same claim, or be
    spelled with escapes; the position found is the member's own all the same."""
    text = json.dumps(value, **layout)
    spellings = re.split(r'("k")(?=[ \t\n\r]*:)', text)
    text = "".join(
        '"\\u006b"' if piece == '"k"' and data.draw(st.booleans()) else piece for piece in spellings
    )
    lazy = parse_json(text)[1]
    full = PositionMap(scan_positions(text)[0], lines=LineIndex(text))
    for path in _paths(value):
        assert lazy.span(path) == full.span(path), path
        if path and isinstance(path[-1], str):
            assert lazy.span(path, key=True) == full.span(path, key=True), path


@pytest.mark.parametrize(
    "text",
    [
        '{"c": [{"a": {"k": 1}, "k": 2}]}',  # a nested object has the key first
        '{"c": [{"a": [{"k": 1}], "k": {"k": 3}}]}',  # before and inside the member
        '{"c": [{"\\u006b": 1, "a": {"k": 2}}]}',  # the member's own key spelled otherwise
        '{"c": [{"a": {"k": 1}, "\\u006b": 2}]}',
        '{"c": [{"t": "\\"k\\": 1", "k": 2}]}',  # the key inside a string
        '{"c": [{"t": "\\\\", "k": 2}, {"k": 3}]}',  # a backslash, and the next claim's key
        '{"c": [{"a": {"\\u006b": 1}, "k": 2}]}',
        '{"c": [{"x\\"k": 1, "k": 2}]}',  # another key ending in the key's quoted text
        '{"c": [{"\\\\": 0, "\\": 1": 2}]}',  # a key that needs escapes
    ],
)
def test_a_key_an_object_shares_with_an_object_inside_it_is_told_apart(text: str) -> None:
    """The member found is the claim's own, however its key is spelled and wherever else
    the same key stands."""
    full = PositionMap(scan_positions(text)[0], lines=LineIndex(text))
    for path in _paths(json.loads(text)):
        # Fresh positions for each lookup: an object split for one lookup is not searched.
        assert parse_json(text)[1].span(path) == full.span(path), path
        if path and isinstance(path[-1], str):
            assert parse_json(text)[1].span(path, key=True) == full.span(path, key=True), path

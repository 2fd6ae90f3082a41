"""The JSON loader's fast path reads exactly what the standard library reads, or stands aside.

:func:`claimtrack.io.json_fast.fast_parse` hands orjson's data to the loader only when
orjson reads the text as ``json.loads`` does; the texts where the two differ (duplicate
keys, integers beyond 64 bits, anything orjson refuses) must go to the standard library's
parser, so the loader's data and findings do not depend on which parser ran. The text
prefilter of :mod:`claimtrack.io.values` must agree with the regular expression it stands for.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import claimtrack.io.json
from claimtrack.errors import LoadError
from claimtrack.io.json import parse_json
from claimtrack.io.json_fast import fast_parse
from claimtrack.io.load import load_bytes
from claimtrack.io.problem import ParseProblem
from claimtrack.io.values import _MAYBE, may_hold_surprise
from tests.property.test_json_positions import _loads_strictly

_KEYS = st.text(st.sampled_from(["a", "b", ":", '"', "\\", "é", "\u2028", "\x00"]), max_size=3)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**62, max_value=2**70)
    | st.integers(min_value=-(2**70), max_value=-(2**62))
    | st.floats(allow_nan=False, allow_infinity=False)
    | _KEYS
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=25,
)
# Edits that make a text differ between the parsers: a second key equal to the first (in
# plain text or through an escape), colons hidden behind escapes, long integers, constants.
_EDITS = st.sampled_from(
    [
        '"a":1,"a":2,',
        '"a":":",',
        '"\\u0061":1,"a":2,',
        '"a\\u003a":1,"a:":2,',
        '"\\u003a":":",',
        '"n":18446744073709551616,',
        '"n":-9223372036854775809,',
        '"n":1e400,',
        '"n":NaN,',
        '"s":"\\ud800",',
        "",
    ]
)


def _typed(value: Any) -> Any:
    """The value with every number tagged by its type, so 1 and 1.0 (and 0.0 and -0.0) differ."""
    if isinstance(value, dict):
        return {key: _typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_typed(item) for item in value]
    if isinstance(value, float):
        return ("float", repr(value))
    return (type(value).__name__, value)


class TestFastParse:
    @given(_VALUES, st.sampled_from([None, 2]), _EDITS, st.booleans())
    @example({"a": 1}, None, '"a":1,"a":2,', True)
    @example({"big": 2**64}, None, "", True)
    def test_the_fast_path_gives_the_standard_librarys_data_or_nothing(
        self, value: Any, indent: int | None, edit: str, ascii_only: bool
    ) -> None:
        """Whatever the text, the fast path's data is json.loads's, number types included,
        and it answers only for text a strict json.loads accepts."""
        text = json.dumps({"x": value}, indent=indent, ensure_ascii=ascii_only)
        text = "{" + edit + text[1:]
        fast = fast_parse(text)
        if fast is None:
            return
        assert _typed(fast[0]) == _typed(_loads_strictly(text))

    @given(
        st.integers(0, 10**18 - 1),
        st.integers(0, 18),
        st.integers(-340, 320),
        st.booleans(),
    )
    def test_a_number_of_up_to_18_digits_reads_as_the_standard_library_reads_it(
        self, digits: int, point: int, exponent: int, negative: bool
    ) -> None:
        """Any decimal number short enough for the fast path, with a fraction, an exponent
        or both, is the same int or float (rounded alike) from either parser."""
        mantissa = str(digits)
        if 0 < point < len(mantissa):
            mantissa = mantissa[:point] + "." + mantissa[point:]
        number = ("-" if negative else "") + mantissa + (f"e{exponent}" if exponent else "")
        text = '{"n": ' + number + "}"
        fast = fast_parse(text)
        try:
            expected = _typed(_loads_strictly(text))
        except ValueError:
            assert fast is None
            return
        if fast is not None:
            assert _typed(fast[0]) == expected
        assert _outcome(text.encode()) == expected or "inf" in repr(expected)

    @pytest.mark.parametrize(
        "text",
        [
            '{"a": 1, "a": 2}',
            '{"claims": [{"id": "x", "id": "y"}]}',
            '{"a\\u003a": 1, "a:": 2}',
            '{"n": 18446744073709551616}',
            '{"n": -9223372036854775809}',
            '{"n": 1e400}',
            '{"n": NaN}',
            '{"s": "\\ud800"}',
            '{"a": 1,}',
            "",
            '{"deep": ' + "[" * 300 + "]" * 300 + "}",
        ],
    )
    def test_texts_the_parsers_read_differently_go_to_the_standard_library(self, text: str) -> None:
        """Duplicates, integers beyond 64 bits and anything orjson refuses are left to the
        standard library's parser, which keeps or refuses them as it always did."""
        assert fast_parse(text) is None

    def test_an_ordinary_claim_file_takes_the_fast_path(self) -> None:
        """A file with colons in its strings (URLs, times) and escaped quotes is read fast."""
        text = json.dumps(
            {
                "document": {"id": "d", "url": "https://example.org/a:b", "title": 'a "b"'},
                "claims": [{"id": "c1", "text": "At 10:30, 2,000 left.", "n": -0.0}],
            },
            indent=2,
        )
        fast = fast_parse(text)
        assert fast is not None
        assert _typed(fast[0]) == _typed(json.loads(text))

    def test_a_duplicate_key_is_still_refused_where_it_stands(self) -> None:
        """The duplicate orjson would drop silently is an E103 at the second key."""
        with pytest.raises(ParseProblem) as caught:
            parse_json('{"claims": [],\n "claims": []}')
        assert caught.value.rule.code == "E103"
        assert (caught.value.span.line, caught.value.span.column) == (2, 2)

    def test_an_integer_beyond_64_bits_stays_exact(self) -> None:
        """An integer orjson would turn into a float is read exactly."""
        data, _positions = parse_json('{"n": 18446744073709551617}')
        assert data == {"n": 18446744073709551617}
        assert isinstance(data["n"], int)


# Texts made of the pieces the surprise pattern looks for, so its every branch is tried.
_PIECES = st.sampled_from(
    [
        *["0", "1", "9", "e", "E", "+", "-", ".", "a", "Z", "_", "é", " ", "x", "\\", "u", "U"],
        *[
            "d",
            "D8",
            "0000",
            "0x",
            "e400",
            "E-308",
            "1.5",
            "a1.5",
            "_1",
            ".e123",
            "\\ud8",
            "\\U0000D9",
        ],
    ]
)


class TestSurprisePrefilter:
    @given(st.lists(_PIECES, max_size=40).map("".join))
    @example("1" * 309)
    @example("x" + "1" * 309)
    @example("0x" + "f" * 300)
    @example("a1.5e400")
    @example("a15e400")
    @example("_.5e+400")
    @example("é5E-400")
    def test_the_prefilter_matches_where_the_pattern_does(self, text: str) -> None:
        """The substring searches find a possible surprise exactly where the regular
        expression does, so no file skips the scan that the pattern would have sent to it."""
        assert may_hold_surprise(text) == (_MAYBE.search(text) is not None)


def _outcome(data: bytes) -> Any:
    """What loading ``data`` gives: its data with number types, or its findings."""
    try:
        document = load_bytes(data, "claims.json")
    except LoadError as error:
        return [(f.code, f.message, f.location, f.hint) for f in error.findings]
    return _typed(document.data)


_GOOD = json.dumps({"version": 1, "claims": [{"id": "c1", "text": "Claim 1", "n": 0}]}, indent=2)
_HOSTILE = {
    "byte-order mark": b"\xef\xbb\xbf" + _GOOD.encode(),
    "UTF-16 mark": b"\xff\xfe" + _GOOD.encode(),
    "invalid UTF-8": _GOOD.encode().replace(b"Claim", b"Cl\xffaim"),
    "raw NUL": _GOOD.encode().replace(b"Claim", b"Cl\x00aim"),
    "escaped NUL": _GOOD.replace("Claim", "Cl\\u0000aim").encode(),
    "nesting 300 deep": ('{"claims": ' + "[" * 300 + "]" * 300 + "}").encode(),
    "nesting 5,000 deep": ('{"claims": ' + "[" * 5000 + "]" * 5000 + "}").encode(),
    "duplicate key": _GOOD.replace('"id": "c1",', '"id": "c1", "id": "c2",').encode(),
    "escaped duplicate": _GOOD.replace('"id": "c1",', '"id": "c1", "\\u0069d": "c2",').encode(),
    "integer past 64 bits": _GOOD.replace('"n": 0', '"n": 18446744073709551616').encode(),
    "integer of 5,000 digits": _GOOD.replace('"n": 0', '"n": ' + "9" * 5000).encode(),
    "overflowing float": _GOOD.replace('"n": 0', '"n": 1e400').encode(),
    "NaN": _GOOD.replace('"n": 0', '"n": NaN').encode(),
    "minus zero": _GOOD.replace('"n": 0', '"n": -0').encode(),
    "minus zero float": _GOOD.replace('"n": 0', '"n": -0.0').encode(),
    "lone surrogate": _GOOD.replace("Claim", "\\ud800Claim").encode(),
    "trailing comma": _GOOD.replace('"n": 0', '"n": 0,').encode(),
    "empty": b"",
    "a list": b"[1, 2]",
    "text after the object": (_GOOD + "x").encode(),
    "carriage returns": _GOOD.replace("\n", "\r").encode(),
}


class TestSameFindings:
    @pytest.mark.parametrize("data", list(_HOSTILE.values()), ids=list(_HOSTILE))
    def test_a_hostile_file_loads_as_it_did_without_the_fast_path(
        self, data: bytes, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Every hostile file gives the same data or the same findings, byte for byte, with
        the fast path as with the standard library's parser alone."""
        fast = _outcome(data)
        monkeypatch.setattr(claimtrack.io.json, "fast_parse", lambda _text: None)
        assert fast == _outcome(data)

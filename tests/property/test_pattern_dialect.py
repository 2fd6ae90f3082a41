"""One pattern dialect: every pattern of the published schemas gives the same verdict in
claimtrack, in python-jsonschema (Python's re) and in jsonschema-rs (an ECMA-262 engine), so
the answer does not depend on which tool a user validates with."""

from __future__ import annotations

from functools import cache
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from claimtrack.patterns import ecma_search
from claimtrack.schema import CHECK_OUTPUT_SCHEMA, CLAIM_FILE_SCHEMA, load_schema


def _patterns(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_patterns(value) for value in node))
    return set()


PATTERNS = sorted(
    _patterns(load_schema(CLAIM_FILE_SCHEMA)) | _patterns(load_schema(CHECK_OUTPUT_SCHEMA))
)
# Characters the engines are known to class differently (white space, line ends, controls),
# and a few ordinary ones.
_TRICKY = (
    "\t\n\v\f\r \x1c\x1d\x1e\x1f\x85\xa0\u1680\u180e\u2000\u200a\u200b\u2028\u2029\u202f"
    "\u205f\u3000\ufeff"
)
_PLAIN = "aZ09-._/:?#@%é"


@cache
def _validators(pattern: str) -> tuple[Any, Any]:
    schema = {"type": "string", "pattern": pattern}
    return Draft202012Validator(schema), jsonschema_rs.validator_for(schema)


def _verdicts(pattern: str, text: str) -> tuple[bool, bool, bool]:
    python, rust = _validators(pattern)
    return ecma_search(pattern, text), python.is_valid(text), rust.is_valid(text)


@st.composite
def _near_misses(draw: st.DrawFn, pattern: str) -> str:
    """A string the pattern accepts, with tricky characters put in, or swapped for some."""
    base = draw(st.from_regex(pattern, fullmatch=False).filter(lambda s: len(s) < 200))
    extra = draw(st.text(st.sampled_from(_TRICKY + _PLAIN), max_size=3))
    where = draw(st.integers(0, len(base)))
    return base[:where] + extra + base[where:]


@pytest.mark.parametrize("pattern", PATTERNS)
@given(data=st.data())
def test_same_verdict_everywhere(pattern: str, data: st.DataObject) -> None:
    """Strings near the pattern's language get one verdict from all three validators."""
    text = data.draw(
        st.one_of(_near_misses(pattern), st.text(st.sampled_from(_TRICKY + _PLAIN), max_size=12))
    )
    verdicts = _verdicts(pattern, text)
    assert len(set(verdicts)) == 1, (pattern, text, verdicts)


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://example.org/a", True),
        ("https://example.org/\ufeffa", False),
        ("https://example.org/\x85a", False),
        ("https://example.org/\x1fa", False),
        ("https://example.org/a\n", False),
    ],
)
def test_urls_from_the_report(url: str, valid: bool) -> None:
    """The URLs that once split the validators (U+FEFF, U+0085, U+001F, a final newline)
    get the same verdict from every one of them: refused, as neither is part of a URL."""
    pattern = load_schema()["$defs"]["HttpUrl"]["pattern"]
    assert _verdicts(pattern, url) == (valid, valid, valid)

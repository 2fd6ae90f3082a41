"""The fast block YAML reader and the reference loader (libyaml's events) agree.

Whatever the fast reader accepts, it must read to the same data (types and key order
included) and the same position tree as the reference; whatever the reference refuses, the
fast reader must hand back (``None``) so that the reference words the finding.
"""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from claimtrack.io.problem import ParseProblem
from claimtrack.io.values import HugeInteger
from claimtrack.io.yaml import YamlLimits, dump_yaml, parse_yaml
from claimtrack.io.yaml_block import parse_block_yaml


def typed(value: Any) -> Any:
    """``value`` with every scalar's type beside it and every mapping's key order kept, so
    that ``True`` and ``1``, or ``1`` and ``1.0``, never compare equal."""
    if isinstance(value, dict):
        return ("map", [(key, typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("seq", [typed(item) for item in value])
    if isinstance(value, HugeInteger):
        return ("huge", value.digits)
    return (type(value).__name__, value)


def reference(text: str, limits: YamlLimits | None = None) -> tuple[Any, Any] | None:
    """The reference loader's data (typed) and positions, or None when it refuses."""
    try:
        data, root = parse_yaml(text, limits)
    except ParseProblem:
        return None
    return typed(data), root


def assert_agree(text: str, limits: YamlLimits | None = None) -> bool:
    """Assert the fast reader gives up or agrees with the reference; True if it read."""
    fast = parse_block_yaml(text, limits)
    if fast is None:
        return False
    expected = reference(text, limits)
    assert expected is not None, f"the fast reader accepted what libyaml refuses: {text!r}"
    assert typed(fast[0]) == expected[0], text
    assert fast[1] == expected[1], text
    return True


_PLAIN_KEYS = st.sampled_from(
    ["id", "text", "kind", "a", "b_c", "x-y", "v1.2", "claims", "true", "null", "No", "é"]
)
_KEYS = _PLAIN_KEYS | st.text(max_size=5)
_CHARS = st.sampled_from([*"ab AZ09:#'\"-[]{},&*!|>%@`?~.\\\t\n", "é", "😀", "\u2028"])
_TEXT = st.text(_CHARS, max_size=30) | st.sampled_from(
    ["yes", "no", "2024-12-08", "0x1F", "0o17", "1e3", ".5", "+1", "007", "True", "~", ""]
)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | _TEXT
)
_VALUES = st.recursive(
    _SCALARS | st.just([]) | st.just({}),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=30,
)
_DOCUMENTS = st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=6)


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """A document dumped in one of the layouts people and tools write, sometimes with
    comments and blank lines put between its lines."""
    data = draw(_DOCUMENTS)
    style = draw(st.sampled_from(["ours", "block", "mixed"]))
    if style == "ours":
        text = dump_yaml(data)
    else:
        text = yaml.safe_dump(
            data,
            sort_keys=False,
            allow_unicode=draw(st.booleans()),
            default_flow_style=False if style == "block" else None,
            width=draw(st.sampled_from([20, 80, 1000])),
            indent=draw(st.sampled_from([2, 4])),
        )
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(lines)))
        extra = draw(st.sampled_from(["", "# a comment", "   # indented", "  ", "#"]))
        lines.insert(at, extra)
    return "\n".join(lines)


@given(yaml_texts())
def test_what_the_fast_reader_reads_the_reference_reads_alike(text: str) -> None:
    """Generated documents read to equal data and equal positions, or go to the reference."""
    assert_agree(text)


_WORDS = st.from_regex(r"[a-z][a-z ,.]{0,150}[a-z]", fullmatch=True)
_PLAIN_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | _WORDS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_PLAIN_KEYS, inner, max_size=3),
    max_leaves=20,
)


@given(st.dictionaries(_PLAIN_KEYS, _PLAIN_VALUES, min_size=1, max_size=5))
def test_plain_block_documents_are_read_by_the_fast_reader(data: dict[str, Any]) -> None:
    """Our own dumper's output of plain keys, words, numbers, booleans and null (long text
    folded over several lines) is read by the fast reader, never handed back."""
    # Keys that read as booleans or null are refused (by the reference), and a list item
    # that is itself a list ("- - x") is the reference's to read.
    assume(not any(key in ("true", "null", "No") for key in _keys(data)))
    assume(not _list_in_list(data))
    text = dump_yaml(data)
    assert assert_agree(text), text


def _keys(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [*value, *(key for item in value.values() for key in _keys(item))]
    if isinstance(value, list):
        return [key for item in value for key in _keys(item)]
    return []


def _list_in_list(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_list_in_list(item) for item in value.values())
    if isinstance(value, list):
        return any((isinstance(item, list) and item) or _list_in_list(item) for item in value)
    return False


_DAMAGE = st.sampled_from(
    [*":-#'\" \n[]{},&*!|>%?\\\t\r", "  ", "- ", ": ", "\n  ", "\n- ", "'", "''", "a: 1\n", ""]
)


@given(yaml_texts(), st.data())
def test_damaged_documents_are_refused_or_read_alike(text: str, data: st.DataObject) -> None:
    """Damage a document anywhere: the fast reader must give it up exactly when it cannot
    read it as libyaml does, and never accept what libyaml refuses."""
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 3))
    damaged = text[:at] + data.draw(_DAMAGE) + text[at + cut :]
    assert_agree(damaged)


@given(st.integers(1, 8), st.integers(1, 10), st.booleans())
def test_the_depth_limit_is_the_reference_loaders(limit: int, depth: int, flow: bool) -> None:
    """Nesting up to the configured depth reads alike; at the limit the reference decides."""
    text = "".join(f"{'  ' * level}k{level}:\n" for level in range(depth))
    text += "  " * depth + ("k: []\n" if flow else "k: 1\n")
    limits = YamlLimits(max_depth=limit)
    read = assert_agree(text, limits)
    assert read == (depth + (1 if flow else 0) < limit)

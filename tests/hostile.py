"""Hypothesis strategies for hostile claim files: hand-shaped YAML and JSON attacks, and
mutations (byte flips, truncations, line swaps, numeric extremes) of the real claim files in
the repository and the test fixtures."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
#: Every claim file the repository holds: the article's own and the fixtures.
SEEDS: tuple[bytes, ...] = tuple(
    path.read_bytes()
    for folder in (ROOT / "claims", ROOT / "tests" / "fixtures" / "claims")
    for path in sorted(folder.rglob("*"))
    if path.suffix in (".yaml", ".yml", ".json") and path.is_file()
)

# Values a parser accepts and a consumer may not: numeric extremes, odd escapes, controls.
EXTREMES = [
    "9" * 5000,
    "-" + "9" * 4301,
    "1e400",
    "-1e400",
    "1e-400",
    "0x" + "f" * 4000,
    "0o777",
    ".nan",
    ".inf",
    "NaN",
    "Infinity",
    '"\\ud800"',
    '"\\udfff\\ud800"',
    '"\\U0010ffff"',
    '"\\x00"',
    '"\\u202e"',
    "~",
    "null",
    "!!binary aGVsbG8=",
    "!!python/object:os.system x",
    "&a [*a]",
    "*undefined",
    "? complex",
    "<<: {a: 1}",
    "'\x1bc\x1b[32mNo problems found'",
    '"::add-mask::secret\\n::error::x"',
    '"```\\n# heading"',
]
SEPARATORS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029", "\t", "\x0c", "\x00", "\ufeff"]


@st.composite
def mutated_seed(draw: st.DrawFn) -> bytes:
    """A real claim file with a few mutations applied."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "swap", "extreme", "separator", "dup"]))
        if not data:
            break
        if kind == "flip":
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[draw(st.integers(0, len(data) - 1)) :]
        elif kind in ("swap", "dup"):
            lines = bytes(data).split(b"\n")
            first = draw(st.integers(0, len(lines) - 1))
            second = draw(st.integers(0, len(lines) - 1))
            if kind == "swap":
                lines[first], lines[second] = lines[second], lines[first]
            else:
                lines.insert(second, lines[first])
            data = bytearray(b"\n".join(lines))
        elif kind == "extreme":
            # Replace one number or scalar after a ': ' with an extreme value.
            text = bytes(data)
            colons = [match.start() for match in re.finditer(b": ", text)]
            if colons:
                at = draw(st.sampled_from(colons)) + 2
                end = text.find(b"\n", at)
                end = len(text) if end == -1 else end
                value = draw(st.sampled_from(EXTREMES)).encode("utf-8", "surrogatepass")
                data = bytearray(text[:at] + value + text[end:])
        else:
            at = draw(st.integers(0, len(data)))
            separator = draw(st.sampled_from(SEPARATORS)).encode("utf-8")
            data[at:at] = separator
    return bytes(data)


_KEYS = st.sampled_from(
    [
        *("version", "document", "claims", "sources", "id", "text", "anchor", "exact"),
        *("snapshot", "path", "sha256", "quantities", "value", "suppress", "rule", "reason"),
        "citations",
    ]
)
_SCALARS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.booleans(),
    st.none(),
)
_JSON_VALUES = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(_KEYS | st.text(max_size=5), inner, max_size=5)
    ),
    max_leaves=25,
)


@st.composite
def hostile_json(draw: st.DrawFn) -> bytes:
    """JSON text from generated values, with raw extremes, duplicate keys or broken
    syntax spliced in."""
    value = draw(st.dictionaries(_KEYS, _JSON_VALUES, max_size=6))
    indent = draw(st.sampled_from([None, 2, "\t"]))
    text = json.dumps(value, indent=indent, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):
        text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r"])))
    for _ in range(draw(st.integers(0, 3))):
        splice = draw(
            st.sampled_from(
                [f'"x": {e}' for e in EXTREMES]
                + [
                    '"version": 1, "version": 2',
                    '"a": {"b": 1, "b": 2}',
                    "]",
                    "}",
                    ",,",
                    '"\\ud800": 1',
                ]
            )
        )
        at = text.find("{") + 1 if "{" in text else 0
        text = text[:at] + splice + ("," if text[at : at + 1] not in ("}", "") else "") + text[at:]
    return text.encode("utf-8", "surrogatepass")


@st.composite
def hostile_yaml(draw: st.DrawFn) -> bytes:
    """YAML text built line by line from keys, extreme values and odd separators."""
    lines = []
    for _ in range(draw(st.integers(1, 12))):
        depth = draw(st.integers(0, 4))
        key = draw(_KEYS)
        value = draw(st.sampled_from(EXTREMES) | _SCALARS.map(str))
        lines.append("  " * depth + f"{key}: {value}")
    separator = draw(st.sampled_from(SEPARATORS[:6]))
    text = separator.join(lines)
    if draw(st.booleans()):
        text = "version: 1" + separator + text
    return text.encode("utf-8", "surrogatepass")


#: Every kind of hostile document, for the fuzz suite.
hostile_documents = st.one_of(mutated_seed(), hostile_json(), hostile_yaml())

"""YAML to plain data with positions, from the parser's event stream.

Building the data ourselves from events (rather than letting a loader construct it) is what
lets us keep every value's position, refuse duplicate keys instead of overwriting, bound
nesting depth and alias expansion without recursion, and resolve plain scalars the way JSON
and YAML 1.2 agree on: ``2024-12-08`` stays a string, ``yes`` is not a boolean, ``.nan`` is
refused. Only the parser is YAML's; no tag ever constructs an object.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

import attrs
import yaml

from claimtrack import rules
from claimtrack.findings import Span, pointer
from claimtrack.io.positions import LineIndex, Node, RawSpan
from claimtrack.io.problem import ParseProblem
from claimtrack.io.values import HugeInteger, huge_integer
from claimtrack.io.yaml_errors import syntax_problem

__all__ = ["MAYBE_NOT_STRING", "YamlLimits", "dump_yaml", "parse_yaml", "resolve_plain"]

_Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_NOT_FINITE = re.compile(r"^(?:[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$")

_TAG = "tag:yaml.org,2002:"
# First characters of the plain scalars that may resolve to something other than a string.
MAYBE_NOT_STRING = _MAYBE_NOT_STRING = frozenset("~nNtTfF0123456789+-.")


@attrs.frozen
class YamlLimits:
    """Bounds on nesting depth and on the values added through aliases."""

    max_depth: int = 64
    max_alias_nodes: int = 100_000


class _Frame:
    """An open mapping or sequence while its events arrive."""

    __slots__ = ("anchor", "children", "key", "key_span", "nodes", "start", "value")

    def __init__(self, value: dict[str, Any] | list[Any], start: Any, anchor: str | None):
        self.value = value
        self.children: dict[str, tuple[RawSpan, Node]] | list[Node] = (
            {} if isinstance(value, dict) else []
        )
        self.start = start
        self.anchor = anchor
        self.key: str | None = None
        self.key_span: RawSpan | None = None
        self.nodes = 1


def _raw(start: Any, end: Any) -> RawSpan:
    return (start.line + 1, start.column + 1, end.line + 1, end.column + 1)


# YAML 1.1, as the parser reads it, also ends lines at NEL, U+2028 and U+2029; editors and
# YAML 1.2 do not. In a text holding one, positions are counted from the marks' character
# offsets instead, on line feeds and carriage returns alone.
_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")


def _raw_counter(text: str) -> Callable[[Any, Any], RawSpan]:
    if not _OTHER_BREAKS.search(text):
        return _raw
    lines = LineIndex(text)
    return lambda start, end: lines.span(start.index, end.index)


def _span(raw: RawSpan) -> Span:
    return Span(*raw)


def _path(stack: list[_Frame]) -> list[str | int]:
    steps: list[str | int] = []
    for frame in stack:
        if isinstance(frame.value, dict):
            if frame.key is not None:
                steps.append(frame.key)
        else:
            steps.append(len(frame.value))
    return steps


def _scalar(event: Any, where: RawSpan, stack: list[_Frame]) -> Any:
    """The value of a scalar event under the JSON-compatible resolution rules."""
    value: str = event.value
    tag = event.tag
    plain = not event.style and event.implicit[0]  # the C parser gives '' for plain
    if tag in (None, "!") and not plain:
        return value
    if tag in (None, "!"):
        tag = _resolve_plain(value, where, stack)
    if tag == _TAG + "str":
        return value
    if tag == _TAG + "null" and _NULL.match(value):
        return None
    if tag == _TAG + "bool" and (_TRUE.match(value) or _FALSE.match(value)):
        return bool(_TRUE.match(value))
    if tag == _TAG + "int":
        number = _integer(value)
        if number is not None:
            return number
    if tag == _TAG + "float" and _FLOAT.match(value):
        return float(value)
    if tag in (_TAG + "null", _TAG + "bool", _TAG + "int", _TAG + "float"):
        raise ParseProblem(
            rules.UNSUPPORTED_VALUE,
            f"{value!r} is not a valid {tag.removeprefix(_TAG)}",
            _span(where),
            pointer=pointer(_path(stack)),
        )
    raise ParseProblem(
        rules.UNSUPPORTED_VALUE,
        f"the YAML tag {tag!r} is not supported",
        _span(where),
        hint="Remove the tag; claim files hold plain strings, numbers, booleans and null.",
        pointer=pointer(_path(stack)),
    )


def _resolve_plain(value: str, where: RawSpan, stack: list[_Frame]) -> str:
    if value and value[0] not in _MAYBE_NOT_STRING:
        return _TAG + "str"  # the common case: text that starts with a letter
    if _NULL.match(value):
        return _TAG + "null"
    if _TRUE.match(value) or _FALSE.match(value):
        return _TAG + "bool"
    if _INT.match(value) or _INT_OCT.match(value) or _INT_HEX.match(value):
        return _TAG + "int"
    if _FLOAT.match(value):
        return _TAG + "float"
    if _NOT_FINITE.match(value):
        raise ParseProblem(
            rules.UNSUPPORTED_VALUE,
            f"{value!r} is not a finite number and JSON cannot hold it",
            _span(where),
            hint="Write a finite number, or quote the value to make it a string.",
            pointer=pointer(_path(stack)),
        )
    return _TAG + "str"


# The plain scalars that spell null or a boolean (what _NULL, _TRUE and _FALSE match).
_WORDS: dict[str, bool | None] = {
    **dict.fromkeys(["~", "null", "Null", "NULL", ""]),
    **dict.fromkeys(["true", "True", "TRUE"], True),
    **dict.fromkeys(["false", "False", "FALSE"], False),
}


def _integer(value: str) -> int | HugeInteger | None:
    """The integer a YAML 1.2 core-schema integer spelling (decimal, 0o, 0x) stands for."""
    if _INT.match(value):
        return huge_integer(value)
    if _INT_OCT.match(value):
        return int(value[2:], 8)
    if _INT_HEX.match(value):
        return int(value[2:], 16)
    return None


def resolve_plain(value: str) -> Any:
    """The value of a plain (unquoted, untagged) scalar under the same rules: ``None``,
    a boolean, an integer, a float or the text itself; :class:`ValueError` for ``.inf``
    and ``.nan``, which JSON cannot hold."""
    if value and value[0] not in _MAYBE_NOT_STRING:
        return value
    if value in _WORDS:
        return _WORDS[value]
    if value[0] in "nNtTfF":
        return value  # a word, not one of the spellings of null and the booleans
    number = _integer(value)
    if number is not None:
        return number
    if _FLOAT.match(value):
        return float(value)
    if _NOT_FINITE.match(value):
        raise ValueError(f"{value!r} is not a finite number")
    return value


def parse_yaml(text: str, limits: YamlLimits | None = None) -> tuple[Any, Node]:
    """Parse one YAML document into plain data and its position tree.

    Raises :class:`ParseProblem` for anything that is not a single, well-formed document
    of plain values within the limits.
    """
    limits = limits or YamlLimits()
    anchors: dict[str, tuple[Any, Node, int]] = {}
    stack: list[_Frame] = []
    expanded = 0
    result: tuple[Any, Node] | None = None
    documents = 0
    try:
        event: Any
        raw = _raw_counter(text)
        for event in yaml.parse(text, Loader=_Parser):
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.AliasEvent:
                where = raw(event.start_mark, event.end_mark)
                frame = stack[-1] if stack else None
                if frame is not None and isinstance(frame.value, dict) and frame.key is None:
                    frame.key, frame.key_span = _mapping_key(event, frame, where, stack)
                    continue
                if kind is yaml.AliasEvent:
                    if event.anchor not in anchors:
                        raise ParseProblem(
                            rules.SYNTAX_ERROR,
                            f"alias *{event.anchor} refers to no anchor defined before it"
                            " (or to the node that contains it)",
                            _span(where),
                            hint="Define the anchor (&name) before the alias, and not around it.",
                        )
                    value, node, weight = anchors[event.anchor]
                    expanded += weight
                    if expanded > limits.max_alias_nodes:
                        raise ParseProblem(
                            rules.INPUT_LIMIT,
                            f"aliases expand to more than {limits.max_alias_nodes} values",
                            _span(where),
                            pointer=pointer(_path(stack)),
                        )
                    weight_added = weight
                else:
                    value = _scalar(event, where, stack)
                    node = (where, None)
                    weight_added = 1
                    if event.anchor is not None:
                        anchors[event.anchor] = (value, node, 1)
                if frame is None:
                    result = (value, node)
                else:
                    _add(frame, value, node, weight_added)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if stack and isinstance(stack[-1].value, dict) and stack[-1].key is None:
                    where = raw(event.start_mark, event.end_mark)
                    raise ParseProblem(
                        rules.UNSUPPORTED_VALUE,
                        "a mapping key must be a plain string, not a mapping or a list",
                        _span(where),
                        pointer=pointer(_path(stack)),
                    )
                if event.tag not in (None, "!", _TAG + "map", _TAG + "seq"):
                    where = raw(event.start_mark, event.end_mark)
                    raise ParseProblem(
                        rules.UNSUPPORTED_VALUE,
                        f"the YAML tag {event.tag!r} is not supported",
                        _span(where),
                        pointer=pointer(_path(stack)),
                    )
                if len(stack) >= limits.max_depth:
                    where = raw(event.start_mark, event.end_mark)
                    raise ParseProblem(
                        rules.INPUT_LIMIT,
                        f"nesting is deeper than {limits.max_depth} levels",
                        _span(where),
                        pointer=pointer(_path(stack)),
                    )
                container: dict[str, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
                stack.append(_Frame(container, event.start_mark, event.anchor))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                done = stack.pop()
                node = (raw(done.start, event.end_mark), done.children)
                if done.anchor is not None:
                    anchors[done.anchor] = (done.value, node, done.nodes)
                if stack:
                    _add(stack[-1], done.value, node, done.nodes)
                else:
                    result = (done.value, node)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise ParseProblem(
                        rules.SYNTAX_ERROR,
                        "the file holds more than one YAML document",
                        Span(event.start_mark.line + 1, event.start_mark.column + 1),
                        hint="Keep one document per claim file: split it at the '---' line.",
                    )
    except yaml.YAMLError as error:
        counter = _raw_counter(text)
        raise syntax_problem(
            error, text, limits.max_depth, lambda mark: _span(counter(mark, mark))
        ) from None
    if result is None:
        raise ParseProblem(rules.NOT_A_CLAIM_FILE, "the file is empty", Span(1, 1))
    return result


def _mapping_key(
    event: Any, frame: _Frame, where: RawSpan, stack: list[_Frame]
) -> tuple[str, RawSpan]:
    if type(event) is yaml.AliasEvent:
        raise ParseProblem(
            rules.UNSUPPORTED_VALUE,
            "an alias cannot be used as a mapping key",
            _span(where),
            pointer=pointer(_path(stack)),
        )
    key = _scalar(event, where, stack)
    if not isinstance(key, str):
        raise ParseProblem(
            rules.UNSUPPORTED_VALUE,
            f"mapping key {event.value!r} is not a string",
            _span(where),
            hint=f'Quote the key ("{event.value}") or rename it.',
            pointer=pointer(_path(stack)),
        )
    if key == "<<" and not event.style:
        raise ParseProblem(
            rules.UNSUPPORTED_VALUE,
            "YAML merge keys ('<<') are not supported",
            _span(where),
            hint="Write the merged fields out in full.",
            pointer=pointer(_path(stack)),
        )
    children = frame.children
    if isinstance(children, dict) and key in children:
        first = children[key][0]
        raise ParseProblem(
            rules.DUPLICATE_KEY,
            f"key {key!r} appears twice in the same mapping (first at line {first[0]},"
            f" column {first[1]})",
            _span(where),
            pointer=pointer([*_path(stack), key]),
        )
    return key, where


def _add(frame: _Frame, value: Any, node: Node, weight: int) -> None:
    frame.nodes += weight
    children = frame.children
    if isinstance(children, dict):
        key, key_span = frame.key, frame.key_span
        if key is None or key_span is None:  # pragma: no cover - events alternate key, value
            raise ParseProblem(rules.SYNTAX_ERROR, "a mapping value arrived without its key")
        cast(dict[str, Any], frame.value)[key] = value
        children[key] = (key_span, node)
        frame.key = None
        frame.key_span = None
    else:
        cast(list[Any], frame.value).append(value)
        children.append(node)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """PyYAML's safe dumper, taught our resolution rules so that every string it leaves
    unquoted reads back as a string (PyYAML follows YAML 1.1, where ``1e3`` and ``0o17``
    are strings; for us they are numbers)."""


_Dumper.add_implicit_resolver(_TAG + "int", _INT_OCT, list("0"))
_Dumper.add_implicit_resolver(_TAG + "float", _FLOAT, list("-+.0123456789"))


def dump_yaml(data: Any) -> str:
    """Block-style YAML of plain data, keys in the order given, Unicode kept as is."""
    text: str = yaml.dump(
        data,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text

"""JSON to plain data, with positions computed only when a finding needs one.

The standard library's C parser does the parsing (fast, exact); it keeps no positions, so a
small iterative scanner builds the position tree lazily, the first time a location is asked
for. Most files have no findings and never pay for it.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from typing import Any

from claimtrack import rules
from claimtrack.findings import Span, pointer
from claimtrack.io.positions import Node, PositionMap, RawSpan
from claimtrack.io.problem import ParseProblem

__all__ = ["parse_json", "scan_positions"]

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null")


class _DuplicateKeyError(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _DuplicateKeyError
    return result


def _constant(name: str) -> Any:
    raise ValueError(name)


def parse_json(text: str) -> tuple[Any, PositionMap]:
    """Parse JSON text; raise :class:`ParseProblem` for anything but plain, unique-keyed JSON."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except json.JSONDecodeError as error:
        if not text.strip():
            raise ParseProblem(rules.NOT_A_CLAIM_FILE, "the file is empty", Span(1, 1)) from None
        raise ParseProblem(
            rules.SYNTAX_ERROR,
            f"invalid JSON: {error.msg}",
            Span(error.lineno, error.colno),
        ) from None
    except _DuplicateKeyError:
        raise _duplicate_problem(text) from None
    except ValueError as error:
        name = str(error)
        offset = _find_constant(text, name)
        raise ParseProblem(
            rules.UNSUPPORTED_VALUE,
            f"{name} is not a valid JSON number",
            _offset_span(text, offset),
            hint="Write a finite number, or quote the value to make it a string.",
        ) from None
    except RecursionError:
        raise ParseProblem(rules.INPUT_LIMIT, "nesting is too deep to read", Span(1, 1)) from None
    return data, PositionMap(build=lambda: scan_positions(text)[0])


def _find_constant(text: str, name: str) -> int:
    # The constant is outside any string, so the first bare occurrence after a ':' , '[' or ','.
    match = re.search(r"[:\[,]\s*(" + re.escape(name) + r")\b", text)
    return match.start(1) if match else 0


def _offset_span(text: str, offset: int) -> Span:
    line = text.count("\n", 0, offset) + 1
    return Span(line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _duplicate_problem(text: str) -> ParseProblem:
    _root, duplicate = scan_positions(text)
    if duplicate is None:  # pragma: no cover - the parser and the scanner agree on keys
        return ParseProblem(rules.DUPLICATE_KEY, "a key appears twice in one object", Span(1, 1))
    key, where, first, path = duplicate
    return ParseProblem(
        rules.DUPLICATE_KEY,
        f"key {key!r} appears twice in the same object (first at line {first[0]},"
        f" column {first[1]})",
        Span(*where),
        pointer=pointer([*path, key]),
    )


class _Frame:
    __slots__ = ("children", "is_object", "key", "key_span", "start")

    def __init__(self, is_object: bool, start: int) -> None:
        self.is_object = is_object
        self.start = start
        self.children: dict[str, tuple[RawSpan, Node]] | list[Node] = {} if is_object else []
        self.key: str | None = None
        self.key_span: RawSpan | None = None


_Duplicate = tuple[str, RawSpan, RawSpan, list[str | int]]


def scan_positions(text: str) -> tuple[Node, _Duplicate | None]:
    """The position tree of well-formed JSON text, and its first duplicate key if any.

    Iterative, so nesting depth costs no recursion.
    """
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def raw(start: int, end: int) -> RawSpan:
        line = bisect_right(line_starts, start)
        end_line = bisect_right(line_starts, end)
        return (
            line,
            start - line_starts[line - 1] + 1,
            end_line,
            end - line_starts[end_line - 1] + 1,
        )

    stack: list[_Frame] = []
    root: Node | None = None
    duplicate: _Duplicate | None = None
    position = 0
    length = len(text)

    def attach(node: Node) -> None:
        nonlocal root
        if not stack:
            root = node
            return
        frame = stack[-1]
        if isinstance(frame.children, dict):
            if frame.key is not None and frame.key_span is not None:
                frame.children[frame.key] = (frame.key_span, node)
            frame.key = None
        else:
            frame.children.append(node)

    while True:
        position = _WHITESPACE.match(text, position).end()  # type: ignore[union-attr]
        if position >= length:
            break
        char = text[position]
        if char in "{[":
            stack.append(_Frame(char == "{", position))
            position += 1
        elif char in "}]":
            frame = stack.pop()
            position += 1
            attach((raw(frame.start, position), frame.children))
        elif char in ",:":
            position += 1
        elif char == '"':
            match = _STRING.match(text, position)
            end = match.end() if match else length
            frame_or_none = stack[-1] if stack else None
            if (
                frame_or_none is not None
                and isinstance(frame_or_none.children, dict)
                and frame_or_none.key is None
            ):
                key = json.loads(text[position:end])
                where = raw(position, end)
                if key in frame_or_none.children and duplicate is None:
                    path = _stack_path(stack[:-1])
                    duplicate = (key, where, frame_or_none.children[key][0], path)
                frame_or_none.key = key
                frame_or_none.key_span = where
            else:
                attach((raw(position, end), None))
            position = end
        else:
            match = _SCALAR.match(text, position)
            end = match.end() if match and match.end() > position else position + 1
            attach((raw(position, end), None))
            position = end
    if root is None:
        root = ((1, 1, 1, 1), None)
    return root, duplicate


def _stack_path(frames: list[_Frame]) -> list[str | int]:
    steps: list[str | int] = []
    for frame in frames:
        if isinstance(frame.children, dict):
            if frame.key is not None:
                steps.append(frame.key)
        else:
            steps.append(len(frame.children))
    return steps
